import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contractFetchFor, fixtureJson } from '@x/contract-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModrinthClient, type Version } from '../src/index.js';

// Real-shaped sodium versions, newest first.
const versions = fixtureJson<Version[]>('modrinth', 'get-project-versions.sodium.json');
const newer = versions[0]!;
const older = versions[7]!;
const hashes = { sha1: 'a'.repeat(40), sha512: 'b'.repeat(128) };
/** What the double says is installed, and what it says is the latest for the filters. */
let installed: Version;
let latest: Version;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const answer = req.url?.endsWith('/update') ? latest : installed;
    res.end(JSON.stringify({ [hashes.sha512]: answer }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function check() {
  const client = createModrinthClient({
    baseUrl: base,
    fetch: contractFetchFor('modrinth', base),
    rateLimiter: false,
  });
  const [result] = await client.checkUpdates([{ name: 'sodium.jar', hashes }], {
    loaders: ['fabric'],
    game_versions: ['1.20.4'],
  });
  return result!;
}

describe('checkUpdates offers only newer versions', () => {
  it('a version published later is an update', async () => {
    installed = older;
    latest = newer;
    expect(await check()).toMatchObject({ updateAvailable: true, latest: { id: newer.id } });
  });

  it('a different but older version (the installed build is newer than any matching the filters) is not: no downgrade', async () => {
    installed = newer;
    latest = older;
    const result = await check();
    expect(result.latest?.id).toBe(older.id);
    expect(result.updateAvailable).toBe(false);
  });

  it('the same version is not an update', async () => {
    installed = newer;
    latest = newer;
    expect((await check()).updateAvailable).toBe(false);
  });
});
