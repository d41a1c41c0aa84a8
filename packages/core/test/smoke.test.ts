import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import * as core from '../src/index.js';

describe('public API', () => {
  it('exports VERSION matching package.json', () => {
    expect(core.VERSION).toBe(pkg.version);
  });

  it('exports exactly the documented runtime API (internals stay private)', () => {
    expect(Object.keys(core).sort()).toEqual(
      [
        'createCoreFetch',
        'RateLimiter',
        'paginateOffset',
        'paginatePages',
        'redactUrl',
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
        'VERSION',
      ].sort(),
    );
    const f = core.createCoreFetch({ baseUrl: 'https://api.example.test/v2' });
    expect(typeof f).toBe('function');
    expect(typeof f.withOptions({ timeoutMs: 1 })).toBe('function');
  });

  it('rejects a relative baseUrl', () => {
    expect(() => core.createCoreFetch({ baseUrl: '/v2' })).toThrow(TypeError);
  });
});
