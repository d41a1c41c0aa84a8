import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic } from '../examples/basic.js';
import { pagination } from '../examples/pagination.js';
import { perCall } from '../examples/per-call.js';
import { sdkClient } from '../examples/sdk-client.js';
import { sharedLimiter } from '../examples/shared-limiter.js';
import { json, startServer, type TestServer } from './helpers/server.js';

const slugs = Array.from({ length: 250 }, (_, i) => `p${i}`);
let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    '/v2/projects/sodium': (_req, res) =>
      json(
        res,
        200,
        { title: 'Sodium' },
        { 'x-ratelimit-remaining': '100', 'x-ratelimit-reset': '60' },
      ),
    '/v2/projects/does-not-exist': (_req, res) => json(res, 404, { description: 'not found' }),
    '/v2/health': (_req, res) => json(res, 200, {}),
    '/v2/projects': (_req, res) => json(res, 201, { id: 'new' }),
    '/v2/search': (_req, res, url) => {
      const offset = Number(url.searchParams.get('offset'));
      const limit = Number(url.searchParams.get('limit'));
      json(res, 200, {
        hits: slugs.slice(offset, offset + limit).map((slug) => ({ slug })),
        total_hits: slugs.length,
      });
    },
    '/v2/games': (_req, res, url) => {
      const page = Number(url.searchParams.get('page'));
      json(res, 200, {
        games: slugs.slice((page - 1) * 50, page * 50).map((slug) => ({ slug })),
        per_page: 50,
      });
    },
  });
});
afterAll(() => server.close());

describe('README examples run', () => {
  it('basic', async () => {
    expect(await basic(`${server.url}/v2`)).toBe('Sodium; missing: 404');
    const auth = server.requests.find((r) => r.path === '/v2/projects/sodium')?.headers
      .authorization;
    expect(auth).toMatch(/^Bearer /);
  });

  it('per-call', async () => {
    expect(await perCall(`${server.url}/v2`)).toEqual([200, 201, 200]);
  });

  it('shared-limiter', async () => {
    expect(await sharedLimiter(`${server.url}/v2`)).toBe(10);
  });

  it('sdk-client', async () => {
    expect(await sdkClient(`${server.url}/v2`)).toBe('Sodium');
    expect(server.requests.at(-1)?.headers.authorization).toMatch(/^Bearer /);
  });

  it('pagination', async () => {
    const { byOffset, byPage } = await pagination(`${server.url}/v2`);
    expect(byOffset).toEqual(slugs);
    expect(byPage).toEqual(slugs);
  });
});
