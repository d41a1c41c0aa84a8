import {
  ConnectionError,
  CoreError,
  NotFoundError,
  RateLimiter,
  TimeoutError,
  UnexpectedResponseError,
} from '@x/core';
import {
  type Client,
  type Config,
  createClient,
  formDataBodySerializer,
  urlSearchParamsBodySerializer,
} from '@x/core/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, readBody, startServer, type TestServer } from './helpers/server.js';

// The client generated operations call, driven as they call it
// (`client.get({ url, path, ... })`) against a real local server.

let api: TestServer;
const bodies: string[] = [];

beforeAll(async () => {
  api = await startServer({
    '/v2/project/a%20b': (_req, res, url) => json(res, 200, { id: 'ab', query: url.search }),
    '/v2/echo': async (req, res) => {
      bodies.push(await readBody(req));
      json(res, 200, { ok: true });
    },
    '/v2/empty': (_req, res) => {
      res.writeHead(204);
      res.end();
    },
    '/v2/portal': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>Sign in to the Wi-Fi</html>');
    },
  });
});
afterAll(() => api.close());

function config(extra: Partial<Config> = {}): Config {
  return {
    baseUrl: `${api.url}/v2`,
    core: ({ baseUrl }) => ({ baseUrl, rateLimiter: false, retry: false }),
    ...extra,
  };
}

const last = () => api.requests.at(-1);

describe('@x/core/client', () => {
  it('builds the URL from the template, path and query, and resolves to the parsed data', async () => {
    const client = createClient(config());
    const data = await client.get({
      url: '/project/{idOrSlug}',
      path: { idOrSlug: 'a b' },
      query: { loaders: ['fabric', 'forge'], limit: 5, none: undefined },
    });
    expect(data).toEqual({ id: 'ab', query: '?loaders=fabric&loaders=forge&limit=5' });
    expect(last()?.method).toBe('GET');
  });

  it('a missing path parameter fails before anything is sent', async () => {
    const client = createClient(config());
    const before = api.requests.length;
    await expect(client.get({ url: '/project/{idOrSlug}', path: {} })).rejects.toThrow(CoreError);
    expect(api.requests.length).toBe(before);
  });

  it('object bodies go as JSON; bodySerializer null sends a Blob as it is; a null header removes it', async () => {
    const client = createClient(config({ headers: { 'X-Default': 'd' } }));
    await client.post({ url: '/echo', body: { a: [1, 2] } });
    expect(last()?.headers['content-type']).toBe('application/json');
    expect(last()?.headers['x-default']).toBe('d');
    expect(bodies.at(-1)).toBe('{"a":[1,2]}');

    await client.put({
      url: '/echo',
      body: new Blob(['PNG'], { type: 'image/png' }),
      bodySerializer: null,
      headers: { 'Content-Type': 'image/png', 'X-Default': null },
    });
    expect(last()?.headers['content-type']).toBe('image/png');
    expect(last()?.headers['x-default']).toBeUndefined();
    expect(bodies.at(-1)).toBe('PNG');
  });

  it('form serialisers: multipart (boundary set by fetch) and urlencoded', async () => {
    const client = createClient(config());
    await client.post({
      ...formDataBodySerializer,
      url: '/echo',
      body: { name: 'x', tags: ['a', 'b'] },
      headers: { 'Content-Type': null },
    });
    expect(last()?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(bodies.at(-1)).toContain('name="tags"');
    await client.post({
      ...urlSearchParamsBodySerializer,
      url: '/echo',
      body: { username: 'u', password: 'p w' },
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(bodies.at(-1)).toBe('username=u&password=p+w');
  });

  it('204 resolves to undefined; HTML with 200 is an UnexpectedResponseError; 404 a NotFoundError', async () => {
    const client = createClient(config());
    await expect(client.delete({ url: '/empty' })).resolves.toBeUndefined();
    await expect(client.get({ url: '/portal' })).rejects.toThrow(UnexpectedResponseError);
    await expect(client.get({ url: '/portal' })).rejects.toThrow(/text\/html/);
    await expect(client.get({ url: '/nowhere' })).rejects.toThrow(NotFoundError);
  });

  it('parseAs hands the body over as asked, read within the attempt: text, blob, arrayBuffer, stream', async () => {
    const client = createClient(config());
    await expect(client.get({ url: '/portal', parseAs: 'text' })).resolves.toContain('Wi-Fi');
    const blob = (await client.get({ url: '/portal', parseAs: 'blob' })) as Blob;
    expect(blob.type).toBe('text/html');
    expect(await blob.text()).toContain('Wi-Fi');
    const bytes = (await client.get({ url: '/portal', parseAs: 'arrayBuffer' })) as ArrayBuffer;
    expect(new TextDecoder().decode(bytes)).toContain('Wi-Fi');
    const stream = (await client.get({ url: '/portal', parseAs: 'stream' })) as ReadableStream;
    expect(await new Response(stream).text()).toContain('Wi-Fi');
  });

  it('auth goes to the API; with tokenFor secured-operations only to calls that declare security', async () => {
    const client = createClient(config({ auth: 'tok', tokenFor: 'secured-operations' }));
    await client.get({
      url: '/project/{idOrSlug}',
      path: { idOrSlug: 'a b' },
      security: [{ type: 'http', scheme: 'bearer' }],
    });
    expect(last()?.headers.authorization).toBe('Bearer tok');
    await client.post({ url: '/echo', body: {} });
    expect(last()?.headers.authorization).toBeUndefined();
  });

  it('builds its @x/core fetch on the first call only, again after setConfig moves it, and shares it with withOptions', async () => {
    const made: string[] = [];
    const base = config();
    const client = createClient({
      ...base,
      core: (settings) => {
        made.push(settings.baseUrl);
        return base.core?.(settings) as ReturnType<NonNullable<Config['core']>>;
      },
    });
    expect(made).toEqual([]);
    await client.get({ url: '/empty' });
    await client.get({ url: '/empty' });
    const child = client.withOptions({ timeoutMs: 5_000 });
    await child.get({ url: '/empty' });
    expect(made).toEqual([`${api.url}/v2`]);
    client.setConfig({ baseUrl: `${api.url}/v2/` });
    await client.get({ url: '/empty' });
    expect(made).toHaveLength(2);
    expect(client.getConfig().baseUrl).toBe(`${api.url}/v2/`);
  });

  it("the client's limiter outlives rebuilds; the token is its auth only, never the policy's", async () => {
    const client = createClient({
      ...config(),
      // A policy that makes a new limiter, and names a token, each time it is asked.
      core: ({ baseUrl }) => ({
        baseUrl,
        retry: false,
        rateLimiter: new RateLimiter(),
        token: 'policy',
      }),
    });
    const first = client.coreFetch.config.rateLimiter;
    expect(first).toBeInstanceOf(RateLimiter);
    await client.get({ url: '/empty' });
    expect(last()?.headers.authorization).toBeUndefined();
    client.setConfig({ auth: 'mine' });
    await client.get({ url: '/empty' });
    expect(last()?.headers.authorization).toBe('Bearer mine');
    expect(client.coreFetch.config.rateLimiter).toBe(first);
    const child = client.withOptions({ timeoutMs: 5_000 });
    child.setConfig({ baseUrl: `${api.url}/v2/` });
    expect(child.coreFetch.config.rateLimiter).toBe(first);
  });

  it('setConfig merges headers into the client headers (as hey-api did); null removes one', async () => {
    const client = createClient(config({ headers: { 'X-Default': 'd' } }));
    client.setConfig({ headers: { 'X-Trace': 't' } });
    client.setConfig({ headers: { 'x-app': 'a' } });
    await client.get({ url: '/empty' });
    expect(last()?.headers).toMatchObject({ 'x-default': 'd', 'x-trace': 't', 'x-app': 'a' });
    client.setConfig({ headers: { 'x-default': null } });
    client.setConfig({ baseUrl: `${api.url}/v2` });
    await client.get({ url: '/empty' });
    expect(last()?.headers['x-default']).toBeUndefined();
    expect(last()?.headers).toMatchObject({ 'x-trace': 't', 'x-app': 'a' });
  });

  it('headers given as a Headers or as pairs (JavaScript callers, hey-api-era config) are sent as headers, not as its method names', async () => {
    const client = createClient(config({ headers: new Headers({ 'X-Config': 'c' }) as never }));
    await client.get({ url: '/empty', headers: [['X-Call', 'k']] as never });
    const sent = last()?.headers ?? {};
    expect(sent).toMatchObject({ 'x-config': 'c', 'x-call': 'k' });
    expect(sent.append).toBeUndefined();
    expect(sent.foreach).toBeUndefined();
  });

  it('a withOptions client sends its own auth once setConfig changes it, and keeps its overrides', async () => {
    const client = createClient(config({ auth: 'parent' }));
    const child = client.withOptions({ timeoutMs: 100 });
    await child.get({ url: '/empty' });
    expect(last()?.headers.authorization).toBe('Bearer parent');
    child.setConfig({ auth: 'child' });
    await child.get({ url: '/empty' });
    expect(last()?.headers.authorization).toBe('Bearer child');
    api.route('/v2/slow', (_req, res) => {
      setTimeout(() => res.end(), 1_000).unref();
    });
    await expect(child.get({ url: '/slow' })).rejects.toThrow(TimeoutError);
    child.setConfig({ auth: undefined });
    await child.get({ url: '/empty' });
    expect(last()?.headers.authorization).toBeUndefined();
    // The parent is untouched.
    await client.get({ url: '/empty' });
    expect(last()?.headers.authorization).toBe('Bearer parent');
  });

  it('a 2xx body that stalls or is cut is a TimeoutError or a ConnectionError, retried like any', async () => {
    let cuts = 0;
    api.route('/v2/stall', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
    });
    api.route('/v2/cut', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      if (++cuts === 1) res.destroy();
      else res.end(`{"cuts":${cuts}}`.padEnd(100));
    });
    const client = (retry: boolean) =>
      createClient(
        config({
          core: ({ baseUrl }) => ({
            baseUrl,
            rateLimiter: false,
            timeoutMs: 100,
            retry: retry ? { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 } : false,
          }),
        }),
      );
    await expect(client(false).get({ url: '/stall' })).rejects.toThrow(TimeoutError);
    await expect(client(false).get({ url: '/cut' })).rejects.toThrow(ConnectionError);
    cuts = 0;
    await expect(client(true).get({ url: '/cut' })).resolves.toEqual({ cuts: 2 });
  });

  it('an SDK step sees the operation template; transformData rewrites parsed data', async () => {
    const seen: string[] = [];
    const client: Client = createClient(
      config({
        between: (core) => (url, init, call) => {
          seen.push(`${call.method} ${call.template}`);
          return core(url, init);
        },
        transformData: (data, call) => ({ data, template: call.template }),
      }),
    );
    await expect(
      client.get({ url: '/project/{idOrSlug}', path: { idOrSlug: 'a b' } }),
    ).resolves.toMatchObject({
      template: '/project/{idOrSlug}',
    });
    expect(seen).toEqual(['GET /project/{idOrSlug}']);
  });

  it("a call given another client goes through that client's configuration", async () => {
    const other = createClient(config({ headers: { 'x-other': '1' } }));
    const client = createClient(config());
    await client.get({ client: other, url: '/empty' });
    expect(last()?.headers['x-other']).toBe('1');
  });

  it('a queued call holds its slot in the limiter, not a Request: the signal cancels it there', async () => {
    const limiter = new RateLimiter({ maxConcurrent: 1 });
    const hold = await limiter.acquire();
    const client = createClient({
      ...config(),
      core: ({ baseUrl }) => ({ baseUrl, rateLimiter: limiter, retry: false }),
    });
    const controller = new AbortController();
    const queued = client.get({ url: '/empty', signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toThrow(/abort/i);
    hold();
  });
});
