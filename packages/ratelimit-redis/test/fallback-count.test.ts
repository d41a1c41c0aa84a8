import { createCoreFetch, RateLimiter } from '@x/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWindowServer, type WindowServer } from '../../core/test/helpers/window-worker.js';
import { RedisRateLimitStore } from '../src/index.js';
import { describeRedis, type RedisServer, startRedis } from './redis-server.js';

describeRedis('falling back to local limiting', () => {
  let redis: RedisServer;
  let api: WindowServer | undefined;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
  });

  it('counts the starts this process made through Redis: no 429 right after Redis dies', async () => {
    api = await startWindowServer({ kind: 'fixed', limit: 10, windowMs: 4000 });
    const store = new RedisRateLimitStore({
      redis: redis.url,
      key: 'x-ratelimit:fallback-count',
      onWarning: () => {},
    });
    const f = createCoreFetch({
      baseUrl: api.baseUrl,
      rateLimiter: new RateLimiter({ store }),
      rateLimitHeaders: {
        limit: 'x-ratelimit-limit',
        remaining: 'x-ratelimit-remaining',
        reset: 'x-ratelimit-reset',
      },
      retry: { maxRetryAfterMs: 10_000 },
    });
    const call = async (i: number) => (await f(`/item?i=${i}`)).status;
    try {
      await Promise.all(Array.from({ length: 5 }, (_, i) => call(i)));
      await redis.kill();
      await Promise.all(Array.from({ length: 10 }, (_, i) => call(100 + i)));
      const stats = await api.stats();
      expect(stats.ok).toBe(15);
      expect(stats.rejected).toBe(0);
    } finally {
      await store.close();
      await redis.restart();
    }
  }, 20_000);
});
