import { RateLimiter } from '@x/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RedisRateLimitStore } from '../src/index.js';
import { describeRedis, type RedisServer, startRedis } from './redis-server.js';

describeRedis('a start Redis granted to a call that left', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('is given back: it does not count against the window as if it had been sent', async () => {
    const store = new RedisRateLimitStore({ redis: redis.url, key: 'give-back' });
    const limiter = new RateLimiter({ store, serverLimit: { limit: 2, windowMs: 10_000 } });
    try {
      // Queued while the store asks Redis, then aborted before the grant arrives.
      const left = new AbortController();
      const queued = limiter.acquire(left.signal).catch(() => 'aborted');
      left.abort();
      expect(await queued).toBe('aborted');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const first = await limiter.acquire();
      const second = await Promise.race([
        limiter.acquire(),
        new Promise((resolve) => setTimeout(() => resolve('blocked'), 1000)),
      ]);
      expect(second).toBeTypeOf('function');
      first();
      if (typeof second === 'function') second();
    } finally {
      await store.close();
    }
  });
});
