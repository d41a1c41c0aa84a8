import { expect, test } from 'vitest';
import { leftoverPrism, prismPids, runCli, SAMPLE_MODS, startCli } from './helpers.ts';

// Node 20 cannot run TypeScript: with type stripping off, any `.ts` file
// reached at run time (a workspace package's sources) fails to load.
const LIKE_NODE_20 = ['--no-experimental-strip-types'];

test('the built CLI reaches no TypeScript source at run time, mock servers included', async () => {
  const help = await runCli(['--help'], {}, LIKE_NODE_20);
  expect(help.code, help.stderr).toBe(0);
  const scan = await runCli(['scan', SAMPLE_MODS, '--game-version', '1.20.4'], {}, LIKE_NODE_20);
  expect(scan.code, scan.stderr).toBe(0);
  expect(scan.stdout).toContain('3 files');
});

for (const delayMs of [200, 500, 900]) {
  test(`Ctrl-C ${delayMs} ms into a mock-mode command exits 130 with "interrupted"`, async () => {
    const before = prismPids();
    const run = startCli(['scan', SAMPLE_MODS, '--game-version', '1.20.4']);
    await new Promise((r) => setTimeout(r, delayMs));
    run.child.kill('SIGINT');
    const { code, stderr } = await run.done;
    expect(stderr).toMatch(/interrupted/);
    expect(stderr).not.toMatch(/could not start/);
    expect(code).toBe(130);
    expect(await leftoverPrism(before)).toEqual([]);
  });
}

test('by default it starts its own mock servers, says so, and leaves no process behind', async () => {
  const before = prismPids();
  const run = startCli(['scan', SAMPLE_MODS, '--game-version', '1.20.4']);
  // The CLI's own Prism is seen while it runs (so "none left" below means something).
  let seen = false;
  while (run.child.exitCode === null && !seen) {
    seen = [...prismPids()].some((pid) => !before.has(pid));
    await new Promise((r) => setTimeout(r, 20));
  }
  const { code, stdout, stderr } = await run.done;
  expect(seen).toBe(true);
  expect(code, stderr).toBe(0);
  expect(stderr).toContain('mock data: answers come from Prism mock servers built from specs/');
  expect(stdout).toContain('3 files');
  expect(await leftoverPrism(before)).toEqual([]);
});

test('--json output carries `mock: true` and no banner on stdout', async () => {
  const { code, stdout } = await runCli(['--json', 'search', 'sodium']);
  expect(code).toBe(0);
  expect(JSON.parse(stdout)).toMatchObject({ command: 'search', mock: true });
});

test.each([
  [['scan', SAMPLE_MODS], /required option '--game-version <version>' not specified/],
  [['search', 'x', '--page', '0'], /expected a positive whole number, got "0"/],
  [['search', 'x', '--limit', '500'], /'--limit <n>' argument '500' is invalid\. at most 100/],
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

test('mock mode shows plausible ids, never -9007199254740991', async () => {
  const { code, stdout } = await runCli(['itch', 'library']);
  expect(code).toBe(0);
  expect(stdout).toMatch(/│ 1\s+│/);
  expect(stdout).not.toContain('-9007199254740991');
});
