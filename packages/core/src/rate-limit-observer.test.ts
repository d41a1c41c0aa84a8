import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';
import { observeRateLimit } from './rate-limit-observer.js';
import { clientSettings } from './settings.js';
import type { RateLimitWaitState } from './types.js';

function settingsWith(limiter: RateLimiter, waits: RateLimitWaitState[]) {
  return clientSettings({
    baseUrl: 'https://api.test',
    rateLimiter: limiter,
    rateLimitHeaders: { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' },
    hooks: { onRateLimitWait: [(state) => void waits.push(state)] },
  });
}

describe('observeRateLimit', () => {
  it('remaining 0 pauses the limiter until the reset, and says so once', () => {
    const limiter = new RateLimiter();
    const waits: RateLimitWaitState[] = [];
    const response = new Response(null, {
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' },
    });
    observeRateLimit(settingsWith(limiter, waits), response, undefined);
    expect(limiter.pausedUntil - Date.now()).toBeGreaterThan(1500);
    expect(waits.map((w) => w.reason)).toEqual(['remaining-exhausted']);
  });

  it('remaining above 0 changes nothing', () => {
    const limiter = new RateLimiter();
    const response = new Response(null, {
      headers: { 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '2' },
    });
    observeRateLimit(settingsWith(limiter, []), response, undefined);
    expect(limiter.pausedUntil).toBe(0);
  });

  it("a 429's hint pauses for the hint; a reset beyond maxRetryAfterMs is capped", () => {
    const limiter = new RateLimiter();
    const waits: RateLimitWaitState[] = [];
    observeRateLimit(settingsWith(limiter, waits), new Response(null, { status: 429 }), 1000);
    expect(waits[0]?.reason).toBe('rate-limited');
    const capped = new RateLimiter();
    const far = new Response(null, {
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '86400' },
    });
    observeRateLimit(settingsWith(capped, []), far, undefined);
    expect(capped.pausedUntil - Date.now()).toBeLessThanOrEqual(60_000);
  });
});
