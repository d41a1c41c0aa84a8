import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createCoreFetch,
  RateLimitError,
  RateLimiter,
  type RateLimitWaitState,
} from '../src/index.js';
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
    '/limited': (_req, res) =>
      json(
        res,
        429,
        {},
        {
          'retry-after': '3600',
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': '3600',
        },
      ),
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

  it('during a pause longer than maxRetryAfterMs, calls fail at once with the wait left (never a silent block)', async () => {
    const limiter = new RateLimiter();
    const f = createCoreFetch({
      baseUrl: server.url,
      rateLimiter: limiter,
      rateLimitHeaders: names,
      retry: { maxRetryAfterMs: 200 },
    });
    await f('/far');
    const before = server.requests.length;
    const t0 = Date.now();
    const error = await f('/ua').catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(100);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(99_000_000);
    expect((error as RateLimitError).message).toMatch(
      /not sent: the API asked for a pause of \d+ s more/,
    );
    // Also with retries off: nothing is sent, nothing blocks.
    const noRetry = createCoreFetch({ baseUrl: server.url, rateLimiter: limiter, retry: false });
    await expect(noRetry('/ua')).rejects.toBeInstanceOf(RateLimitError);
    expect(server.requests.length).toBe(before);
  });

  it('a 429 whose hint exceeds maxRetryAfterMs fails fast, and so do the calls after it', async () => {
    const limiter = new RateLimiter();
    const f = createCoreFetch({
      baseUrl: server.url,
      rateLimiter: limiter,
      rateLimitHeaders: names,
      retry: { maxRetryAfterMs: 1000 },
    });
    const first = await f('/limited').catch((e: unknown) => e);
    expect(first).toBeInstanceOf(RateLimitError);
    expect(limiter.pausedUntil - Date.now()).toBeGreaterThan(3_000_000);
    const t0 = Date.now();
    await expect(f('/ua')).rejects.toBeInstanceOf(RateLimitError);
    expect(Date.now() - t0).toBeLessThan(100);
  });

  it('a 429 from another origin (a CDN after a redirect) does not pause the API’s limiter', async () => {
    const cdn = await startServer({
      '/blob': (_req, res) => json(res, 429, {}, { 'retry-after': '30' }),
    });
    try {
      server.route('/to-cdn', (_req, res) => {
        res.writeHead(302, { location: `${cdn.url}/blob` });
        res.end();
      });
      const limiter = new RateLimiter();
      const f = createCoreFetch({
        baseUrl: server.url,
        rateLimiter: limiter,
        rateLimitHeaders: names,
        retry: false,
      });
      await expect(f('/to-cdn')).rejects.toBeInstanceOf(RateLimitError);
      expect(limiter.pausedUntil).toBe(0);
    } finally {
      await cdn.close();
    }
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
