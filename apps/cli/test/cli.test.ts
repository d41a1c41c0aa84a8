import { expect, test } from 'vitest';
import { prismPids, runCli, SAMPLE_MODS } from './helpers.ts';

test('by default it starts its own mock servers, says so, and leaves no process behind', async () => {
  const before = prismPids();
  const { code, stdout, stderr } = await runCli(['scan', SAMPLE_MODS, '--game-version', '1.20.4']);
  expect(code, stderr).toBe(0);
  expect(stderr).toContain('mock data: answers come from Prism mock servers built from specs/');
  expect(stdout).toContain('3 files');
  const leftovers = [...prismPids()].filter((pid) => !before.has(pid));
  expect(leftovers).toEqual([]);
});

test('--json output carries `mock: true` and no banner on stdout', async () => {
  const { code, stdout } = await runCli(['--json', 'search', 'sodium']);
  expect(code).toBe(0);
  expect(JSON.parse(stdout)).toMatchObject({ command: 'search', mock: true });
});

test.each([
  [['scan', SAMPLE_MODS], /required option '--game-version <version>' not specified/],
  [['search', 'x', '--page', '0'], /expected a positive whole number, got "0"/],
  [['search', 'x', '--limit', '500'], /--limit is at most 100/],
  [['frobnicate'], /unknown command 'frobnicate'/],
  [['itch', 'uploads', 'abc'], /expected a positive whole number, got "abc"/],
])('usage error %j exits 2 with a clear message', async (args, message) => {
  const { code, stderr, stdout } = await runCli(args);
  expect(stderr).toMatch(message);
  expect(code).toBe(2);
  expect(stdout).toBe('');
});

test('--help and --version exit 0', async () => {
  const help = await runCli(['--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(
    /scan \[options\] <dir>.*update \[options\] <dir>.*search \[options\] <query>.*itch/s,
  );
  const version = await runCli(['--version']);
  expect(version.code).toBe(0);
  expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
});

test('itch download under the mocks explains why there is no file, exit 1', async () => {
  const { code, stderr, stdout } = await runCli(['itch', 'download', '5', SAMPLE_MODS]);
  expect(code).toBe(1);
  expect(stdout).toBe('');
  expect(stderr).toMatch(
    /error: the mock servers have no file to download \(the download route is not in the spec\)/,
  );
});
