import { describe, expect, it } from 'vitest';
import { readIetfRateLimit } from './ietf-rate-limit.js';

const read = (fields: Record<string, string>) => readIetfRateLimit(new Headers(fields), 1_000_000);

describe('readIetfRateLimit', () => {
  it('the current draft: a named policy (quota and window) and its state (remaining, seconds to reset)', () => {
    expect(
      read({
        'ratelimit-policy': '"burst";q=100;w=60, "daily";q=1000;w=86400',
        ratelimit: '"daily";r=42;t=17',
      }),
    ).toEqual({ limit: 1000, remaining: 42, resetAt: 1_017_000, windowMs: 86_400_000 });
  });

  it('the first policy when the state names none', () => {
    expect(read({ 'ratelimit-policy': '"default";q=10;w=2', ratelimit: 'r=3;t=1' })).toEqual({
      limit: 10,
      remaining: 3,
      resetAt: 1_001_000,
      windowMs: 2000,
    });
  });

  it('earlier drafts: RateLimit-Limit/-Remaining/-Reset with `100;w=60`, and the dictionary form', () => {
    expect(
      read({
        'ratelimit-limit': '100',
        'ratelimit-remaining': '7',
        'ratelimit-reset': '30',
        'ratelimit-policy': '100;w=60',
      }),
    ).toEqual({ limit: 100, remaining: 7, resetAt: 1_030_000, windowMs: 60_000 });
    expect(read({ ratelimit: 'limit=100, remaining=42, reset=17' })).toEqual({
      limit: 100,
      remaining: 42,
      resetAt: 1_017_000,
      windowMs: undefined,
    });
  });

  it('nothing without the fields, or when every value is nonsense', () => {
    expect(read({ 'x-ratelimit-limit': '5' })).toBeUndefined();
    expect(read({ 'ratelimit-remaining': 'soon', 'ratelimit-reset': '-3' })).toBeUndefined();
    expect(
      read({ 'ratelimit-remaining': 'soon', 'ratelimit-reset': '4' })?.remaining,
    ).toBeUndefined();
  });
});
