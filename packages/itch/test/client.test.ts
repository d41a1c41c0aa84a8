import { inspect } from 'node:util';
import { contract } from '@x/contract-testing';
import {
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  RateLimiter,
  TimeoutError,
} from '@x/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { DEFAULT_RATE_LIMIT, DEFAULT_USER_AGENT } from '../src/client.js';
import { parseItchErrorBody } from '../src/errors.js';
import * as itch from '../src/index.js';
import { createItchClient } from '../src/index.js';
import * as operations from '../src/operations.js';
import { VERSION } from '../src/version.js';
import { type LocalServer, sendJson, startServer } from './helpers/server.js';

const SECRET_KEY = 'sk_live_itch_0123456789abcdef';

let server: LocalServer;
let failures = 0;
let inFlight = 0;
let maxInFlight = 0;
const starts: number[] = [];
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/profile') {
      return sendJson(res, 401, { errors: ['invalid key', `for ${req.headers.authorization}`] });
    }
    if (req.url === '/profile/games') {
      starts.push(Date.now());
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise<void>((done) =>
        setTimeout(() => {
          inFlight--;
          sendJson(res, 200, { games: [] });
          done();
        }, 40),
      );
    }
    if (req.url === '/users/1') {
      return new Promise<void>((done) =>
        setTimeout(() => done(sendJson(res, 200, { user: {} })), 300),
      );
    }
    if (req.url === '/wharf/status') {
      failures++;
      if (failures <= 2) return sendJson(res, 503, { errors: ['busy'] });
      return sendJson(res, 200, { success: true });
    }
    sendJson(res, 404, { errors: ['not found'] });
  });
});
afterAll(() => server.close());

describe('createItchClient', () => {
  it('sends the @x/itch User-Agent by default, or yours', async () => {
    const c = contract('itch');
    const agents: (string | null)[] = [];
    const fetch = (request: Request) => {
      agents.push(request.headers.get('user-agent'));
      return c.fetch(request);
    };
    await createItchClient({ baseUrl: c.baseUrl, apiKey: 'k', fetch }).wharfStatus();
    await createItchClient({
      baseUrl: c.baseUrl,
      apiKey: 'k',
      fetch,
      userAgent: 'my-launcher/2.0',
    }).wharfStatus();
    expect(DEFAULT_USER_AGENT).toBe(`@x/itch/${pkg.version}`);
    expect(agents).toEqual([DEFAULT_USER_AGENT, 'my-launcher/2.0']);
  });

  it('turns {"errors": [...]} into the error message, and never leaks the key', async () => {
    const client = createItchClient({ baseUrl: server.url, apiKey: SECRET_KEY, retry: false });
    const error = await client.getProfile().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('invalid key');
    for (const view of [
      String(error),
      inspect(error, { depth: 10 }),
      JSON.stringify(error),
      (error as Error).stack,
    ]) {
      expect(view).not.toContain(SECRET_KEY);
    }
  });

  it('retries 5xx by default (idempotent GET) and honours withOptions({ retry: false })', async () => {
    const client = createItchClient({
      baseUrl: server.url,
      apiKey: 'k',
      retry: { maxRetries: 3, initialDelayMs: 1, maxDelayMs: 2 },
    });
    failures = 0;
    await expect(client.withOptions({ retry: false }).wharfStatus()).rejects.toBeInstanceOf(
      InternalServerError,
    );
    failures = 0;
    expect(await client.wharfStatus()).toEqual({ success: true });
  });

  it('by default keeps to 10 requests a second, 4 in flight', async () => {
    const client = createItchClient({ baseUrl: server.url, apiKey: 'k' });
    await Promise.all(Array.from({ length: 11 }, () => client.listProfileGames()));
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(starts).toHaveLength(11);
    expect(starts[10]! - starts[0]!).toBeGreaterThanOrEqual(950);
  });

  it('withOptions: per-call timeout, same credentials and config', async () => {
    const client = createItchClient({ baseUrl: server.url, apiKey: 'k', retry: false });
    client.transport.setConfig({ headers: { 'x-trace': 'abc' } });
    const quick = client.withOptions({ timeoutMs: 50 });
    await expect(quick.getUser(1)).rejects.toBeInstanceOf(TimeoutError);
    expect(await client.getUser(1)).toEqual({ user: {} });
    const last = server.requests.at(-1)!;
    expect(last.headers['x-trace']).toBe('abc');
    expect(last.headers.authorization).toBe('Bearer k');
  });

  it('maps a 404 on the local server to NotFoundError', async () => {
    const client = createItchClient({ baseUrl: server.url, apiKey: 'k', retry: false });
    await expect(client.getGame(1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses apiKey and jwt together', () => {
    expect(() => createItchClient({ apiKey: 'a', jwt: 'b' })).toThrow(TypeError);
  });

  it('accepts a shared RateLimiter', async () => {
    const c = contract('itch');
    const rateLimiter = new RateLimiter({ ...DEFAULT_RATE_LIMIT });
    const a = createItchClient({ baseUrl: c.baseUrl, apiKey: 'k', rateLimiter, fetch: c.fetch });
    const b = createItchClient({ baseUrl: c.baseUrl, jwt: 'j', rateLimiter, fetch: c.fetch });
    const results = await Promise.all([a.wharfStatus(), b.wharfStatus()]);
    expect(results).toHaveLength(2);
  });

  it('parseItchErrorBody', () => {
    expect(parseItchErrorBody({ errors: ['a', 'b'] })).toEqual({
      message: 'a; b',
      errors: ['a', 'b'],
    });
    expect(parseItchErrorBody({ errors: [] })).toBeUndefined();
    expect(parseItchErrorBody('nope')).toBeUndefined();
    expect(parseItchErrorBody(null)).toBeUndefined();
  });
});

describe('the transport and the standalone functions (@x/itch/operations)', () => {
  it('createItchTransport: itch base URL, @x/core fetch, normaliser; setConfig rebuilds it for a new baseUrl and auth', async () => {
    const transport = operations.createItchTransport();
    expect(transport.getConfig().baseUrl).toBe('https://api.itch.io');
    // Point it at a local server answering in snake_case, as itch does.
    const snake = await startServer((_req, res) =>
      sendJson(res, 200, { user: { display_name: 'Leaf', cover_url: 'https://x/y.png' } }),
    );
    try {
      transport.setConfig({ baseUrl: snake.url, auth: () => 'k' });
      const { user } = await operations.getProfile(transport);
      expect(user).toEqual({ displayName: 'Leaf', coverUrl: 'https://x/y.png' });
      expect(snake.requests[0]?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
      // The credential goes to the origin of the client's configured baseUrl.
      expect(snake.requests[0]?.headers.authorization).toBe('Bearer k');
      transport.setConfig({ auth: undefined });
      await operations.getProfile(transport);
      expect(snake.requests[1]?.headers.authorization).toBeUndefined();
    } finally {
      await snake.close();
    }
  });
});

describe('package surface', () => {
  it('VERSION matches package.json', () => {
    expect(VERSION).toBe(pkg.version);
  });

  it('the main entry exports the client factory and the @x/core errors, no value named client', () => {
    for (const name of [
      'createItchClient',
      'ItchClient',
      'LoginError',
      'parseItchDate',
      'ApiError',
      'AuthenticationError',
      'NotFoundError',
      'RateLimitError',
    ]) {
      expect(itch, name).toHaveProperty(name);
    }
    for (const name of ['client', 'defaultClient', 'getGame', 'normalizeResponse']) {
      expect(itch, name).not.toHaveProperty(name);
    }
  });

  it('every operation and helper is a client method and a function of @x/itch/operations', () => {
    const client = createItchClient();
    for (const name of [
      'getProfile',
      'listGameUploads',
      'newDownloadSession',
      'createBuild',
      'login',
      'iterateOwnedKeys',
      'openDownloadSession',
      'downloadUpload',
      'planUpgrade',
    ]) {
      expect(typeof (client as unknown as Record<string, unknown>)[name], name).toBe('function');
      expect(typeof (operations as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
