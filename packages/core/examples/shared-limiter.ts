import { createCoreFetch, RateLimiter } from '@x/core';

/** Two clients (e.g. a user's and an app's token) sharing one 300 requests/minute budget. */
export async function sharedLimiter(baseUrl: string): Promise<number> {
  const limiter = new RateLimiter({ maxRequests: 300, intervalMs: 60_000, maxConcurrent: 8 });
  const rateLimitHeaders = {
    limit: 'x-ratelimit-limit',
    remaining: 'x-ratelimit-remaining',
    reset: 'x-ratelimit-reset',
    resetKind: 'delta-seconds',
  } as const;

  const user = createCoreFetch({
    baseUrl,
    token: 'user-token',
    rateLimiter: limiter,
    rateLimitHeaders,
  });
  const app = createCoreFetch({
    baseUrl,
    token: 'app-token',
    rateLimiter: limiter,
    rateLimitHeaders,
  });

  // When a response says `x-ratelimit-remaining: 0`, both clients hold their
  // queued requests until the reset instead of collecting 429s.
  const responses = await Promise.all([
    ...Array.from({ length: 5 }, () => user('/projects/sodium')),
    ...Array.from({ length: 5 }, () => app('/projects/sodium')),
  ]);
  return responses.filter((r) => r.ok).length;
}
