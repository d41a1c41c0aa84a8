import { afterEach, describe, expect, it } from 'vitest';
import { createCoreFetch, RateLimiter, type RateLimitWaitState } from '../src/index.js';
import { startServer, type TestServer } from './helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Reads "wait N ms" from a JSON body's `description`. */
const fromBody = (body: unknown) => {
  const text = (body as { description?: unknown } | undefined)?.description;
  const match = typeof text === 'string' ? /wait (\d+) ms/.exec(text) : null;
  return match ? Number(match[1]) : undefined;
};

describe('a 429 whose wait is only in its body', () => {
  it('is waited as the body says, and retried beyond maxRetries while the waits fit maxRetryAfterMs', async () => {
    let refusals = 5;
    server = await startServer({
      '/item': (_req, res) => {
        if (refusals-- > 0) {
          res.writeHead(429, { 'content-type': 'application/json' });
          res.end('{"description":"slow down: wait 50 ms"}');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      },
    });
    const f = createCoreFetch({
      baseUrl: server.url,
      retryAfterFromBody: fromBody,
      retry: { maxRetries: 1, maxRetryAfterMs: 1000 },
    });
    const started = Date.now();
    const response = await f('/item');
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(6);
    // Five waits of 50 ms, not the policy's backoff (0.5 s and up).
    expect(Date.now() - started).toBeGreaterThanOrEqual(5 * 50 - 5);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('stops when the waits asked for add up past maxRetryAfterMs', async () => {
    server = await startServer({
      '/item': (_req, res) => {
        res.writeHead(429, { 'content-type': 'application/json' });
        res.end('{"description":"wait 100 ms"}');
      },
    });
    const f = createCoreFetch({
      baseUrl: server.url,
      retryAfterFromBody: fromBody,
      retry: { maxRetries: 1, maxRetryAfterMs: 350 },
    });
    await expect(f('/item')).rejects.toMatchObject({ status: 429, retryAfterMs: 100 });
    // 100 + 100 + 100 fit 350; a fourth wait would not.
    expect(server.requests).toHaveLength(4);
  });
});

describe('rate-limit headers that cannot be read', () => {
  it('are said once through the logger, with what the client does instead', async () => {
    server = await startServer({
      '/item': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      },
    });
    const said: string[] = [];
    const f = createCoreFetch({
      baseUrl: server.url,
      rateLimiter: new RateLimiter({
        serverLimit: { limit: 300, windowMs: 60_000, kind: 'token-bucket' },
      }),
      rateLimitHeaders: { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining' },
      logger: { debug: () => {}, warn: (message) => void said.push(message) },
    });
    for (let i = 0; i < 3; i++) await f('/item');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/not readable \(x-ratelimit-limit, x-ratelimit-remaining\)/);
    expect(said[0]).toMatch(/a burst of 300, then one call every 200 ms/);
  });
});

describe('a call waiting long for its slot', () => {
  it('is reported through the logger and onRateLimitWait, with how long and why', async () => {
    server = await startServer({
      '/item': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      },
    });
    const waits: RateLimitWaitState[] = [];
    const logged: Record<string, unknown>[] = [];
    const f = createCoreFetch({
      baseUrl: server.url,
      rateLimiter: new RateLimiter({ maxRequests: 1, intervalMs: 6000 }),
      hooks: { onRateLimitWait: [(state) => void waits.push(state)] },
      logger: {
        debug: (message, data) => {
          if (message === 'rate limit wait' && data) logged.push(data);
        },
      },
    });
    await f('/item');
    await f('/item');
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({ reason: 'slow-slot' });
    expect(waits[0]?.waitedMs).toBeGreaterThanOrEqual(5000);
    expect(waits[0]?.detail).toMatch(/your own limit of 1 per 6000 ms/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ method: 'GET', detail: waits[0]?.detail });
  }, 15_000);
});
