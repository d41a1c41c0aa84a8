import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCoreFetch, RateLimiter, type RateLimitWaitState } from '../src/index.js';
import { json, startServer, type TestServer } from './helpers/server.js';

const names = {
  limit: 'x-ratelimit-limit',
  remaining: 'x-ratelimit-remaining',
  reset: 'x-ratelimit-reset',
} as const;
let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    '/last': (_req, res) =>
      json(
        res,
        200,
        {},
        { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '0.15' },
      ),
    '/far': (_req, res) =>
      json(
        res,
        200,
        {},
        { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '99999' },
      ),
    '/ua': (req, res) => json(res, 200, { ua: req.headers['user-agent'] ?? null }),
  });
});
afterAll(() => server.close());
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('header-driven limiter', () => {
  it('holds the next request until the reset when remaining reaches 0', async () => {
    const waits: RateLimitWaitState[] = [];
    const limiter = new RateLimiter();
    const f = createCoreFetch({
      baseUrl: server.url,
      rateLimiter: limiter,
      rateLimitHeaders: names,
      hooks: { onRateLimitWait: [(s) => void waits.push(s)] },
    });
    await f('/last');
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({ reason: 'remaining-exhausted', limit: 5 });
    expect(limiter.pausedUntil).toBeGreaterThan(Date.now());
    const t0 = Date.now();
    await f('/ua');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
  });

  it('pauses a shared limiter for every client using it', async () => {
    const limiter = new RateLimiter();
    const a = createCoreFetch({
      baseUrl: server.url,
      rateLimiter: limiter,
      rateLimitHeaders: names,
    });
    const b = createCoreFetch({ baseUrl: server.url, rateLimiter: limiter });
    await a('/last');
    expect(limiter.tryAcquire()).toBeUndefined();
    const t0 = Date.now();
    await b('/ua');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
  });

  it('caps a pause from an absurd reset at maxRetryAfterMs', async () => {
    const limiter = new RateLimiter();
    const f = createCoreFetch({
      baseUrl: server.url,
      rateLimiter: limiter,
      rateLimitHeaders: names,
      retry: { maxRetryAfterMs: 200 },
    });
    await f('/far');
    expect(limiter.pausedUntil - Date.now()).toBeLessThanOrEqual(200);
  });
});

describe('User-Agent in browsers', () => {
  it('is not set when the runtime looks like a browser', async () => {
    vi.stubGlobal('document', {});
    const f = createCoreFetch({ baseUrl: server.url, userAgent: 'sdk/1.0' });
    const { ua } = (await (await f('/ua')).json()) as { ua: string | null };
    expect(ua).not.toBe('sdk/1.0');
  });
});
