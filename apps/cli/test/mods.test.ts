import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractProxy } from '@x/contract-testing/servers';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  type FakeModrinth,
  fakeModrinth,
  LITHIUM_FILE,
  NEW_SODIUM_BYTES,
  NEW_SODIUM_FILE,
  SODIUM_FILE,
  UNKNOWN_FILE,
} from './fake-modrinth.ts';
import { proxyFor, runCli, sampleModsCopy, snapshot, startCli } from './helpers.ts';
import { assertMatches, scanSchema, updateSchema } from './schemas.ts';

let fake: FakeModrinth;
let proxy: ContractProxy;
const filters = ['--loader', 'fabric', '--game-version', '1.20.4'];
const api = () => ['--modrinth-url', proxy.url];

beforeAll(async () => {
  fake = await fakeModrinth();
  proxy = await proxyFor('modrinth', fake.api.url);
});
afterEach(() => {
  fake.mode.value = 'good';
  // Every answer the CLI received kept the Modrinth contract.
  expect(proxy.violations.map((v) => v.message)).toEqual([]);
});
afterAll(async () => {
  await proxy.close();
  await fake.close();
});

describe('scan', () => {
  test('identifies files in one batched lookup, lists unknown ones, prints a table', async () => {
    const dir = sampleModsCopy();
    const { code, stdout } = await runCli([...api(), 'scan', dir, ...filters]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /sodium-fabric-0\.5\.8\+mc1\.20\.4\.jar\s*│\s*Sodium\s*│\s*0\.5\.8\+mc1\.20\.4\s*│\s*0\.5\.11\+mc1\.20\.4\s*│\s*update available/,
    );
    expect(stdout).toMatch(/lithium-fabric-mc1\.20\.4-0\.12\.1\.jar\s*│\s*Lithium\s*│.*up to date/);
    expect(stdout).toMatch(/my-private-tweaks-1\.0\.jar\s*│\s*-\s*│\s*-\s*│\s*-\s*│\s*unknown/);
    expect(stdout).toContain(
      '3 files: 2 checked on Modrinth (1 with updates), 1 unknown (not checked)',
    );
    const lookups = fake.api.requests.filter((r) => r.url === '/version_files');
    expect(lookups.length).toBeGreaterThanOrEqual(1);
  });

  test('--json output follows its schema', async () => {
    const { code, stdout } = await runCli([
      '--json',
      ...api(),
      'scan',
      sampleModsCopy(),
      ...filters,
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    assertMatches(scanSchema, out);
    const byFile = Object.fromEntries(
      out.files.map((f: { file: string; status: string }) => [f.file, f.status]),
    );
    expect(byFile).toEqual({
      [SODIUM_FILE]: 'update available',
      [LITHIUM_FILE]: 'up to date',
      [UNKNOWN_FILE]: 'unknown',
    });
  });

  test('a missing folder is one clear line and exit 1', async () => {
    const { code, stderr, stdout } = await runCli([
      ...api(),
      'scan',
      '/no/such/folder',
      ...filters,
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('error: cannot read mods folder /no/such/folder: it does not exist');
  });
});

describe('update', () => {
  test('--dry-run shows the plan and changes nothing', async () => {
    const dir = sampleModsCopy();
    const before = snapshot(dir);
    const { code, stdout } = await runCli([
      '--json',
      ...api(),
      'update',
      dir,
      ...filters,
      '--dry-run',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    assertMatches(updateSchema, out);
    expect(out).toMatchObject({
      dryRun: true,
      applied: false,
      updates: [{ file: SODIUM_FILE, newFile: NEW_SODIUM_FILE }],
    });
    expect(snapshot(dir)).toEqual(before);
  });

  test('downloads, verifies and swaps in the newer file; nothing else changes, no leftovers', async () => {
    const dir = sampleModsCopy();
    const before = snapshot(dir);
    const { code, stdout } = await runCli([...api(), 'update', dir, ...filters]);
    expect(code).toBe(0);
    expect(stdout).toContain('updated 1 file: downloaded, sha512 verified, swapped in');
    const after = snapshot(dir);
    // The replaced file is kept in the state folder for `rollback`, with the profile; nothing else.
    expect(Object.keys(after).sort()).toEqual(
      [
        LITHIUM_FILE,
        UNKNOWN_FILE,
        NEW_SODIUM_FILE,
        `.x-update/previous/${SODIUM_FILE}`,
        '.x-update/previous/.changes.json',
        '.x-update/previous/.profile.json',
        '.x-update/profile.json',
      ].sort(),
    );
    expect(after[`.x-update/previous/${SODIUM_FILE}`]).toBe(before[SODIUM_FILE]);
    expect(readFileSync(join(dir, NEW_SODIUM_FILE))).toEqual(NEW_SODIUM_BYTES);
    expect(after[LITHIUM_FILE]).toBe(before[LITHIUM_FILE]);
    expect(existsSync(join(dir, SODIUM_FILE))).toBe(false);
  });

  for (const [mode, message] of [
    ['corrupt', /the download is corrupt: its sha512 is/],
    ['cut', /error: .*(cut short|terminated|closed|aborted|ECONNRESET|other side)/i],
  ] as const) {
    test(`a ${mode} download is rejected and the folder is left exactly as it was`, async () => {
      fake.mode.value = mode;
      const dir = sampleModsCopy();
      const before = snapshot(dir);
      const { code, stderr } = await runCli([...api(), 'update', dir, ...filters]);
      expect(code).toBe(1);
      expect(stderr).toMatch(message);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  test('Ctrl-C during a download leaves the folder untouched (exit 130)', async () => {
    fake.mode.value = 'stall';
    const dir = sampleModsCopy();
    const before = snapshot(dir);
    const seen = fake.files.requests.length;
    const run = startCli([...api(), 'update', dir, ...filters]);
    // Wait until the download has started (the file server saw a new request).
    for (let i = 0; i < 200 && fake.files.requests.length === seen; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 200));
    run.child.kill('SIGINT');
    const { code, stderr } = await run.done;
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted by SIGINT/);
    expect(snapshot(dir)).toEqual(before);
  });
});
