import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { lockFolder } from './lock.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'x-update-lock-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('one holder at a time; released, it can be taken again', () => {
  const release = lockFolder(root, '/mods');
  expect(() => lockFolder(root, '/mods')).toThrow(
    `another x-update (process ${process.pid}) is working on /mods; wait for it to finish`,
  );
  release();
  expect(existsSync(join(root, 'lock'))).toBe(false);
  lockFolder(root, '/mods')();
});

test('a lock whose process is gone (kill -9) is taken over', async () => {
  const child = spawn(process.execPath, ['-e', '0']);
  const pid = child.pid as number;
  await new Promise((r) => child.once('exit', r));
  writeFileSync(join(root, 'lock'), String(pid));
  const release = lockFolder(root, '/mods');
  release();
});
