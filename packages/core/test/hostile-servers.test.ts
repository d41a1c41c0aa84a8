import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  ConnectionError,
  createCoreFetch,
  InternalServerError,
  type RetryState,
} from '../src/index.js';
import { json, startServer, type TestServer } from './helpers/server.js';

// Defects found in review of the first @x/core (issue 13), each reproduced
// against real local servers through the public API.

const TOKEN = 'tok-ECHOED-0123456789';
let api: TestServer;
let foreign: TestServer;

beforeAll(async () => {
  api = await startServer();
  foreign = await startServer();
});
afterAll(async () => {
  await api.close();
  await foreign.close();
});

function renderings(value: unknown): string[] {
  return [
    inspect(value, { depth: 10 }),
    inspect(value, { depth: 10, showHidden: true }),
    JSON.stringify(value) ?? '',
  ];
}

describe('credentials never return after a call left the API origin', () => {
  it('API -> 307 foreign -> 307 back to the API: no token on the returning hop', async () => {
    api.route('/v2/start', (_req, res) => {
      res.writeHead(307, { location: `${foreign.url}/bounce` });
      res.end();
    });
    foreign.route('/bounce', (_req, res) => {
      res.writeHead(307, { location: `${api.url}/v2/project/victim` });
      res.end();
    });
    api.route('/v2/project/victim', (_req, res) => json(res, 200, { deleted: true }));
    const coreFetch = createCoreFetch({ baseUrl: `${api.url}/v2`, token: TOKEN, retry: false });
    const before = api.requests.length;

    const response = await coreFetch('/start', { method: 'DELETE' });

    expect(response.status).toBe(200);
    const hops = api.requests.slice(before);
    expect(hops.map((r) => `${r.method} ${r.path}`)).toEqual([
      'DELETE /v2/start',
      'DELETE /v2/project/victim',
    ]);
    expect(hops[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(hops[1]?.headers.authorization).toBeUndefined();
    expect(foreign.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('a caller-set Authorization header is not sent back either', async () => {
    const coreFetch = createCoreFetch({ baseUrl: `${api.url}/v2`, retry: false });
    const before = api.requests.length;
    await coreFetch('/start', { headers: { authorization: 'Basic abc', cookie: 'a=b' } });
    const back = api.requests.slice(before)[1];
    expect(back?.path).toBe('/v2/project/victim');
    expect(back?.headers.authorization).toBeUndefined();
    expect(back?.headers.cookie).toBeUndefined();
  });
});

describe('a token echoed by the server is scrubbed everywhere', () => {
  beforeAll(() => {
    api.route('/echo', (req, res) =>
      json(
        res,
        Number(new URL(req.url ?? '/', 'http://x').searchParams.get('status') ?? 503),
        { message: `you sent ${req.headers.authorization}` },
        {
          'x-echo': String(req.headers.authorization),
          'x-debug-auth': `token=${TOKEN}; scope=all`,
          link: `<${api.url}/next?t=${TOKEN}>; rel="next"`,
        },
      ),
    );
  });

  it('not in error.headers, util.inspect(error), JSON.stringify(error) or hook state', async () => {
    const states: RetryState[] = [];
    const coreFetch = createCoreFetch({
      baseUrl: api.url,
      token: TOKEN,
      retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 },
      hooks: { onRetry: [(state) => void states.push(state)] },
    });
    const error = await coreFetch('/echo?status=503').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    const apiError = error as ApiError;
    expect(Object.values(apiError.headers).join(' ')).not.toContain(TOKEN);
    expect(apiError.headers['x-echo']).toBe('[REDACTED]');
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
    expect(states).toHaveLength(1);
    for (const text of renderings(states[0])) expect(text).not.toContain(TOKEN);
    for (const text of renderings(states[0]?.error)) expect(text).not.toContain(TOKEN);
  });

  it('onRetry state carries no password or secret query parameter', async () => {
    const states: RetryState[] = [];
    const coreFetch = createCoreFetch({
      baseUrl: api.url,
      retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 },
      hooks: { onRetry: [(state) => void states.push(state)] },
    });
    await coreFetch('/echo?status=503&password=hunter22&secret=s3cr3t-page').catch(() => {});
    expect(states).toHaveLength(1);
    for (const text of [...renderings(states[0]), states[0]?.url ?? '']) {
      expect(text).not.toContain('hunter22');
      expect(text).not.toContain('s3cr3t-page');
    }
  });
});

describe('only real network failures are ConnectionError and retried', () => {
  it('an invalid header value is the caller’s TypeError, sent zero times', async () => {
    api.route('/count', (_req, res) => json(res, 200, {}));
    const before = api.requests.length;
    const coreFetch = createCoreFetch({ baseUrl: api.url, retry: { initialDelayMs: 1 } });
    const error = await coreFetch('/count', { headers: { 'x-bad': 'a\nb' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(api.requests.length).toBe(before);
  });

  it('a bug in a custom fetch is thrown once, not retried', async () => {
    let calls = 0;
    const coreFetch = createCoreFetch({
      baseUrl: api.url,
      retry: { initialDelayMs: 1 },
      fetch: async () => {
        calls++;
        return (undefined as unknown as { x: () => Response }).x();
      },
    });
    const error = await coreFetch('/count').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(calls).toBe(1);
  });

  it('a refused connection still is a ConnectionError, retried', async () => {
    const dead = await startServer();
    await dead.close();
    let calls = 0;
    const coreFetch = createCoreFetch({
      baseUrl: dead.url,
      retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 },
      fetch: (request) => {
        calls++;
        return fetch(request);
      },
    });
    await expect(coreFetch('/x')).rejects.toBeInstanceOf(ConnectionError);
    expect(calls).toBe(2);
  });
});

describe('errors describe what failed', () => {
  it('ApiError.url is the hop that failed', async () => {
    api.route('/moved', (_req, res) => {
      res.writeHead(302, { location: '/gone-here?x=1' });
      res.end();
    });
    api.route('/gone-here', (_req, res) => json(res, 404, { message: 'no such thing' }));
    const coreFetch = createCoreFetch({ baseUrl: api.url, retry: false });
    const error = (await coreFetch('/moved').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.url).toBe(`${api.url}/gone-here?x=1`);
    expect(error.message).toContain('/gone-here');
  });

  it('an error thrown at the deadline carries the body and the API message', async () => {
    api.route('/down', (_req, res) =>
      json(res, 503, { message: 'down for maintenance' }, { 'retry-after': '5' }),
    );
    const states: RetryState[] = [];
    const coreFetch = createCoreFetch({
      baseUrl: api.url,
      retry: { totalTimeoutMs: 1000 },
      hooks: { onRetry: [(state) => void states.push(state)] },
    });
    const error = (await coreFetch('/down').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.apiMessage).toBe('down for maintenance');
    expect(error.body).toEqual({ message: 'down for maintenance' });
    expect(error.attempts).toBe(1);
  });

  it('the error given to onRetry carries the body too', async () => {
    const states: RetryState[] = [];
    const coreFetch = createCoreFetch({
      baseUrl: api.url,
      retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 },
      hooks: { onRetry: [(state) => void states.push(state)] },
    });
    api.route('/down-fast', (_req, res) => json(res, 503, { message: 'busy' }));
    await coreFetch('/down-fast').catch(() => {});
    expect((states[0]?.error as ApiError | undefined)?.apiMessage).toBe('busy');
  });
});
