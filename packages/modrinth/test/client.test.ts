import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BadRequestError,
  CoreError,
  createModrinthClient,
  DEFAULT_USER_AGENT,
  GoneError,
  MODRINTH_API_URL,
  MODRINTH_STAGING_API_URL,
  NotFoundError,
  RateLimitError,
  RateLimiter,
  UnexpectedResponseError,
  VERSION,
} from '../src/index.js';

type Handler = (
  req: IncomingMessage,
  body: string,
) => { status: number; headers?: Record<string, string>; body?: string };
let server: Server;
let base: string;
let handler: Handler;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    seen.push(req);
    const out = handler(req, body);
    res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers });
    res.end(out.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ok = () => ({ status: 200, body: '[]' });

describe('createModrinthClient', () => {
  it('defaults: production URL, staging switch, package User-Agent', () => {
    expect(createModrinthClient().transport.getConfig().baseUrl).toBe(MODRINTH_API_URL);
    expect(createModrinthClient({ staging: true }).transport.getConfig().baseUrl).toBe(
      MODRINTH_STAGING_API_URL,
    );
    expect(DEFAULT_USER_AGENT).toBe(`@x/modrinth/${VERSION}`);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });

  it('a client sends array queries JSON-encoded (production URL by default)', () => {
    const { transport } = createModrinthClient();
    expect(transport.getConfig().baseUrl).toBe(MODRINTH_API_URL);
    const url = transport.buildUrl({ url: '/projects', query: { ids: ['a', 'b'] } });
    expect(new URL(url).searchParams.get('ids')).toBe('["a","b"]');
  });

  it('sends the token raw and the User-Agent (default and custom)', async () => {
    handler = ok;
    seen.length = 0;
    await createModrinthClient({
      baseUrl: base,
      token: 'mrp_abc',
      rateLimiter: false,
    }).loaderList();
    await createModrinthClient({
      baseUrl: base,
      token: () => 'mrp_def',
      userAgent: 'me/app/1.0 (me@example.com)',
      rateLimiter: false,
    }).loaderList();
    expect(seen.map((r) => r.headers.authorization)).toEqual(['mrp_abc', 'mrp_def']);
    expect(seen.map((r) => r.headers['user-agent'])).toEqual([
      DEFAULT_USER_AGENT,
      'me/app/1.0 (me@example.com)',
    ]);
  });

  it('setConfig({ auth: undefined }) stops sending the token given to createModrinthClient', async () => {
    handler = ok;
    seen.length = 0;
    const client = createModrinthClient({ baseUrl: base, token: 'mrp_abc', rateLimiter: false });
    await client.loaderList();
    client.transport.setConfig({ auth: undefined });
    await client.loaderList();
    client.transport.setConfig({ auth: 'mrp_new' });
    await client.loaderList();
    expect(seen.map((r) => r.headers.authorization)).toEqual(['mrp_abc', undefined, 'mrp_new']);
  });

  it('turns {"error","description"} into the message', async () => {
    handler = () => ({
      status: 400,
      body: JSON.stringify({
        error: 'invalid_input',
        description: 'Error while parsing multipart payload',
      }),
    });
    const client = createModrinthClient({ baseUrl: base, retry: false, rateLimiter: false });
    const error = await client.loaderList().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toContain(
      'invalid_input: Error while parsing multipart payload',
    );
  });

  it('410 becomes a GoneError saying the API version is deprecated', async () => {
    handler = () => ({
      status: 410,
      body: JSON.stringify({ error: 'gone', description: 'STOP USING THIS API' }),
    });
    const client = createModrinthClient({ baseUrl: base, retry: false, rateLimiter: false });
    const error = await client.getProject('sodium').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoneError);
    expect((error as Error).message).toMatch(/this API version is deprecated/);
    expect((error as Error).message).toContain('STOP USING THIS API');
  });

  it('HTML with 200 (a captive portal) is an UnexpectedResponseError, never a string typed as a Project', async () => {
    handler = () => ({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<html><body>Sign in to the hotel Wi-Fi</body></html>',
    });
    const client = createModrinthClient({ baseUrl: base, retry: false, rateLimiter: false });
    const error = await client.getProject('sodium').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8' });
    expect((error as Error).message).toContain('/project/sodium');
  });

  it('an empty 200 is an UnexpectedResponseError, never an undefined Project', async () => {
    handler = () => ({ status: 200, body: '' });
    const client = createModrinthClient({ baseUrl: base, retry: false, rateLimiter: false });
    await expect(client.getProject('sodium')).rejects.toThrow(UnexpectedResponseError);
  });

  it('a missing path parameter is a CoreError naming it, and nothing is sent', async () => {
    seen.length = 0;
    const client = createModrinthClient({ baseUrl: base, rateLimiter: false });
    const error = await client.getProject(undefined as unknown as string).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as Error).message).toContain('"idOrSlug"');
    expect(seen).toHaveLength(0);
  });

  it('forgeUpdates is requested outside /v2, as the spec says', async () => {
    handler = () => ({
      status: 200,
      body: JSON.stringify({ homepage: 'https://modrinth.com', promos: {} }),
    });
    seen.length = 0;
    const client = createModrinthClient({ baseUrl: base, rateLimiter: false });
    const updates = await client.forgeUpdates('sodium');
    expect(updates.homepage).toBe('https://modrinth.com');
    expect(seen[0]!.url).toBe('/updates/sodium/forge_updates.json');
  });

  it('withOptions overrides per call and shares the limiter', async () => {
    let calls = 0;
    handler = () => (++calls === 1 ? { status: 503, body: '{}' } : ok());
    const client = createModrinthClient({
      baseUrl: base,
      retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 1 },
      rateLimiter: false,
    });
    await expect(client.withOptions({ retry: false }).loaderList()).rejects.toThrow();
    calls = 0;
    await expect(client.loaderList()).resolves.toEqual([]);
    expect(calls).toBe(2);
  });
});

describe('rate limits (local server answering 429 with X-Ratelimit-Reset)', () => {
  it('waits for X-Ratelimit-Reset after a 429, then succeeds', async () => {
    let calls = 0;
    handler = () =>
      ++calls === 1
        ? {
            status: 429,
            headers: {
              'x-ratelimit-limit': '300',
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': '1',
            },
            body: JSON.stringify({
              error: 'ratelimit_error',
              description: 'You are being rate-limited.',
            }),
          }
        : ok();
    const client = createModrinthClient({ baseUrl: base });
    const started = Date.now();
    await expect(client.loaderList()).resolves.toEqual([]);
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('hash lookups (read-only POSTs) are retried after a 429 too; other POSTs are not', async () => {
    let calls = 0;
    handler = () =>
      ++calls === 1
        ? {
            status: 429,
            headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '0.2' },
            body: '{}',
          }
        : { status: 200, body: '{}' };
    const client = createModrinthClient({ baseUrl: base, rateLimiter: false });
    await expect(client.versionsFromHashes({ hashes: ['a'], algorithm: 'sha1' })).resolves.toEqual(
      {},
    );
    expect(calls).toBe(2);
    calls = 0;
    const error = await client
      .submitReport({ report_type: 'spam', item_id: 'x', item_type: 'project', body: 'b' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(calls).toBe(1);
  });

  it('without retries a 429 throws RateLimitError with the wait it asked for', async () => {
    handler = () => ({
      status: 429,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '7' },
      body: JSON.stringify({
        error: 'ratelimit_error',
        description: 'You are being rate-limited.',
      }),
    });
    const client = createModrinthClient({ baseUrl: base, retry: false, rateLimiter: false });
    const error = await client.loaderList().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as Error).message).toContain('You are being rate-limited.');
    expect((error as RateLimitError & { retryAfterMs?: number }).retryAfterMs).toBeGreaterThan(
      5000,
    );
  });

  it('Remaining 0 holds the next request until the window resets', async () => {
    let calls = 0;
    const times: number[] = [];
    handler = () => {
      times.push(Date.now());
      return ++calls === 1
        ? {
            status: 200,
            headers: {
              'x-ratelimit-limit': '300',
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': '1',
            },
            body: '[]',
          }
        : ok();
    };
    const client = createModrinthClient({ baseUrl: base });
    await client.loaderList();
    await client.loaderList();
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(800);
  });

  it('a shared RateLimiter spaces requests of several clients', async () => {
    handler = ok;
    const limiter = new RateLimiter({ maxRequests: 2, intervalMs: 600 });
    const a = createModrinthClient({ baseUrl: base, rateLimiter: limiter });
    const b = createModrinthClient({ baseUrl: base, rateLimiter: limiter });
    const started = Date.now();
    await Promise.all([a.loaderList(), b.loaderList(), a.loaderList()]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });

  it('404 maps to NotFoundError with the API message', async () => {
    handler = () => ({
      status: 404,
      body: JSON.stringify({
        error: 'not_found',
        description: 'the requested route does not exist',
      }),
    });
    const client = createModrinthClient({ baseUrl: base, rateLimiter: false });
    const error = await client.loaderList().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    if (!(error instanceof NotFoundError)) return;
    // labrinth's machine-readable code and description, as typed fields.
    expect(error.code).toBe('not_found');
    expect(error.description).toBe('the requested route does not exist');
    expect(error.body).toEqual({
      error: 'not_found',
      description: 'the requested route does not exist',
    });
    expect(error.apiMessage).toBe('not_found: the requested route does not exist');
  });

  it('400 invalid_input: code and description typed, the token scrubbed from both', async () => {
    const token = 'mrp_secret_token_123';
    handler = () => ({
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        error: 'invalid_input',
        description: `Error while validating input: bad token ${token}`,
      }),
    });
    const client = createModrinthClient({ baseUrl: base, rateLimiter: false, token, retry: false });
    const error = await client
      .versionsFromHashes({ hashes: ['abc'], algorithm: 'sha1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    if (!(error instanceof BadRequestError)) return;
    expect(error.code).toBe('invalid_input');
    expect(error.description).toBe('Error while validating input: bad token [REDACTED]');
    expect(JSON.stringify(error)).not.toContain(token);
    expect(error.message).not.toContain(token);
  });

  it('a body that is not labrinth JSON leaves code and description undefined', async () => {
    handler = () => ({ status: 404, body: 'no such thing' });
    const client = createModrinthClient({ baseUrl: base, rateLimiter: false });
    const error = await client.loaderList().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    if (!(error instanceof NotFoundError)) return;
    expect(error.code).toBeUndefined();
    expect(error.description).toBeUndefined();
    expect(error.body).toBe('no such thing');
    expect(error.apiMessage).toBe('no such thing');
  });
});
