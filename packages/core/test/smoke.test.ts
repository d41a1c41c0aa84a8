import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import * as client from '../src/client.js';
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
        'UnexpectedResponseError',
        'VERSION',
      ].sort(),
    );
    const f = core.createCoreFetch({ baseUrl: 'https://api.example.test/v2' });
    expect(typeof f).toBe('function');
    expect(typeof f.withOptions({ timeoutMs: 1 })).toBe('function');
  });

  it('@x/core/client exports what generated operations import, and nothing else', () => {
    expect(Object.keys(client).sort()).toEqual(
      [
        'callOperation',
        'createClient',
        'createConfig',
        'defaultQuerySerializer',
        'formDataBodySerializer',
        'jsonBodySerializer',
        'urlSearchParamsBodySerializer',
      ].sort(),
    );
  });

  it('rejects a relative baseUrl', () => {
    expect(() => core.createCoreFetch({ baseUrl: '/v2' })).toThrow(TypeError);
  });
});
