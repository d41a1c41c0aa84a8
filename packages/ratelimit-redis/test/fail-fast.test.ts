import { createCoreFetch, RateLimitError, RateLimiter } from '@x/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../core/test/helpers/server.js';
import { RedisRateLimitStore } from '../src/index.js';
import { describeRedis, type RedisServer, startRedis } from './redis-server.js';

const names = {
  limit: 'x-ratelimit-limit',
  remaining: 'x-ratelimit-remaining',
  reset: 'x-ratelimit-reset',
} as const;

describeRedis('the Redis store through createCoreFetch', () => {
  let redis: RedisServer;
  let api: TestServer;
  let inFlight = 0;
  let peak = 0;
  beforeAll(async () => {
    redis = await startRedis();
    api = await startServer({
      '/ok': (_req, res) => json(res, 200, {}),
      '/slow': async (_req, res) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 100));
        inFlight--;
        json(res, 200, {});
      },
      '/last': (_req, res) =>
        json(
          res,
          200,
          {},
          { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '3600' },
        ),
    });
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
  });

  it('Remaining: 0 with a reset past maxRetryAfterMs: the next call fails fast, never a silent block', async () => {
    const store = new RedisRateLimitStore({ redis: redis.url, key: 'fail-fast-own' });
    try {
      const f = createCoreFetch({
        baseUrl: api.url,
        rateLimiter: new RateLimiter({ store }),
        rateLimitHeaders: names,
        retry: { maxRetryAfterMs: 200 },
      });
      await f('/last');
      const t0 = Date.now();
      const error = await Promise.race([
        f('/ok').catch((e: unknown) => e),
        new Promise((resolve) => setTimeout(() => resolve('blocked'), 1000)),
      ]);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(Date.now() - t0).toBeLessThan(500);
    } finally {
      await store.close();
    }
  });

  it('an API that states no limit: its first answer ends the cold-start probe (calls are not serialized for good)', async () => {
    const store = new RedisRateLimitStore({ redis: redis.url, key: 'no-headers' });
    try {
      const f = createCoreFetch({
        baseUrl: api.url,
        rateLimiter: new RateLimiter({ store }),
        rateLimitHeaders: names,
      });
      await f('/slow');
      peak = 0;
      await Promise.all(Array.from({ length: 5 }, () => f('/slow')));
      expect(peak).toBe(5);
    } finally {
      await store.close();
    }
  });

  it('a pause another process met: once this one has heard of it, its calls fail fast too', async () => {
    const a = new RedisRateLimitStore({ redis: redis.url, key: 'fail-fast-shared' });
    const b = new RedisRateLimitStore({ redis: redis.url, key: 'fail-fast-shared' });
    const client = (store: RedisRateLimitStore) =>
      createCoreFetch({
        baseUrl: api.url,
        rateLimiter: new RateLimiter({ store }),
        rateLimitHeaders: names,
        retry: { maxRetryAfterMs: 200 },
      });
    const fa = client(a);
    const fb = client(b);
    const stop = new AbortController();
    try {
      await fa('/last');
      // B's first call learns of the pause from Redis (it was queued before).
      const first = fb('/ok', { signal: stop.signal }).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const t0 = Date.now();
      const error = await Promise.race([
        fb('/ok').catch((e: unknown) => e),
        new Promise((resolve) => setTimeout(() => resolve('blocked'), 1000)),
      ]);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(Date.now() - t0).toBeLessThan(500);
      stop.abort();
      await first;
    } finally {
      stop.abort();
      await a.close();
      await b.close();
    }
  });
});
