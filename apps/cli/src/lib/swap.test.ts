import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { statePaths } from './state-folder.ts';
import { applyChanges, recoverFolder, undoLastChange } from './swap.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'x-update-swap-'));
  writeFileSync(join(dir, 'a-1.jar'), 'a1');
  writeFileSync(join(dir, 'b-1.jar'), 'b1');
  mkdirSync(statePaths(dir).tmp, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const files = () =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.jar'))
    .sort();
const ready = (name: string, text: string) => {
  const temp = join(statePaths(dir).tmp, name);
  writeFileSync(temp, text);
  return temp;
};

/** The state a crash leaves after `done` of the swap's renames, journal written. */
function crashedSwap(done: number, state: 'swapping' | 'committed' = 'swapping') {
  const paths = statePaths(dir);
  mkdirSync(paths.backup, { recursive: true });
  const entries = [
    { old: 'a-1.jar', temp: 'ta.part', final: 'a-2.jar' },
    { old: 'b-1.jar', temp: 'tb.part', final: 'b-1.jar' },
  ];
  writeFileSync(join(paths.tmp, 'ta.part'), 'a2');
  writeFileSync(join(paths.tmp, 'tb.part'), 'b2');
  writeFileSync(paths.journal, JSON.stringify({ version: 1, state, entries }));
  const steps = [
    () => writeFileSync(join(paths.backup, 'a-1.jar'), readFileSync(join(dir, 'a-1.jar'))),
    () => rmSync(join(dir, 'a-1.jar')),
    () => writeFileSync(join(dir, 'a-2.jar'), 'a2'),
    () => rmSync(join(paths.tmp, 'ta.part')),
    () => writeFileSync(join(paths.backup, 'b-1.jar'), readFileSync(join(dir, 'b-1.jar'))),
    () => rmSync(join(dir, 'b-1.jar')),
    () => writeFileSync(join(dir, 'b-1.jar'), 'b2'),
    () => rmSync(join(paths.tmp, 'tb.part')),
  ];
  for (const step of steps.slice(0, done)) step();
}

describe('applyChanges', () => {
  test('replaces, adds and removes files all at once; the old ones go to previous/', async () => {
    writeFileSync(join(dir, 'c-1.jar'), 'c1');
    await applyChanges(dir, [
      { old: 'a-1.jar', temp: ready('x.part', 'a2'), final: 'a-2.jar' },
      { temp: ready('y.part', 'n1'), final: 'new-1.jar' },
      { old: 'c-1.jar' },
    ]);
    expect(files()).toEqual(['a-2.jar', 'b-1.jar', 'new-1.jar']);
    expect(
      readdirSync(statePaths(dir).previous)
        .filter((n) => n.endsWith('.jar'))
        .sort(),
    ).toEqual(['a-1.jar', 'c-1.jar']);
    expect(existsSync(statePaths(dir).journal)).toBe(false);
  });

  test('a step that fails is undone at once: the folder as it was', async () => {
    const error = await applyChanges(dir, [
      { old: 'a-1.jar', temp: ready('x.part', 'a2'), final: 'a-2.jar' },
      { old: 'missing.jar', temp: ready('y.part', 'm'), final: 'm.jar' },
    ]).catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(files()).toEqual(['a-1.jar', 'b-1.jar']);
    expect(readFileSync(join(dir, 'a-1.jar'), 'utf8')).toBe('a1');
    expect(existsSync(statePaths(dir).journal)).toBe(false);
  });

  test('undoLastChange describes the way back, which applyChanges takes', async () => {
    await applyChanges(dir, [{ old: 'a-1.jar', temp: ready('x.part', 'a2'), final: 'a-2.jar' }]);
    const undo = await undoLastChange(dir);
    expect(undo?.changes).toMatchObject([{ old: 'a-2.jar', final: 'a-1.jar' }]);
    await applyChanges(dir, undo?.changes ?? [], undo?.profile);
    expect(files()).toEqual(['a-1.jar', 'b-1.jar']);
    expect(readFileSync(join(dir, 'a-1.jar'), 'utf8')).toBe('a1');
  });
});

describe('recoverFolder after a crash', () => {
  for (let done = 0; done <= 8; done++) {
    test(`during the swap, after ${done} of 8 steps: undone, every file as before`, async () => {
      crashedSwap(done);
      const { notes } = await recoverFolder(dir);
      expect(notes[0]).toMatch(/undid an update that was interrupted/);
      expect(files()).toEqual(['a-1.jar', 'b-1.jar']);
      expect(readFileSync(join(dir, 'a-1.jar'), 'utf8')).toBe('a1');
      expect(readFileSync(join(dir, 'b-1.jar'), 'utf8')).toBe('b1');
      expect(readdirSync(statePaths(dir).root).sort()).toEqual(['tmp']);
      expect(readdirSync(statePaths(dir).tmp)).toEqual([]);
      // Recovering twice changes nothing.
      expect((await recoverFolder(dir)).notes).toEqual([]);
    });
  }

  test('after the commit: finished, the new files stay, the old ones become previous/', async () => {
    crashedSwap(8, 'committed');
    const { notes } = await recoverFolder(dir);
    expect(notes[0]).toMatch(/finished an update/);
    expect(files()).toEqual(['a-2.jar', 'b-1.jar']);
    expect(readFileSync(join(dir, 'b-1.jar'), 'utf8')).toBe('b2');
    expect(readdirSync(statePaths(dir).previous).sort()).toEqual(['a-1.jar', 'b-1.jar']);
    expect(existsSync(statePaths(dir).journal)).toBe(false);
  });

  test('a download a killed run left in tmp/ is removed', async () => {
    ready('half.part', 'half a download');
    await recoverFolder(dir);
    expect(readdirSync(statePaths(dir).tmp)).toEqual([]);
  });
});
