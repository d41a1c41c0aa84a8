import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  CoreError,
  createCoreFetch,
  GoneError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
} from '../src/index.js';
import { json, refusedUrl, startServer, type TestServer } from './helpers/server.js';

const SECRET = 'sk-SECRET-123';
let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    '/status': (req, res, url) => {
      // A careless server that echoes the credential back in its error body and a cookie.
      json(
        res,
        Number(url.searchParams.get('s')),
        { error: 'nope', description: `bad credential ${req.headers.authorization}` },
        { 'set-cookie': `session=${SECRET}`, 'x-api-key': SECRET },
      );
    },
    '/stall': () => {},
    '/loop': (_req, res) => {
      res.writeHead(302, { location: '/loop' });
      res.end();
    },
    '/ok': (_req, res) => json(res, 200, {}),
  });
});
afterAll(() => server.close());

function renderings(value: unknown): string[] {
  const out = [
    inspect(value, { depth: 10 }),
    inspect(value, { depth: 10, showHidden: true }),
    JSON.stringify(value) ?? '',
    String(value),
  ];
  if (value instanceof Error) out.push(value.message, value.stack ?? '');
  return out;
}

function expectNoSecret(value: unknown) {
  for (const text of renderings(value)) expect(text).not.toContain(SECRET);
}

const client = (logger?: { debug: (m: string, d?: Record<string, unknown>) => void }) =>
  createCoreFetch({
    baseUrl: server.url,
    token: SECRET,
    retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 10 },
    timeoutMs: 50,
    ...(logger ? { logger } : {}),
  });

describe('secrets never leak', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [410, GoneError],
    [418, ApiError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
  ] as const)('%i -> %o', async (status, Class) => {
    const err = await client()(`/status?s=${status}&api_key=${SECRET}&token=${SECRET}`).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Class);
    expect((err as ApiError).status).toBe(status);
    expect((err as ApiError).url).toContain('api_key=[REDACTED]');
    expect((err as ApiError).headers['set-cookie']).toBe('[REDACTED]');
    expectNoSecret(err);
  });

  it('ConnectionError', async () => {
    const f = createCoreFetch({ baseUrl: await refusedUrl(), token: SECRET, retry: false });
    const err = await f(`/x?access_token=${SECRET}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expectNoSecret(err);
  });

  it('TimeoutError', async () => {
    const err = await client()(`/stall?key=${SECRET}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expectNoSecret(err);
  });

  it('CoreError (too many redirects)', async () => {
    const err = await client()(`/loop?token=${SECRET}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreError);
    expect((err as Error).name).toBe('CoreError');
    expectNoSecret(err);
  });

  it('AbortError', async () => {
    const err = await client()(`/stall?token=${SECRET}`, { signal: AbortSignal.abort() }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).name).toBe('AbortError');
    expectNoSecret(err);
  });

  it('errors built directly from a URL with user info', () => {
    const err = new ConnectionError({ method: 'get', url: `https://user:${SECRET}@h.test/?q=1` });
    expectNoSecret(err);
  });

  it('the CoreFetch and its config', () => {
    const f = client();
    expectNoSecret(f);
    expectNoSecret(f.config);
    expectNoSecret(f.withOptions({ timeoutMs: 5 }));
    const fnToken = createCoreFetch({ baseUrl: server.url, token: () => SECRET });
    expectNoSecret(fnToken);
  });

  it('debug log lines (custom logger and console.debug)', async () => {
    const lines: string[] = [];
    const f = client({ debug: (m, d) => void lines.push(`${m} ${inspect(d, { depth: 10 })}`) });
    await f(`/ok?api_key=${SECRET}`);
    await f(`/status?s=503&token=${SECRET}`).catch(() => {});
    expect(lines.some((l) => l.startsWith('retry'))).toBe(true);
    for (const line of lines) expect(line).not.toContain(SECRET);

    const spy = vi.spyOn(console, 'debug').mockImplementation(() => {});
    try {
      const g = createCoreFetch({
        baseUrl: server.url,
        token: SECRET,
        logger: 'debug',
        retry: false,
      });
      await g(`/ok?token=${SECRET}`);
      expect(spy).toHaveBeenCalled();
      for (const call of spy.mock.calls) expect(inspect(call, { depth: 10 })).not.toContain(SECRET);
    } finally {
      spy.mockRestore();
    }
  });
});
