import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type CatalogMod,
  type ModrinthDouble,
  modrinthDouble,
} from '../doubles/modrinth-double.ts';
import { digest, runCli, startCli, tempFolder } from './helpers.ts';

// kill -9 at random moments during an update: after each kill, the next
// command must leave every mod present exactly once (old or new version) and
// no stray temporary or backup file.
const MODS = 16;
const KILLS = 24;
const filters = ['--game-version', '1.20.4'];

const catalog: CatalogMod[] = Array.from({ length: MODS }, (_, i) => ({
  projectId: `CrAsH${String(i).padStart(3, '0')}`,
  slug: `crash-mod-${i}`,
  title: `Crash Mod ${i}`,
  releases: ['1.0.0', '2.0.0'].map((number, n) => ({
    id: `CrV${i}x${n}`.padEnd(8, '0'),
    number,
    published: `2024-0${n + 1}-01T00:00:00.000000Z`,
    fileName: `crash-mod-${i}-${number}.jar`,
    // Sizeable files, so downloads and the swap take a while.
    bytes: Buffer.from(`crash mod ${i} version ${number} `.repeat(20_000)),
  })),
}));

let double: ModrinthDouble;
beforeAll(async () => {
  double = await modrinthDouble(catalog);
});
afterAll(() => double.close());

/** A folder with every mod's old release. */
function oldFolder(): string {
  const dir = tempFolder('x-update-crash-');
  for (const mod of catalog) {
    const old = mod.releases[0]!;
    writeFileSync(join(dir, old.fileName), old.bytes);
  }
  return dir;
}

/** Every mod exactly once, old or new, byte for byte; nothing else but the state folder. */
function checkFolder(dir: string): { updated: number } {
  const names = readdirSync(dir).filter((n) => n !== '.x-update');
  let updated = 0;
  for (const mod of catalog) {
    const present = mod.releases.filter((r) => names.includes(r.fileName));
    expect(
      present.map((r) => r.fileName),
      `${mod.slug} present exactly once`,
    ).toHaveLength(1);
    const release = present[0]!;
    expect(digest('sha512', readFileSync(join(dir, release.fileName)))).toBe(
      digest('sha512', release.bytes),
    );
    if (release.number === '2.0.0') updated++;
  }
  expect(names.length, `no stray file in ${names.join(', ')}`).toBe(catalog.length);
  const state = join(dir, '.x-update');
  if (existsSync(state)) {
    expect(
      readdirSync(state).filter((n) => !['tmp', 'previous', 'profile.json'].includes(n)),
    ).toEqual([]);
    expect(readdirSync(join(state, 'tmp'))).toEqual([]);
  }
  return { updated };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test(`kill -9 at ${KILLS} random moments of an update: the next command leaves every mod exactly once`, async () => {
  // How long a whole update takes here, and when its swap begins.
  const probe = oldFolder();
  const started = Date.now();
  const full = await runCli(['--modrinth-url', double.api.url, 'update', probe, ...filters]);
  expect(full.code, full.stderr).toBe(0);
  const duration = Date.now() - started;
  expect(checkFolder(probe).updated).toBe(MODS);

  let midSwap = 0;
  const outcomes = { old: 0, new: 0, mixed: 0 };
  for (let i = 0; i < KILLS; i++) {
    const dir = oldFolder();
    const run = startCli(['--modrinth-url', double.api.url, 'update', dir, ...filters]);
    const journal = join(dir, '.x-update', 'journal.json');
    if (i % 2 === 0) {
      // Half the kills land anywhere in the run...
      await sleep(Math.random() * duration);
    } else {
      // ...half right after the swap has begun (the journal exists), at a random step of it.
      const deadline = Date.now() + duration * 3;
      while (!existsSync(journal) && Date.now() < deadline) await sleep(1);
      await sleep(Math.random() * 4);
    }
    run.child.kill('SIGKILL');
    await run.done;
    if (existsSync(journal)) midSwap++;
    // The next command recovers the folder.
    const next = await runCli(['--modrinth-url', double.api.url, 'scan', dir, ...filters]);
    expect(next.code, next.stderr).toBe(0);
    const { updated } = checkFolder(dir);
    if (updated === 0) outcomes.old++;
    else if (updated === MODS) outcomes.new++;
    else outcomes.mixed++;
  }
  // The swap is all-or-nothing: a recovered folder is all old or all new.
  expect(outcomes.mixed).toBe(0);
  // Enough kills landed inside the swap to matter.
  expect(midSwap).toBeGreaterThanOrEqual(3);
  console.log(
    `kill -9: ${KILLS} kills, ${midSwap} during the swap; after recovery ${outcomes.old} all old, ${outcomes.new} all new`,
  );
}, 180_000);

test('Ctrl-C during the swap waits for it to finish: every mod updated, nothing stray', async () => {
  let landed = 0;
  for (let attempt = 0; attempt < 6 && landed < 2; attempt++) {
    const dir = oldFolder();
    const run = startCli(['--modrinth-url', double.api.url, 'update', dir, ...filters]);
    const journal = join(dir, '.x-update', 'journal.json');
    while (!existsSync(journal) && run.child.exitCode === null) await sleep(1);
    run.child.kill('SIGINT');
    const { code, stderr, stdout } = await run.done;
    if (!stderr.includes('finishing the file swap first')) continue; // landed after the swap
    landed++;
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`updated ${MODS} files`);
    expect(checkFolder(dir).updated).toBe(MODS);
  }
  expect(landed).toBeGreaterThanOrEqual(1);
});
