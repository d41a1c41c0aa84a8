import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreFetch, RateLimiter } from '../src/index.js';
import { startWindowServer, type WindowServer } from './helpers/window-worker.js';

// The 1,000 calls, with the window scaled from 30/s to 250 per 3 s (test near 9 s).
// Windows of seconds keep this 2-core machine's scheduling noise (~100 ms per 250-call
// batch under load) well inside the 10% margin.
const LIMIT = 250;
const WINDOW_MS = 3000;
const CALLS = 1000;

let server: WindowServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startWindowServer({ limit: LIMIT, windowMs: WINDOW_MS });
  baseUrl = server.baseUrl;
});

afterAll(() => server.close());

describe('rate-limit target', () => {
  it(`a burst of ${CALLS} calls against ${LIMIT} per ${WINDOW_MS} ms: zero 429s, within 1.1x the minimum time`, async () => {
    const f = createCoreFetch({
      baseUrl,
      rateLimiter: new RateLimiter({ maxRequests: LIMIT, intervalMs: WINDOW_MS }),
      rateLimitHeaders: {
        limit: 'x-ratelimit-limit',
        remaining: 'x-ratelimit-remaining',
        reset: 'x-ratelimit-reset',
        resetKind: 'delta-seconds',
      },
      hooks: {
        onRequest: [() => void sends.push(Date.now())],
        onRateLimitWait: [
          (s) => void pauses.push(`${Date.now() - started}->${s.untilMs - started}`),
        ],
      },
    });
    const sends: number[] = [];
    const pauses: string[] = [];
    let started = Date.now();
    // Warm the fetch machinery and open LIMIT keep-alive connections, as a
    // long-running client has (counted by neither limiter).
    const warm = createCoreFetch({ baseUrl, rateLimiter: false });
    await Promise.all(
      Array.from({ length: LIMIT }, async () => (await warm('/warm')).arrayBuffer()),
    );

    started = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: CALLS }, async (_, i) => {
        const res = await f(`/item?i=${i}`);
        await res.arrayBuffer();
        return res.status;
      }),
    );
    const elapsed = Date.now() - started;
    // The last batch can start no earlier than (batches - 1) windows after the first.
    const minimum = (Math.ceil(CALLS / LIMIT) - 1) * WINDOW_MS;
    const stats = await server.stats();
    const pick = (a: number[]) =>
      a
        .filter((_, i) => i % 25 === 0 || i % LIMIT === LIMIT - 1)
        .map((t) => t - started)
        .join(' ');
    const timeline = `sends ${pick(sends)}; arrivals ${pick(stats.arrivals)}; pauses ${pauses.join(' ')}`;
    expect(stats.rejected).toBe(0);
    expect(stats.ok).toBe(CALLS);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(minimum);
    expect(
      elapsed,
      `elapsed ${elapsed} ms, minimum ${minimum} ms; ${timeline}`,
    ).toBeLessThanOrEqual(minimum * 1.1);
  });
});
