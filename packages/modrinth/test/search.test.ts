import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contractFetchFor, fixtureJson } from '@x/contract-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModrinthClient, type SearchResults } from '../src/index.js';

// A search service of 250 hits (the fixture's hits, repeated), paged by offset/limit.
const recorded = fixtureJson<SearchResults>('modrinth', 'search-projects.sodium.json');
const TOTAL = 250;
const requests: URLSearchParams[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://x').searchParams;
    requests.push(params);
    const offset = Number(params.get('offset'));
    const limit = Number(params.get('limit'));
    const hits = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, i) => ({
      ...recorded.hits[(offset + i) % recorded.hits.length]!,
      slug: `hit-${offset + i}`,
    }));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ hits, offset, limit, total_hits: TOTAL }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('searchAll', () => {
  it('walks offset/limit pages and stops at total_hits', async () => {
    const client = createModrinthClient({
      baseUrl: base,
      fetch: contractFetchFor('modrinth', base),
      rateLimiter: false,
    });
    const slugs: string[] = [];
    for await (const hit of client.searchAll({
      query: 'sodium',
      facets: '[["categories:fabric"]]',
    })) {
      slugs.push(hit.slug ?? '');
    }
    expect(slugs).toHaveLength(TOTAL);
    expect(slugs[249]).toBe('hit-249');
    expect(requests.map((p) => [p.get('offset'), p.get('limit')])).toEqual([
      ['0', '100'],
      ['100', '100'],
      ['200', '100'],
    ]);
    expect(
      requests.every(
        (p) => p.get('query') === 'sodium' && p.get('facets') === '[["categories:fabric"]]',
      ),
    ).toBe(true);
  });

  it('pageSize sets the limit', async () => {
    requests.length = 0;
    const client = createModrinthClient({ baseUrl: base, rateLimiter: false });
    let n = 0;
    for await (const _ of client.searchAll({ pageSize: 50 })) n++;
    expect(n).toBe(TOTAL);
    expect(requests).toHaveLength(5);
  });
});
