import type { ContractProxy } from '@x/contract-testing/servers';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { proxyFor, runCli } from './helpers.ts';
import { assertMatches, searchSchema } from './schemas.ts';

let proxy: ContractProxy;
beforeAll(async () => {
  proxy = await proxyFor('modrinth');
});
afterEach(() => expect(proxy.violations.map((v) => v.message)).toEqual([]));
afterAll(() => proxy.close());

test('search with facet flags: the request keeps the contract, --json follows its schema', async () => {
  const { code, stdout, stderr } = await runCli([
    '--json',
    '--modrinth-url',
    proxy.url,
    'search',
    'sodium',
    '--loader',
    'fabric',
    '--category',
    'optimization',
    '--game-version',
    '1.20.4',
    '--game-version',
    '1.20.1',
    '--type',
    'mod',
    '--page',
    '2',
    '--limit',
    '5',
  ]);
  expect(code, stderr).toBe(0);
  const out = JSON.parse(stdout);
  assertMatches(searchSchema, out);
  expect(out).toMatchObject({ query: 'sodium', page: 2, limit: 5 });
  expect(out.hits.length).toBeGreaterThan(0);
});

test('search prints a table and says how to get the next page', async () => {
  const { code, stdout } = await runCli([
    '--modrinth-url',
    proxy.url,
    'search',
    'sodium',
    '--limit',
    '3',
  ]);
  expect(code).toBe(0);
  expect(stdout).toMatch(/project\s*│\s*title\s*│\s*type\s*│\s*downloads\s*│\s*author/);
  expect(stdout).toMatch(/page 1 of \d+ \(\d+ hits\)/);
});
