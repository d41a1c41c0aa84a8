import { contract } from '@x/contract-testing';
import { describe, expect, it } from 'vitest';
import { chunk, chunkForQuery } from '../src/batch.js';
import { createModrinthClient } from '../src/index.js';
import { getProjectsBatched } from '../src/operations.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `ID${String(i).padStart(6, '0')}`);

function countingClient() {
  const c = contract('modrinth');
  const urls: string[] = [];
  const bodies: string[] = [];
  const client = createModrinthClient({
    baseUrl: c.baseUrl,
    retry: false,
    rateLimiter: false,
    fetch: async (request) => {
      urls.push(request.url);
      if (request.method === 'POST') bodies.push(await request.clone().text());
      return c.fetch(request);
    },
  });
  return { client, urls, bodies };
}

describe('chunking', () => {
  it('keeps every encoded chunk within the query limit and dedupes', () => {
    const input = [...ids(1000), ...ids(10)];
    const chunks = chunkForQuery(input, { maxQueryLength: 2000 });
    expect(chunks.flat()).toEqual(ids(1000));
    for (const part of chunks) {
      expect(encodeURIComponent(JSON.stringify(part)).length).toBeLessThanOrEqual(2000);
    }
    expect(chunks.length).toBeGreaterThan(5);
  });

  it('respects maxItems', () => {
    expect(chunkForQuery(ids(25), { maxItems: 10 }).map((c) => c.length)).toEqual([10, 10, 5]);
    expect(chunk([1, 2, 3, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });

  it('a single oversized value still goes alone', () => {
    expect(chunkForQuery(['x'.repeat(100)], { maxQueryLength: 10 })).toEqual([['x'.repeat(100)]]);
  });
});

describe('batched calls through Prism', () => {
  it('getProjectsBatched splits into several requests and merges the results', async () => {
    const { client, urls } = countingClient();
    const one = await client.getProjects({ ids: ['a'] });
    urls.length = 0;
    const all = await getProjectsBatched(client, ids(300), { maxQueryLength: 1000 });
    expect(urls.length).toBeGreaterThan(1);
    expect(all).toHaveLength(one.length * urls.length);
    for (const url of urls) {
      expect(new URL(url).searchParams.get('ids')!.length).toBeLessThanOrEqual(1000);
      expect(JSON.parse(new URL(url).searchParams.get('ids')!)).toBeInstanceOf(Array);
    }
  });

  it('getVersionsBatched and getUsersBatched chunk too', async () => {
    const { client, urls } = countingClient();
    const versions = await client.getVersionsBatched(ids(30), { maxItems: 10 });
    const users = await client.getUsersBatched(ids(20), { maxItems: 10 });
    expect(urls).toHaveLength(5);
    expect(versions.every((v) => typeof v.id === 'string')).toBe(true);
    expect(users.every((u) => typeof u.username === 'string')).toBe(true);
  });

  it('hash lookups split bodies and merge the maps', async () => {
    const { client, bodies } = countingClient();
    const hashes = ids(25);
    const found = await client.versionsFromHashesBatched(hashes, {
      algorithm: 'sha1',
      chunkSize: 10,
    });
    const latest = await client.getLatestVersionsFromHashesBatched(hashes, {
      algorithm: 'sha512',
      loaders: ['fabric'],
      game_versions: ['1.21.1'],
      chunkSize: 10,
    });
    expect(bodies).toHaveLength(6);
    expect(JSON.parse(bodies[0]!)).toMatchObject({
      algorithm: 'sha1',
      hashes: hashes.slice(0, 10),
    });
    expect(JSON.parse(bodies[5]!)).toMatchObject({
      algorithm: 'sha512',
      hashes: hashes.slice(20),
      loaders: ['fabric'],
      game_versions: ['1.21.1'],
    });
    expect(Object.keys(found).length).toBeGreaterThan(0);
    expect(Object.keys(latest).length).toBeGreaterThan(0);
  });
});
