import { describe, expect, it } from 'vitest';
import { RateLimitError } from './errors.js';
import { RateLimiter } from './rate-limit.js';
import { observeRateLimit } from './rate-limit-observer.js';
import { failFastWhilePaused } from './retry-decision.js';
import { clientSettings } from './settings.js';
import type { RateLimitWaitState } from './types.js';

function settingsWith(limiter: RateLimiter, waits: RateLimitWaitState[]) {
  return clientSettings({
    baseUrl: 'https://api.test',
    rateLimiter: limiter,
    rateLimitHeaders: {
      limit: 'x-ratelimit-limit',
      remaining: 'x-ratelimit-remaining',
      reset: 'x-ratelimit-reset',
    },
    hooks: { onRateLimitWait: [(state) => void waits.push(state)] },
  });
}

const headers = (limit: number, remaining: number, reset: number) =>
  new Response(null, {
    headers: {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(reset),
    },
  });

describe('observeRateLimit', () => {
  it('remaining 0 pauses the limiter until the reset (from when the answer arrived), and says so once', async () => {
    const limiter = new RateLimiter();
    const waits: RateLimitWaitState[] = [];
    const release = await limiter.acquire();
    const receivedAt = Date.now() - 500;
    observeRateLimit(
      settingsWith(limiter, waits),
      headers(10, 0, 2),
      undefined,
      release,
      receivedAt,
      true,
    );
    expect(limiter.pausedUntil).toBe(receivedAt + 2000);
    expect(waits.map((w) => w.reason)).toEqual(['remaining-exhausted']);
    expect(waits[0]?.limit).toBe(10);
  });

  it('learns the limit and window; remaining above 0 pauses nothing', async () => {
    const limiter = new RateLimiter();
    const release = await limiter.acquire();
    observeRateLimit(
      settingsWith(limiter, []),
      headers(600, 599, 2),
      undefined,
      release,
      Date.now(),
      true,
    );
    expect(limiter.pausedUntil).toBe(0);
    expect(limiter.serverLimit).toEqual({ limit: 600, windowMs: 2000, learned: true });
  });

  it("a 429's hint pauses for the hint, however long; an answer from another origin pauses nothing", async () => {
    const limiter = new RateLimiter();
    const waits: RateLimitWaitState[] = [];
    const settings = settingsWith(limiter, waits);
    const release = await limiter.acquire();
    const now = Date.now();
    observeRateLimit(settings, new Response(null, { status: 429 }), 1000, release, now, false);
    expect(limiter.pausedUntil).toBe(0);
    observeRateLimit(settings, new Response(null, { status: 429 }), 3_600_000, release, now, true);
    expect(waits[0]?.reason).toBe('rate-limited');
    expect(limiter.pausedUntil).toBe(now + 3_600_000);
  });
});

describe('failFastWhilePaused', () => {
  it('a pause longer than maxRetryAfterMs fails the call at once, saying how long is left', () => {
    const limiter = new RateLimiter();
    const settings = settingsWith(limiter, []);
    expect(() =>
      failFastWhilePaused(settings, limiter, { method: 'GET', url: 'https://api.test/x' }),
    ).not.toThrow();
    limiter.pauseUntil(Date.now() + 30_000);
    expect(() =>
      failFastWhilePaused(settings, limiter, { method: 'GET', url: 'https://api.test/x' }),
    ).not.toThrow();
    limiter.pauseUntil(Date.now() + 3_600_000);
    let error: unknown;
    try {
      failFastWhilePaused(settings, limiter, { method: 'GET', url: 'https://api.test/x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(3_590_000);
    expect((error as RateLimitError).message).toMatch(
      /not sent: the API asked for a pause of 3600 s more/,
    );
  });
});
