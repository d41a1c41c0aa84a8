import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import * as core from '../src/index.js';

describe('public API', () => {
  it('exports VERSION matching package.json', () => {
    expect(core.VERSION).toBe(pkg.version);
  });

  it('exports the contract the SDKs use', () => {
    for (const name of [
      'createCoreFetch',
      'RateLimiter',
      'paginateOffset',
      'paginatePages',
      'CoreError',
      'ApiError',
      'BadRequestError',
      'AuthenticationError',
      'PermissionDeniedError',
      'NotFoundError',
      'ConflictError',
      'GoneError',
      'UnprocessableEntityError',
      'RateLimitError',
      'InternalServerError',
      'ConnectionError',
      'TimeoutError',
      'createApiError',
    ]) {
      expect(core, name).toHaveProperty(name);
    }
    const f = core.createCoreFetch({ baseUrl: 'https://api.example.test/v2' });
    expect(typeof f).toBe('function');
    expect(typeof f.with).toBe('function');
    expect(typeof f.with({ timeoutMs: 1 })).toBe('function');
  });

  it('rejects a relative baseUrl', () => {
    expect(() => core.createCoreFetch({ baseUrl: '/v2' })).toThrow(TypeError);
  });
});
