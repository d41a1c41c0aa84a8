import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';
import { clientSettings, DEFAULT_TIMEOUT_MS, withOverrides } from './settings.js';

describe('clientSettings', () => {
  it('applies the defaults once per client', () => {
    const settings = clientSettings({ baseUrl: 'https://api.test/v2/' });
    expect(settings.baseUrl).toBe('https://api.test/v2');
    expect(settings.apiOrigin).toBe('https://api.test');
    expect(settings.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(settings.limiter).toBeInstanceOf(RateLimiter);
    expect(settings.retry).toMatchObject({ maxRetries: 2 });
  });

  it('a relative baseUrl is a TypeError that names it', () => {
    expect(() => clientSettings({ baseUrl: '/v2' })).toThrow(
      /baseUrl is not an absolute URL: \/v2/,
    );
  });
});

describe('withOverrides', () => {
  it('layers merge: retry fields accumulate, signals and hooks append, the limiter is shared', () => {
    const base = clientSettings({ baseUrl: 'https://api.test', retry: { maxRetries: 5 } });
    const a = new AbortController().signal;
    const b = new AbortController().signal;
    const one = withOverrides(base, { retry: { initialDelayMs: 1 }, signal: a, hooks: {} });
    const two = withOverrides(one, { retry: { maxDelayMs: 2 }, signal: b, timeoutMs: 5 });
    expect(two.retry).toMatchObject({ maxRetries: 5, initialDelayMs: 1, maxDelayMs: 2 });
    expect(two.signals).toEqual([a, b]);
    expect(two.hooks).toHaveLength(1);
    expect(two.timeoutMs).toBe(5);
    expect(two.limiter).toBe(base.limiter);
    expect(withOverrides(two, { retry: false }).retry).toBe(false);
  });
});
