import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModrinthClient } from '../src/index.js';

// A search service like Modrinth's: 250 hits, at most 100 per page whatever
// `limit` asks (issue 13: `searchAll({ pageSize: 200 })` stopped at 100).
const TOTAL = 250;
const CAP = 100;
const asked: number[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://x').searchParams;
    const offset = Number(params.get('offset') ?? 0);
    const limit = Number(params.get('limit') ?? 10);
    asked.push(limit);
    const count = Math.max(0, Math.min(limit, CAP, TOTAL - offset));
    const hits = Array.from({ length: count }, (_, i) => ({
      project_id: `p${offset + i}`,
      slug: `hit-${offset + i}`,
      title: `Hit ${offset + i}`,
    }));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ hits, offset, limit: Math.min(limit, CAP), total_hits: TOTAL }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('searchAll under the 100-hit cap', () => {
  it('pageSize 200 still returns every hit, asking for 100 at a time', async () => {
    asked.length = 0;
    const client = createModrinthClient({ baseUrl, rateLimiter: false });
    const slugs: string[] = [];
    for await (const hit of client.searchAll({ pageSize: 200 })) slugs.push(hit.slug ?? '');
    expect(slugs).toHaveLength(TOTAL);
    expect(new Set(slugs).size).toBe(TOTAL);
    expect(asked).toEqual([100, 100, 100]);
  });
});
