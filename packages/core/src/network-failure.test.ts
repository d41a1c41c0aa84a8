import { describe, expect, it } from 'vitest';
import { isNetworkFailure } from './network-failure.js';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('isNetworkFailure', () => {
  it('undici: TypeError "fetch failed" with a system or undici error as cause', () => {
    expect(
      isNetworkFailure(new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') })),
    ).toBe(true);
    expect(
      isNetworkFailure(new TypeError('fetch failed', { cause: withCode('UND_ERR_SOCKET') })),
    ).toBe(true);
    expect(isNetworkFailure(new TypeError('fetch failed'))).toBe(true);
  });

  it('browsers: their network TypeErrors', () => {
    expect(isNetworkFailure(new TypeError('Failed to fetch'))).toBe(true);
    expect(isNetworkFailure(new TypeError('NetworkError when attempting to fetch resource.'))).toBe(
      true,
    );
    expect(isNetworkFailure(new TypeError('Load failed'))).toBe(true);
  });

  it('a custom fetch that rejects with a system error code', () => {
    expect(isNetworkFailure(withCode('ECONNRESET'))).toBe(true);
    expect(isNetworkFailure(withCode('UND_ERR_CONNECT_TIMEOUT'))).toBe(true);
  });

  it('not: an invalid header value, a programming error, an abort, anything else', () => {
    expect(
      isNetworkFailure(new TypeError('Headers.append: "a\\nb" is an invalid header value.')),
    ).toBe(false);
    expect(
      isNetworkFailure(new TypeError("Cannot read properties of undefined (reading 'x')")),
    ).toBe(false);
    expect(isNetworkFailure(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isNetworkFailure(new Error('boom'))).toBe(false);
    expect(isNetworkFailure(withCode('ERR_INVALID_ARG_TYPE'))).toBe(false);
    expect(isNetworkFailure(undefined)).toBe(false);
  });
});
