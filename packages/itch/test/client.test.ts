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
import { createItchClient, DEFAULT_RATE_LIMIT, DEFAULT_USER_AGENT } from '../src/client.js';
import { parseItchErrorBody } from '../src/errors.js';
import { client as defaultClient } from '../src/generated/client.gen.js';
import {
  getGame,
  getProfile,
  getUser,
  listProfileGames,
  wharfStatus,
} from '../src/generated/sdk.gen.js';
import * as itch from '../src/index.js';
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
    await wharfStatus({ client: createItchClient({ baseUrl: c.baseUrl, apiKey: 'k', fetch }) });
    await wharfStatus({
      client: createItchClient({
        baseUrl: c.baseUrl,
        apiKey: 'k',
        fetch,
        userAgent: 'my-launcher/2.0',
      }),
    });
    expect(DEFAULT_USER_AGENT).toBe(`@x/itch/${pkg.version}`);
    expect(agents).toEqual([DEFAULT_USER_AGENT, 'my-launcher/2.0']);
  });

  it('turns {"errors": [...]} into the error message, and never leaks the key', async () => {
    const client = createItchClient({ baseUrl: server.url, apiKey: SECRET_KEY, retry: false });
    const error = await getProfile({ client }).catch((e: unknown) => e);
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
    await expect(
      wharfStatus({ client: client.withOptions({ retry: false }) }),
    ).rejects.toBeInstanceOf(InternalServerError);
    failures = 0;
    expect(await wharfStatus({ client })).toEqual({ success: true });
  });

  it('by default keeps to 10 requests a second, 4 in flight', async () => {
    const client = createItchClient({ baseUrl: server.url, apiKey: 'k' });
    await Promise.all(Array.from({ length: 11 }, () => listProfileGames({ client })));
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(starts).toHaveLength(11);
    expect(starts[10]! - starts[0]!).toBeGreaterThanOrEqual(950);
  });

  it('withOptions: per-call timeout, same credentials and config', async () => {
    const client = createItchClient({ baseUrl: server.url, apiKey: 'k', retry: false });
    client.setConfig({ headers: { 'x-trace': 'abc' } });
    const quick = client.withOptions({ timeoutMs: 50 });
    await expect(getUser({ client: quick, path: { userId: 1 } })).rejects.toBeInstanceOf(
      TimeoutError,
    );
    expect(await getUser({ client, path: { userId: 1 } })).toEqual({ user: {} });
    const last = server.requests.at(-1)!;
    expect(last.headers['x-trace']).toBe('abc');
    expect(last.headers.authorization).toBe('Bearer k');
  });

  it('maps a 404 on the local server to NotFoundError', async () => {
    const client = createItchClient({ baseUrl: server.url, apiKey: 'k', retry: false });
    await expect(getGame({ client, path: { gameId: 1 } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses apiKey and jwt together', () => {
    expect(() => createItchClient({ apiKey: 'a', jwt: 'b' })).toThrow(TypeError);
  });

  it('accepts a shared RateLimiter', async () => {
    const c = contract('itch');
    const rateLimiter = new RateLimiter({ ...DEFAULT_RATE_LIMIT });
    const a = createItchClient({ baseUrl: c.baseUrl, apiKey: 'k', rateLimiter, fetch: c.fetch });
    const b = createItchClient({ baseUrl: c.baseUrl, jwt: 'j', rateLimiter, fetch: c.fetch });
    const results = await Promise.all([wharfStatus({ client: a }), wharfStatus({ client: b })]);
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

describe('the generated default client (zero config)', () => {
  it('is wired by runtime-config: itch base URL, @x/core fetch, normaliser; setConfig rebuilds it for a new baseUrl and auth', async () => {
    expect(defaultClient.getConfig().baseUrl).toBe('https://api.itch.io');
    const c = contract('itch');
    const original = defaultClient.getConfig();
    // Point it at a local server answering in snake_case, as itch does.
    const snake = await startServer((_req, res) =>
      sendJson(res, 200, { user: { display_name: 'Leaf', cover_url: 'https://x/y.png' } }),
    );
    try {
      defaultClient.setConfig({ baseUrl: snake.url, auth: () => 'k' });
      const { user } = await getProfile();
      expect(user).toEqual({ displayName: 'Leaf', coverUrl: 'https://x/y.png' });
      expect(snake.requests[0]?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
      // The credential goes to the origin of the client's configured baseUrl.
      expect(snake.requests[0]?.headers.authorization).toBe('Bearer k');
      defaultClient.setConfig({ auth: undefined });
      await getProfile();
      expect(snake.requests[1]?.headers.authorization).toBeUndefined();
    } finally {
      defaultClient.setConfig({ baseUrl: original.baseUrl, auth: undefined });
      await snake.close();
    }
    expect(c.baseUrl).toBeTruthy();
  });
});

describe('package surface', () => {
  it('VERSION matches package.json', () => {
    expect(VERSION).toBe(pkg.version);
  });

  it('exports every operation, the client factory, helpers and the @x/core errors', () => {
    for (const name of [
      'getProfile',
      'listGameUploads',
      'newDownloadSession',
      'createBuild',
      'createItchClient',
      'login',
      'iterateOwnedKeys',
      'downloadUpload',
      'planUpgrade',
      'parseItchDate',
      'ApiError',
      'AuthenticationError',
      'NotFoundError',
      'RateLimitError',
    ]) {
      expect(itch, name).toHaveProperty(name);
    }
  });
});
