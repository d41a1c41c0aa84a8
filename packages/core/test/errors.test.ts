import { describe, expect, it } from 'vitest';
import { defaultParseErrorBody, parseBody } from '../src/error-response.js';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  CoreError,
  GoneError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
} from '../src/index.js';

describe('error hierarchy', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [410, GoneError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [599, InternalServerError],
    [418, ApiError],
  ] as const)('%i picks %o', (status, Class) => {
    const err = ApiError.from({ status, method: 'get', url: 'https://h.test/p' });
    expect(err).toBeInstanceOf(Class);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toBeInstanceOf(CoreError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe(Class.name);
    expect(Object.getPrototypeOf(err)).toBe(Class.prototype);
    expect(ApiError.from({ status, method: 'GET', url: 'https://h.test/p' })).toBeInstanceOf(Class);
  });

  it('builds a default message and keeps context', () => {
    const err = ApiError.from({
      status: 404,
      method: 'get',
      url: 'https://h.test/p?key=abc',
      headers: new Headers({ 'cf-ray': 'ray-1', authorization: 'x' }),
      body: { a: 1 },
    });
    expect(err.message).toBe('404 Not Found: GET https://h.test/p?key=[REDACTED]');
    expect(err.requestId).toBe('ray-1');
    expect(err.headers.authorization).toBe('[REDACTED]');
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({
      name: 'NotFoundError',
      status: 404,
      body: { a: 1 },
    });
    expect(String(err)).toBe(`NotFoundError: ${err.message}`);
  });

  it('has connection and timeout errors', () => {
    const cause = new TypeError('fetch failed');
    const c = new ConnectionError({ method: 'post', url: 'https://h.test/', cause });
    expect(c.cause).toBe(cause);
    expect(c.name).toBe('ConnectionError');
    const t = new TimeoutError({ method: 'GET', url: 'https://h.test/', timeoutMs: 5 });
    expect(t.message).toBe('Request timed out after 5 ms: GET https://h.test/');
    expect(t).toBeInstanceOf(CoreError);
  });
});

describe('error bodies', () => {
  it('parseBody never throws', () => {
    expect(parseBody('')).toBeUndefined();
    expect(parseBody('   ')).toBeUndefined();
    expect(parseBody('{"a":1}')).toEqual({ a: 1 });
    expect(parseBody('<html>')).toBe('<html>');
    expect(parseBody('{"a":')).toBe('{"a":');
  });

  it('defaultParseErrorBody finds common message fields', () => {
    expect(defaultParseErrorBody({ message: 'm' })).toBe('m');
    expect(defaultParseErrorBody({ description: 'd' })).toBe('d');
    expect(defaultParseErrorBody({ error: { message: 'nested' } })).toBe('nested');
    expect(defaultParseErrorBody({ errors: ['a', 'b'] })).toBe('a; b');
    expect(defaultParseErrorBody(undefined)).toBeUndefined();
    expect(defaultParseErrorBody('text')).toBeUndefined();
    expect(defaultParseErrorBody([1])).toBeUndefined();
  });
});
