import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter, type RateLimitObservation } from '../src/index.js';

afterEach(() => {
  vi.useRealTimers();
});

/** What a simulated server's headers say: the reset as a delta (ms), read when the answer arrives. */
type SimHeaders = Omit<RateLimitObservation, 'receivedAt' | 'resetAt'> & { resetIn: number };

/** A simulated server's rate-limit state, in fake time. */
interface SimServer {
  /** Handles an arrival at `now`: accepted or not, and what the headers say. */
  arrive(now: number): { accepted: boolean; headers: SimHeaders };
}

/** Fixed windows opened by the first request after the previous closed (as Modrinth, and window-server.mjs). */
function fixedWindow(limit: number, windowMs: number, integerReset: boolean): SimServer {
  let start = Number.NEGATIVE_INFINITY;
  let used = 0;
  return {
    arrive(now) {
      if (now >= start + windowMs) {
        start = now;
        used = 0;
      }
      const accepted = used < limit;
      if (accepted) used++;
      const resetSeconds = (start + windowMs - now) / 1000;
      return {
        accepted,
        headers: {
          limit,
          remaining: limit - used,
          resetIn: (integerReset ? Math.ceil(resetSeconds) : resetSeconds) * 1000,
          rejected: !accepted,
        },
      };
    },
  };
}

/** A token bucket (GCRA-like sliding limit): `limit` burst, refilled at limit per window; reset = time to full. */
function tokenBucket(limit: number, windowMs: number, integerReset: boolean): SimServer {
  let tokens = limit;
  let last = 0;
  const perMs = limit / windowMs;
  return {
    arrive(now) {
      tokens = Math.min(limit, tokens + (now - last) * perMs);
      last = now;
      // 1e-9: the refill is computed in floating point; a token due exactly now counts.
      const accepted = tokens >= 1 - 1e-9;
      if (accepted) tokens = Math.max(0, tokens - 1);
      return {
        accepted,
        headers: {
          limit,
          remaining: Math.floor(tokens + 1e-9),
          resetIn: integerReset
            ? Math.ceil((limit - tokens) / perMs / 1000) * 1000
            : (limit - tokens) / perMs,
          rejected: !accepted,
        },
      };
    },
  };
}

/**
 * Sends `calls` through a fresh default-configured limiter (it only knows to
 * expect headers) against `server`, each with its own network delays; returns
 * the arrivals the server rejected and when the last call finished.
 */
async function run(
  server: SimServer,
  calls: { at: number; up: number; down: number }[],
): Promise<{ rejected: number; finishedAt: number }> {
  const limiter = new RateLimiter();
  limiter.expectRateLimitHeaders();
  let rejected = 0;
  let finishedAt = 0;
  const tasks = calls.map(async ({ at, up, down }) => {
    await new Promise((r) => setTimeout(r, at));
    const release = await limiter.acquire();
    await new Promise((r) => setTimeout(r, up));
    const answer = server.arrive(Date.now());
    if (!answer.accepted) rejected++;
    await new Promise((r) => setTimeout(r, down));
    // As a client reads a delta `Reset`: from when the answer arrived.
    const receivedAt = Date.now();
    const { resetIn, ...headers } = answer.headers;
    limiter.observe({ ...headers, resetAt: receivedAt + resetIn, receivedAt }, release);
    release(receivedAt);
    finishedAt = Math.max(finishedAt, receivedAt);
  });
  await vi.runAllTimersAsync();
  await Promise.all(tasks);
  return { rejected, finishedAt };
}

const callsArb = fc.array(
  fc.record({
    at: fc.integer({ min: 0, max: 3000 }),
    up: fc.integer({ min: 0, max: 40 }),
    down: fc.integer({ min: 0, max: 40 }),
  }),
  { minLength: 1, maxLength: 120 },
);

describe('a limiter that learns the server’s limit from its headers', () => {
  it('property: a fixed-window server (integer or fractional Reset) never rejects a call', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        callsArb,
        async (limit, windowSeconds, integerReset, calls) => {
          vi.useFakeTimers({ now: 1_000_000 });
          const result = await run(fixedWindow(limit, windowSeconds * 1000, integerReset), calls);
          expect(result.rejected).toBe(0);
          expect(vi.getTimerCount()).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: a token-bucket (sliding) server (integer or fractional Reset) never rejects a call', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 200, max: 4000 }),
        fc.boolean(),
        callsArb,
        async (limit, windowMs, integerReset, calls) => {
          vi.useFakeTimers({ now: 1_000_000 });
          const result = await run(tokenBucket(limit, windowMs, integerReset), calls);
          expect(result.rejected).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a cold-start burst: one call first, then as many as the server has left; one batch per window', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const calls = Array.from({ length: 1000 }, () => ({ at: 0, up: 1, down: 1 }));
    const t0 = Date.now();
    const { rejected, finishedAt } = await run(fixedWindow(100, 2000, true), calls);
    expect(rejected).toBe(0);
    // 10 windows: the last batch starts 9 windows after the first; add the round trips.
    const minimum = 9 * 2000;
    expect(finishedAt - t0).toBeGreaterThanOrEqual(minimum);
    expect(finishedAt - t0).toBeLessThanOrEqual(minimum * 1.1);
  });

  it('a server that allows more than the assumed default is not slowed to it', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const limiter = new RateLimiter({ serverLimit: { limit: 300, windowMs: 60_000 } });
    limiter.expectRateLimitHeaders();
    expect(limiter.serverLimit).toEqual({ limit: 300, windowMs: 60_000, learned: false });
    const release = await limiter.acquire();
    limiter.observe(
      { limit: 600, remaining: 599, resetAt: Date.now() + 2000, receivedAt: Date.now() },
      release,
    );
    release(Date.now());
    expect(limiter.serverLimit).toEqual({ limit: 600, windowMs: 2000, learned: true });
    let started = 0;
    for (let i = 0; i < 599; i++) if (limiter.tryAcquire()) started++;
    expect(started).toBe(599);
  });

  it('a server that states nothing is held to the assumed default', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const limiter = new RateLimiter({ serverLimit: { limit: 3, windowMs: 60_000 } });
    limiter.expectRateLimitHeaders();
    const first = await limiter.acquire();
    expect(limiter.tryAcquire()).toBeUndefined(); // probing: one at a time
    limiter.observe(undefined, first);
    first(Date.now());
    expect(limiter.tryAcquire()).toBeDefined();
    expect(limiter.tryAcquire()).toBeDefined();
    expect(limiter.tryAcquire()).toBeUndefined();
    vi.advanceTimersByTime(60_000);
    expect(limiter.tryAcquire()).toBeDefined();
  });

  it('the IETF window (RateLimit-Policy w=) is taken as stated', () => {
    const limiter = new RateLimiter();
    limiter.observe({
      limit: 10,
      remaining: 9,
      resetAt: Date.now() + 500,
      windowMs: 5000,
      receivedAt: Date.now(),
    });
    expect(limiter.serverLimit).toEqual({ limit: 10, windowMs: 5000, learned: true });
  });

  it('a 429’s long reset (a penalty) is not taken for the window', () => {
    const limiter = new RateLimiter();
    const now = Date.now();
    limiter.observe({ limit: 10, remaining: 5, resetAt: now + 2000, receivedAt: now });
    limiter.observe({
      limit: 10,
      remaining: 0,
      resetAt: now + 3_600_000,
      rejected: true,
      receivedAt: now,
    });
    expect(limiter.serverLimit?.windowMs).toBe(2000);
  });

  it('a retry goes ahead of calls that have not started yet', async () => {
    const limiter = new RateLimiter({ maxConcurrent: 1 });
    const holding = await limiter.acquire();
    const order: string[] = [];
    const fresh = limiter.acquire().then((r) => {
      order.push('fresh');
      r();
    });
    const retry = limiter.acquire({ retry: true }).then((r) => {
      order.push('retry');
      r();
    });
    holding();
    await Promise.all([fresh, retry]);
    expect(order).toEqual(['retry', 'fresh']);
  });
});
