import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';
import { retryDelay } from './retry-decision.js';
import { clampHint, parseReset, readRateLimitHeaders, retryAfterHint } from './retry-hints.js';
import { backoffDelay, DEFAULT_RETRY, resolveRetry } from './retry-policy.js';

const NOW = Date.UTC(2026, 0, 1);

describe('backoff', () => {
  it('property: full-jitter backoff is always within [0, min(cap, initial * 2^(n-1))]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 120_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (retry, initialDelayMs, maxDelayMs, r) => {
          const d = backoffDelay(retry, { initialDelayMs, maxDelayMs }, () => r);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(maxDelayMs);
          expect(d).toBeLessThanOrEqual(initialDelayMs * 2 ** (retry - 1));
          expect(Number.isInteger(d)).toBe(true);
        },
      ),
    );
  });

  it('uses the defaults 500 ms initial, 8 s cap', () => {
    expect(backoffDelay(1, DEFAULT_RETRY, () => 0.999_999)).toBe(499);
    expect(backoffDelay(10, DEFAULT_RETRY, () => 0.999_999)).toBe(7999);
    expect(backoffDelay(3, DEFAULT_RETRY, () => 0)).toBe(0);
  });

  it('property: a hint is clamped to at least minRetryAfterMs and never decreased otherwise', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 10_000 }),
        (hint, minRetryAfterMs) => {
          const c = clampHint(hint, { minRetryAfterMs });
          expect(c).toBeGreaterThanOrEqual(minRetryAfterMs);
          expect(c).toBeGreaterThanOrEqual(hint);
          if (hint >= minRetryAfterMs) expect(c - hint).toBeLessThanOrEqual(1); // rounded up to whole ms
        },
      ),
    );
  });
});

describe('server hints', () => {
  const h = (init: Record<string, string>) => new Headers(init);
  const names = {
    limit: 'x-ratelimit-limit',
    remaining: 'x-ratelimit-remaining',
    reset: 'x-ratelimit-reset',
  };

  it('reads retry-after-ms first, then Retry-After seconds or date, then the reset header', () => {
    expect(
      retryAfterHint(h({ 'retry-after-ms': '250', 'retry-after': '9' }), 429, undefined, NOW),
    ).toBe(250);
    expect(retryAfterHint(h({ 'retry-after': '2' }), 503, undefined, NOW)).toBe(2000);
    expect(
      retryAfterHint(h({ 'retry-after': new Date(NOW + 3000).toUTCString() }), 429, undefined, NOW),
    ).toBe(3000);
    expect(
      retryAfterHint(
        h({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1.5' }),
        200,
        names,
        NOW,
      ),
    ).toBe(1500);
    expect(
      retryAfterHint(
        h({ 'x-ratelimit-remaining': '4', 'x-ratelimit-reset': '1.5' }),
        500,
        names,
        NOW,
      ),
    ).toBeUndefined();
    expect(retryAfterHint(h({ 'x-ratelimit-reset': '7' }), 429, names, NOW)).toBe(7000);
    expect(retryAfterHint(h({ 'retry-after': 'soon' }), 429, undefined, NOW)).toBeUndefined();
    expect(retryAfterHint(h({}), 429, undefined, NOW)).toBeUndefined();
  });

  it('parses each reset kind', () => {
    expect(parseReset('2', 'delta-seconds', NOW)).toBe(NOW + 2000);
    expect(parseReset('250', 'delta-ms', NOW)).toBe(NOW + 250);
    expect(parseReset(String(NOW / 1000 + 5), 'epoch-seconds', NOW)).toBe(NOW + 5000);
    expect(parseReset(String(NOW + 5), 'epoch-ms', NOW)).toBe(NOW + 5);
    expect(parseReset('x', 'delta-seconds', NOW)).toBeUndefined();
    expect(parseReset(null, 'delta-seconds', NOW)).toBeUndefined();
  });

  it('reads rate-limit headers', () => {
    expect(
      readRateLimitHeaders(
        h({ 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '10' }),
        names,
        NOW,
      ),
    ).toEqual({ limit: 300, remaining: 0, resetAt: NOW + 10_000 });
    expect(readRateLimitHeaders(h({}), names, NOW)).toBeUndefined();
    expect(readRateLimitHeaders(h({ 'x-ratelimit-limit': '1' }), undefined, NOW)).toBeUndefined();
  });

  it('reads x-should-retry', () => {
    const error = (status: number, header?: string) =>
      ApiError.from({
        status,
        method: 'GET',
        url: 'https://h.test/',
        headers: h(header ? { 'x-should-retry': header } : {}),
      });
    expect(retryDelay(error(400, 'true'), 1, DEFAULT_RETRY)).toBeTypeOf('number');
    expect(retryDelay(error(503, 'FALSE'), 1, DEFAULT_RETRY)).toBeUndefined();
    expect(retryDelay(error(503, 'maybe'), 1, DEFAULT_RETRY)).toBeTypeOf('number');
    expect(retryDelay(error(404), 1, DEFAULT_RETRY)).toBeUndefined();
  });
});

describe('resolveRetry', () => {
  it('layers options; false disables; a later object re-enables from the defaults', () => {
    expect(resolveRetry()).toEqual(DEFAULT_RETRY);
    expect(resolveRetry({ maxRetries: 5 }, { initialDelayMs: 1 })).toMatchObject({
      maxRetries: 5,
      initialDelayMs: 1,
      maxDelayMs: 8000,
    });
    expect(resolveRetry({ maxRetries: 5 }, false)).toBe(false);
    expect(resolveRetry(false, { maxRetries: 1 })).toMatchObject({
      maxRetries: 1,
      initialDelayMs: 500,
    });
    expect(resolveRetry({ maxRetries: undefined })).toMatchObject({ maxRetries: 2 });
  });
});
