import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FakeModrinth, fakeModrinth } from './fake-modrinth.ts';
import { leftoverPrism, prismPids, runCli, sampleModsCopy } from './helpers.ts';

// Errors a user can act on: bad flag values stop everything with exit 2 and a
// usage line, before any server starts or any file is read.
let fake: FakeModrinth;
beforeAll(async () => {
  fake = await fakeModrinth();
});
afterAll(() => fake.close());

test.each([
  [
    ['--modrinth-url', 'not-a-url', 'search', 'x'],
    /"not-a-url" is not an absolute URL/,
    'x-update',
  ],
  [
    ['--modrinth-url', 'ftp://mirror.example/v2', 'search', 'x'],
    /is not an http\(s\) URL/,
    'x-update',
  ],
  [['search', 'x', '--limit', '500'], /at most 100, got 500/, 'x-update search'],
  [
    ['search', 'x', '--page', '1.5'],
    /expected a positive whole number, got "1\.5"/,
    'x-update search',
  ],
  [
    ['--timeout', '0', 'update', '.', '--game-version', '1.20.4'],
    /expected a positive whole number/,
    'x-update',
  ],
])('%j: exit 2 with a usage line, nothing started', async (args, message, usage) => {
  const before = prismPids();
  const started = Date.now();
  const { code, stderr, stdout } = await runCli(args);
  expect(stderr).toMatch(message);
  expect(stderr).toContain(`usage: ${usage} [options]`);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(await leftoverPrism(before)).toEqual([]);
});

test.each([
  [
    ['--game-version', 'banana'],
    '--game-version "banana" is not a game version Modrinth knows; did you mean',
  ],
  [
    ['--game-version', '1.20.5'],
    '--game-version "1.20.5" is not a game version Modrinth knows; did you mean "1.20.4"?',
  ],
  [
    ['--loader', 'fabirc', '--game-version', '1.20.4'],
    '--loader "fabirc" is not a loader Modrinth knows; did you mean "fabric"?',
  ],
])(
  '%j is checked against Modrinth’s tag lists: exit 2 with the nearest value',
  async (flags, message) => {
    const dir = sampleModsCopy();
    const { code, stderr } = await runCli(['--modrinth-url', fake.api.url, 'scan', dir, ...flags]);
    expect(stderr).toContain(`error: ${message}`);
    expect(code).toBe(2);
  },
);

test('the assumed loader is named; the tag lists are fetched once and cached', async () => {
  const dir = sampleModsCopy();
  const tagRequests = () => fake.api.requests.filter((r) => r.url?.startsWith('/tag/')).length;
  const first = await runCli([
    '--modrinth-url',
    fake.api.url,
    'scan',
    dir,
    '--game-version',
    '1.20.4',
  ]);
  expect(first.code, first.stderr).toBe(0);
  expect(first.stderr).toContain('loader: fabric (assumed; choose another with --loader)');
  const fetched = tagRequests();
  const second = await runCli([
    '--modrinth-url',
    fake.api.url,
    'scan',
    dir,
    '--loader',
    'fabric',
    '--game-version',
    '1.20.4',
  ]);
  expect(second.code).toBe(0);
  expect(second.stderr).not.toContain('assumed');
  expect(tagRequests()).toBe(fetched);
});
