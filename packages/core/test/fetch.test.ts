import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  ConnectionError,
  type CoreConfig,
  CoreError,
  createCoreFetch,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  RateLimiter,
  TimeoutError,
} from '../src/index.js';
import { json, readBody, refusedUrl, startServer, type TestServer } from './helpers/server.js';

const FAST = { initialDelayMs: 2, maxDelayMs: 10, minRetryAfterMs: 5 } as const;

let api: TestServer;
let cdn: TestServer;
const counters = new Map<string, number>();
/** How many times `key` was hit (1 on the first call). */
const hit = (key: string) => {
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  return n;
};
const echo: Parameters<TestServer['route']>[1] = (req, res) =>
  json(res, 200, {
    authorization: req.headers.authorization ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    accept: req.headers.accept ?? null,
  });

beforeAll(async () => {
  cdn = await startServer({ '/file': echo });
  api = await startServer({
    '/ok': (_req, res) => json(res, 200, { ok: true }),
    '/echo': echo,
    '/reset': (req) => {
      req.socket.destroy();
    },
    '/stall': () => {},
    '/flaky': (_req, res, url) => {
      const n = hit(`flaky${url.search}`);
      const failures = Number(url.searchParams.get('fail') ?? 1);
      if (n <= failures) json(res, 503, { error: 'unavailable' });
      else json(res, 200, { attempt: n });
    },
    '/always503': (_req, res) => json(res, 503, { error: 'down' }),
    '/429': (_req, res, url) => {
      const key = `429${url.search}`;
      if (hit(key) > 1) return json(res, 200, { ok: true });
      const kind = url.searchParams.get('kind');
      const value = url.searchParams.get('v') ?? '0';
      const headers: Record<string, string> = {};
      if (kind === 'ms') headers['retry-after-ms'] = value;
      if (kind === 'seconds') headers['retry-after'] = value;
      if (kind === 'date')
        headers['retry-after'] = new Date(Date.now() + Number(value)).toUTCString();
      if (kind === 'reset') {
        headers['x-ratelimit-limit'] = '10';
        headers['x-ratelimit-remaining'] = '0';
        headers['x-ratelimit-reset'] = value;
      }
      json(res, 429, { error: 'slow down' }, headers);
    },
    '/should-retry': (_req, res, url) => {
      const n = hit(`sr${url.search}`);
      const status = Number(url.searchParams.get('status'));
      const header = url.searchParams.get('h') ?? '';
      if (n === 1) json(res, status, { error: 'x' }, { 'x-should-retry': header });
      else json(res, 200, { attempt: n });
    },
    '/post-flaky': async (req, res, url) => {
      const body = await readBody(req);
      const n = hit(`post${url.search}`);
      if (n === 1) json(res, 503, { error: 'down' });
      else json(res, 200, { attempt: n, body });
    },
    '/redirect-cross': (_req, res) => {
      res.writeHead(302, { location: `${cdn.url}/file` });
      res.end();
    },
    '/redirect-same': (_req, res) => {
      res.writeHead(301, { location: '/echo' });
      res.end();
    },
    '/redirect-307': (_req, res) => {
      res.writeHead(307, { location: '/post-echo' });
      res.end();
    },
    '/post-echo': async (req, res) =>
      json(res, 200, { method: req.method, body: await readBody(req) }),
    '/loop': (_req, res) => {
      res.writeHead(302, { location: '/loop' });
      res.end();
    },
    '/error-html': (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html><body>Bad gateway</body></html>');
    },
    '/error-empty': (_req, res) => {
      res.writeHead(404);
      res.end();
    },
    '/error-json': (_req, res) =>
      json(
        res,
        404,
        { error: 'not_found', description: 'no such project' },
        { 'x-request-id': 'req-42' },
      ),
    '/error-broken-json': (_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"error": ');
    },
  });
});

afterAll(async () => {
  await api.close();
  await cdn.close();
});

function client(overrides: Partial<CoreConfig> = {}) {
  return createCoreFetch({ baseUrl: api.url, retry: FAST, ...overrides });
}

describe('createCoreFetch', () => {
  it('returns 2xx responses untouched and resolves relative paths against baseUrl', async () => {
    const res = await client()('/ok');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('accepts a fully built Request (the hey-api client call shape)', async () => {
    const res = await client()(new Request(`${api.url}/ok`));
    expect(await res.json()).toEqual({ ok: true });
  });

  it('retries 503 then returns the 200', async () => {
    const res = await client()('/flaky?fail=1&t=a');
    expect(await res.json()).toEqual({ attempt: 2 });
  });

  it('throws InternalServerError with attempts after exhausting retries', async () => {
    const err = await client()('/always503').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toBeInstanceOf(CoreError);
    expect((err as ApiError).status).toBe(503);
    expect((err as ApiError).attempts).toBe(3);
  });

  it('honours per-call retry overrides with .withOptions()', async () => {
    const err = await client()
      .withOptions({ retry: { maxRetries: 0 } })('/always503')
      .catch((e: unknown) => e);
    expect((err as ApiError).attempts).toBe(1);
    const err2 = await client()
      .withOptions({ retry: false })('/always503')
      .catch((e: unknown) => e);
    expect((err2 as ApiError).attempts).toBe(1);
    const err3 = await createCoreFetch({ baseUrl: api.url, retry: false })
      .withOptions({ retry: { maxRetries: 1, ...FAST } })('/always503')
      .catch((e: unknown) => e);
    expect((err3 as ApiError).attempts).toBe(2);
  });

  it('retries connection refused and throws ConnectionError keeping the cause', async () => {
    const url = await refusedUrl();
    const f = createCoreFetch({ baseUrl: url, retry: FAST });
    const err = await f('/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).attempts).toBe(3);
    expect((err as ConnectionError).cause).toBeInstanceOf(TypeError);
  });

  it('passes through, unretried, an error a custom fetch throws that is no network failure', async () => {
    class Refused extends Error {}
    let calls = 0;
    const f = createCoreFetch({
      baseUrl: 'https://api.test',
      retry: FAST,
      fetch: async () => {
        calls++;
        throw new Refused('policy says no');
      },
    });
    const err = await f('/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Refused);
    expect(calls).toBe(1);
  });

  it('retries a reset socket', async () => {
    const before = api.requests.filter((r) => r.path === '/reset').length;
    const err = await client()('/reset').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(api.requests.filter((r) => r.path === '/reset').length - before).toBe(3);
  });

  it('times out a stalled attempt with TimeoutError, per attempt', async () => {
    const err = await client({ timeoutMs: 50 })('/stall').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).attempts).toBe(3);
    expect((err as TimeoutError).timeoutMs).toBe(50);
  });

  it('bounds all attempts with totalTimeoutMs', async () => {
    const f = client({ timeoutMs: 1000, retry: { ...FAST, maxRetries: 10, totalTimeoutMs: 120 } });
    const err = await f('/stall').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).attempts).toBe(1);
  });

  it.each([
    ['retry-after-ms', 'kind=ms&v=30'],
    ['Retry-After seconds', 'kind=seconds&v=0'],
    ['Retry-After HTTP date', 'kind=date&v=20'],
    ['X-Ratelimit-Reset', 'kind=reset&v=0.02'],
  ])('retries 429 after the %s hint', async (_name, query) => {
    const f = client({
      rateLimiter: new RateLimiter(),
      rateLimitHeaders: {
        limit: 'x-ratelimit-limit',
        remaining: 'x-ratelimit-remaining',
        reset: 'x-ratelimit-reset',
      },
    });
    const res = await f(`/429?${query}`);
    expect(res.status).toBe(200);
  });

  it('reports the hint as the retry delay, clamped to minRetryAfterMs', async () => {
    const delays: number[] = [];
    const f = client({ hooks: { onRetry: [({ delayMs }) => void delays.push(delayMs)] } });
    await f('/429?kind=seconds&v=0&t=clamp');
    await f('/429?kind=ms&v=40&t=clamp');
    expect(delays).toEqual([5, 40]);
  });

  it('throws RateLimitError with retryAfterMs when the hint exceeds maxRetryAfterMs', async () => {
    const f = client({ retry: { ...FAST, maxRetryAfterMs: 1000 } });
    const err = await f('/429?kind=seconds&v=120&t=long').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfterMs).toBe(120_000);
    expect((err as RateLimitError).attempts).toBe(1);
  });

  it('x-should-retry: false stops a retryable status; true retries a non-retryable one', async () => {
    const err = await client()('/should-retry?status=503&h=false').catch((e: unknown) => e);
    expect((err as ApiError).status).toBe(503);
    expect((err as ApiError).attempts).toBe(1);
    const res = await client()('/should-retry?status=400&h=true');
    expect(await res.json()).toEqual({ attempt: 2 });
  });

  it('does not retry POST by default, but does with retryNonIdempotent, replaying the body', async () => {
    const err = await client()('/post-flaky?t=1', { method: 'POST', body: 'hello' }).catch(
      (e: unknown) => e,
    );
    expect((err as ApiError).attempts).toBe(1);
    const res = await client().withOptions({ retryNonIdempotent: true })('/post-flaky?t=2', {
      method: 'POST',
      body: 'hello',
    });
    expect(await res.json()).toEqual({ attempt: 2, body: 'hello' });
  });

  it('replays a Request body on retry (clone before first send)', async () => {
    const req = new Request(`${api.url}/post-flaky?t=3`, { method: 'PUT', body: '{"a":1}' });
    const res = await client()(req);
    expect(await res.json()).toEqual({ attempt: 2, body: '{"a":1}' });
  });

  it('never retries a one-shot stream body, and says so', async () => {
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('chunk'));
        c.close();
      },
    });
    const err = await client()('/post-flaky?t=4', {
      method: 'PUT',
      body: stream,
      duplex: 'half',
    } as RequestInit).catch((e: unknown) => e);
    expect((err as ApiError).status).toBe(503);
    expect((err as ApiError).attempts).toBe(1);
    expect((err as ApiError).message).toMatch(/one-shot stream/);
  });

  it('sends Authorization only to the API origin and drops it on a cross-origin redirect', async () => {
    const f = client({ token: 'tok-1234' });
    const same = await (await f('/echo')).json();
    expect(same.authorization).toBe('Bearer tok-1234');
    const other = await (await f(`${cdn.url}/file`)).json();
    expect(other.authorization).toBeNull();
    const redirected = await f('/redirect-cross');
    expect(redirected.url).toBe(`${cdn.url}/file`);
    expect((await redirected.json()).authorization).toBeNull();
    const sameRedirect = await (await f('/redirect-same')).json();
    expect(sameRedirect.authorization).toBe('Bearer tok-1234');
  });

  it('strips an Authorization header set on the Request when redirected to another origin', async () => {
    const f = client();
    const req = new Request(`${api.url}/redirect-cross`, {
      headers: { authorization: 'Key abcd' },
    });
    expect((await (await f(req)).json()).authorization).toBeNull();
    const direct = new Request(`${api.url}/echo`, { headers: { authorization: 'Key abcd' } });
    expect((await (await f(direct)).json()).authorization).toBe('Key abcd');
  });

  it('uses authScheme and a token function called per request', async () => {
    let n = 0;
    const f = client({ token: async () => `jwt-${++n}`, authScheme: (t) => t });
    expect((await (await f('/echo')).json()).authorization).toBe('jwt-1');
    expect((await (await f('/echo')).json()).authorization).toBe('jwt-2');
    const none = client({ token: () => null });
    expect((await (await none('/echo')).json()).authorization).toBeNull();
  });

  it("keeps the caller's own headers on a same-origin redirect", async () => {
    const viaInit = await client()('/redirect-same', { headers: { accept: 'application/x-test' } });
    expect((await viaInit.json()).accept).toBe('application/x-test');
    const viaRequest = await client()(
      new Request(`${api.url}/redirect-same`, { headers: { accept: 'application/x-test' } }),
    );
    expect((await viaRequest.json()).accept).toBe('application/x-test');
  });

  it('calls a token function bare (it never sees the client internals as `this`)', async () => {
    const seen: unknown[] = [];
    const f = client({
      token(this: unknown) {
        seen.push(this);
        return 'tok';
      },
    });
    expect((await (await f('/echo')).json()).authorization).toBe('Bearer tok');
    expect(seen).toEqual([undefined]);
  });

  it('keeps the body and method on a 307 redirect', async () => {
    const res = await client()('/redirect-307', { method: 'POST', body: 'data' });
    expect(await res.json()).toEqual({ method: 'POST', body: 'data' });
  });

  it('caps redirects', async () => {
    const err = await client({ maxRedirects: 3 })('/loop').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreError);
    expect((err as Error).message).toMatch(/Too many redirects/);
  });

  it('sets User-Agent unless the request has one', async () => {
    const f = client({ userAgent: 'sdk/1.0' });
    expect((await (await f('/echo')).json()).userAgent).toBe('sdk/1.0');
    const own = await f('/echo', { headers: { 'user-agent': 'mine/2' } });
    expect((await own.json()).userAgent).toBe('mine/2');
  });

  it('parses JSON error bodies with parseErrorBody and keeps the request id', async () => {
    const f = client({
      parseErrorBody: (body) => (body as { description?: string } | undefined)?.description,
    });
    const err = (await f('/error-json').catch((e: unknown) => e)) as NotFoundError;
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.apiMessage).toBe('no such project');
    expect(err.message).toBe(`no such project (404 Not Found: GET ${api.url}/error-json)`);
    expect(err.body).toEqual({ error: 'not_found', description: 'no such project' });
    expect(err.requestId).toBe('req-42');
  });

  it('survives HTML, empty and broken JSON error bodies', async () => {
    const f = client({ retry: false });
    const html = (await f('/error-html').catch((e: unknown) => e)) as ApiError;
    expect(html).toBeInstanceOf(InternalServerError);
    expect(html.body).toBe('<html><body>Bad gateway</body></html>');
    const empty = (await f('/error-empty').catch((e: unknown) => e)) as ApiError;
    expect(empty).toBeInstanceOf(NotFoundError);
    expect(empty.body).toBeUndefined();
    expect(empty.message).toBe(`404 Not Found: GET ${api.url}/error-empty`);
    const broken = (await f('/error-broken-json').catch((e: unknown) => e)) as ApiError;
    expect(broken.status).toBe(400);
    expect(broken.body).toBe('{"error": ');
    const throwing = client({
      retry: false,
      parseErrorBody: () => {
        throw new Error('parser bug');
      },
    });
    const e4 = (await throwing('/error-json').catch((e: unknown) => e)) as ApiError;
    expect(e4).toBeInstanceOf(NotFoundError);
  });

  it('runs hooks with one state object each', async () => {
    const seen: string[] = [];
    const f = client({
      hooks: {
        onRequest: [
          ({ request, attempt }) =>
            void seen.push(`req ${attempt} ${new URL(request.url).pathname}`),
        ],
        onResponse: [
          ({ response, attempt }) => void seen.push(`res ${attempt} ${response.status}`),
        ],
        onRetry: [
          ({ attempt, error }) => void seen.push(`retry ${attempt} ${(error as ApiError).status}`),
        ],
      },
    });
    await f('/flaky?fail=1&t=hooks');
    expect(seen).toEqual(['req 1 /flaky', 'res 1 503', 'retry 1 503', 'req 2 /flaky', 'res 2 200']);
  });

  it('lets an onRequest hook replace the request and .withOptions() append hooks', async () => {
    const f = client().withOptions({
      hooks: {
        onRequest: [
          ({ request }) => {
            const headers = new Headers(request.headers);
            headers.set('user-agent', 'hooked');
            return new Request(request, { headers });
          },
        ],
      },
    });
    expect((await (await f('/echo')).json()).userAgent).toBe('hooked');
  });

  it('pauses a shared limiter on a 429 hint and fires onRateLimitWait', async () => {
    const limiter = new RateLimiter();
    const waits: number[] = [];
    const f = client({
      rateLimiter: limiter,
      hooks: { onRateLimitWait: [(s) => void waits.push(s.waitMs)] },
    });
    await f('/429?kind=ms&v=50&t=pause');
    expect(waits.length).toBe(1);
    expect(waits[0]).toBeGreaterThan(0);
  });

  it('exposes config without the token', () => {
    const f = client({ token: 'sk-SECRET-123' });
    expect(f.config.hasToken).toBe(true);
    expect(f.config.baseUrl).toBe(api.url);
    expect('token' in f.config).toBe(false);
  });
});

describe('hook errors', () => {
  it('propagate unchanged and are not retried', async () => {
    let calls = 0;
    const boom = new Error('hook failed');
    const f = createCoreFetch({
      baseUrl: api.url,
      retry: FAST,
      hooks: {
        onRequest: [
          () => {
            calls++;
            throw boom;
          },
        ],
      },
    });
    await expect(f('/ok')).rejects.toBe(boom);
    expect(calls).toBe(1);
  });
});

describe('one-shot bodies and redirects', () => {
  it('refuses to replay a one-shot stream for a 307 redirect', async () => {
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('x'));
        c.close();
      },
    });
    const err = await createCoreFetch({ baseUrl: api.url })('/redirect-307', {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreError);
    expect((err as Error).message).toMatch(/one-shot stream/);
  });
});
