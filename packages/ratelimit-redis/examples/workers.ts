import { createCoreFetch, RateLimiter } from '@x/core';
import { RedisRateLimitStore } from '@x/ratelimit-redis';

/**
 * One worker of several behind one address: every worker builds its client
 * the same way, with the same Redis key, and together they stay within the
 * API's limit (learned from its headers, or the assumed 300 per minute).
 */
export async function worker(baseUrl: string, redisUrl: string, paths: string[]) {
  const store = new RedisRateLimitStore({ redis: redisUrl, key: 'x-ratelimit:my-api' });
  const api = createCoreFetch({
    baseUrl,
    rateLimiter: new RateLimiter({ serverLimit: { limit: 300, windowMs: 60_000 }, store }),
    rateLimitHeaders: {
      limit: 'x-ratelimit-limit',
      remaining: 'x-ratelimit-remaining',
      reset: 'x-ratelimit-reset',
    },
  });
  try {
    const responses = await Promise.all(paths.map((path) => api(path)));
    return responses.map((r) => r.status);
  } finally {
    await store.close(); // ends the connection this store opened from the URL
  }
}
