import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreFetch, RateLimitError, RateLimiter } from '../src/index.js';
import { json, startServer, type TestServer } from './helpers/server.js';

const names = {
  limit: 'x-ratelimit-limit',
  remaining: 'x-ratelimit-remaining',
  reset: 'x-ratelimit-reset',
} as const;
let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    '/ok': (_req, res) => json(res, 200, {}),
    '/reset-1e300': (_req, res) =>
      json(
        res,
        200,
        {},
        { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1e300' },
      ),
    '/infinite-window': (_req, res) =>
      json(
        res,
        200,
        {},
        {
          'ratelimit-policy': `"default";q=2;w=${'9'.repeat(400)}`,
          ratelimit: '"default";r=1;t=1',
        },
      ),
    '/negative': (_req, res) =>
      json(
        res,
        200,
        {},
        { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '-1', 'x-ratelimit-reset': '3600' },
      ),
  });
});
afterAll(() => server.close());

describe('hostile rate-limit headers', () => {
  it('Reset: 1e300 with Remaining: 0: the next call fails fast with a RateLimitError, not a RangeError', async () => {
    const f = createCoreFetch({
      baseUrl: server.url,
      rateLimiter: new RateLimiter(),
      rateLimitHeaders: names,
      retry: { maxRetryAfterMs: 200 },
    });
    await f('/reset-1e300');
    const error = await f('/ok').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
  });

  it('Remaining: -1 (spent) with a far reset: the next call fails fast, never a silent block', async () => {
    const f = createCoreFetch({
      baseUrl: server.url,
      rateLimiter: new RateLimiter(),
      rateLimitHeaders: names,
      retry: { maxRetryAfterMs: 200 },
    });
    await f('/negative');
    const t0 = Date.now();
    const error = await Promise.race([
      f('/ok').catch((e: unknown) => e),
      new Promise((resolve) => setTimeout(() => resolve('blocked'), 1000)),
    ]);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(Date.now() - t0).toBeLessThan(500);
  });
  it('RateLimit-Policy with a window too long to be a number (w=999…): not an endless window that blocks for good', async () => {
    const f = createCoreFetch({
      baseUrl: server.url,
      rateLimiter: new RateLimiter(),
      rateLimitHeaders: names,
    });
    const t0 = Date.now();
    const done = Promise.all([1, 2, 3].map(() => f('/infinite-window').then(() => 'done')));
    const result = await Promise.race([
      done,
      new Promise((resolve) => setTimeout(() => resolve('blocked'), 3000)),
    ]);
    expect(result).toEqual(['done', 'done', 'done']);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe('long waits', () => {
  it('a pause beyond setTimeout’s range (~24.8 days) does not spin the limiter’s timer', async () => {
    let reads = 0;
    const limiter = new RateLimiter({
      now: () => {
        reads++;
        return Date.now();
      },
    });
    limiter.pauseUntil(Date.now() + 30 * 24 * 3600_000);
    const controller = new AbortController();
    const queued = limiter.acquire(controller.signal).catch(() => 'aborted');
    const before = reads;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const during = reads - before;
    controller.abort();
    expect(await queued).toBe('aborted');
    expect(during).toBeLessThan(5);
  });
});

describe('a retry after a 429 keeps its place', () => {
  it('it is sent before the calls queued behind the pause', async () => {
    let flaky = 0;
    const order: string[] = [];
    const api = await startServer({
      '/a': (_req, res) => {
        order.push(flaky === 0 ? 'a' : 'a-retry');
        if (flaky++ === 0) json(res, 429, {}, { 'retry-after': '1' });
        else json(res, 200, {});
      },
      '/b': (_req, res) => {
        order.push('b');
        json(res, 200, {});
      },
    });
    try {
      const f = createCoreFetch({
        baseUrl: api.url,
        rateLimiter: new RateLimiter({ maxConcurrent: 1 }),
      });
      const a = f('/a');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const b = f('/b');
      await Promise.all([a, b]);
      expect(order).toEqual(['a', 'a-retry', 'b']);
    } finally {
      await api.close();
    }
  });
});
