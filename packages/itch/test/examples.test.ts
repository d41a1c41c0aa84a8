import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract, contractFetchFor, fixture } from '@x/contract-testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { logIn, withApiKey, withJwt } from '../examples/auth.js';
import { patchesToApply, startPush } from '../examples/builds.js';
import { downloadFirstUpload } from '../examples/downloads.js';
import { firstHits, ownedGameTitles } from '../examples/pagination.js';
import { quickStart } from '../examples/quick-start.js';
import type { ItchClientOptions } from '../src/index.js';
import { type LocalServer, sendJson, startServer } from './helpers/server.js';

// The examples are written as a user writes them (no test parameters): the
// tests point every client they create at a local server by mocking the
// package's `createItchClient`, with the options each test sets here.
const mocked = vi.hoisted(() => ({ options: {} as Record<string, unknown> }));
vi.mock('@x/itch', async (importOriginal) => {
  const real = await importOriginal<typeof import('@x/itch')>();
  return {
    ...real,
    createItchClient: (options: ItchClientOptions = {}) =>
      real.createItchClient({ ...options, ...mocked.options }),
  };
});
const serve = (options: ItchClientOptions) => {
  mocked.options = options as Record<string, unknown>;
};
afterEach(() => {
  mocked.options = {};
});
beforeAll(() => {
  process.env.ITCH_API_KEY = 'k';
});
afterAll(() => {
  delete process.env.ITCH_API_KEY;
});

const payload = (file: string) => fixture('itch', file);

/** The live service's answers (real-shaped fixtures), plus a CDN redirect for downloads. */
let live: LocalServer;
let cdn: LocalServer;
beforeAll(async () => {
  cdn = await startServer((_req, res) => res.end('PK-bytes'));
  live = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const form = new URLSearchParams(req.body);
    switch (`${req.method} ${url.pathname}`) {
      case 'GET /profile/owned-keys':
        return sendJson(res, 200, payload('get-profile-owned-keys.page1.json'));
      case 'GET /games/1328853/uploads':
        return sendJson(res, 200, payload('get-game-uploads.1328853.json'));
      case 'POST /games/1328853/download-sessions':
        return sendJson(res, 200, { uuid: 'session-1' });
      case 'GET /uploads/880001/download':
        res.statusCode = 302;
        res.setHeader('location', `${cdn.url}/blob`);
        return res.end();
      case 'POST /login':
        return sendJson(res, 200, payload('login.totp-needed.redacted.json'));
      case 'POST /totp/verify':
        return form.get('code') === '123456'
          ? sendJson(res, 200, payload('login.success.redacted.json'))
          : sendJson(res, 400, payload('error.totp-verify-invalid-code.json'));
      case 'GET /profile':
        return sendJson(res, 200, {
          user: { id: 7890, username: `key:${req.headers.authorization}` },
        });
    }
    sendJson(res, 404, { errors: ['not found'] });
  });
});
afterAll(async () => {
  await live.close();
  await cdn.close();
});

const prism = () => {
  const c = contract('itch');
  return { baseUrl: c.baseUrl, fetch: c.fetch, retry: false as const };
};
const onLive = () => ({
  baseUrl: live.url,
  fetch: contractFetchFor('itch', live.url),
  retry: false as const,
});

describe('README examples', () => {
  it('quick start', async () => {
    serve(prism());
    const result = await quickStart();
    expect(result).toEqual({ username: 'string', title: 'string', cover: 'http://example.com' });
  });

  it('auth: API key and JWT', async () => {
    const c = contract('itch');
    const seen: (string | null)[] = [];
    const fetch = (request: Request) => {
      seen.push(request.headers.get('authorization'));
      return c.fetch(request);
    };
    serve({ baseUrl: c.baseUrl, fetch });
    process.env.ITCH_API_KEY = 'my-key';
    await withApiKey().getProfile();
    process.env.ITCH_API_KEY = 'k';
    await withJwt(async () => 'my-jwt').getProfile();
    expect(seen).toEqual(['Bearer my-key', 'Bearer my-jwt']);
  });

  it('auth: password + TOTP login (real-shaped answers)', async () => {
    serve(onLive());
    expect(await logIn('me', 'pw', async () => '123456')).toBe('key:Bearer fixture-api-key');
  });

  it('pagination (a real-shaped owned-keys page)', async () => {
    serve(onLive());
    expect(await ownedGameTitles()).toEqual(['Fixture Quest']);
    serve(prism());
    expect(await firstHits('x', 3)).toHaveLength(3);
  });

  it('downloads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'itch-'));
    try {
      const { fetch: _, ...withoutContractCheck } = onLive();
      serve(withoutContractCheck);
      const name = await downloadFirstUpload(1328853, 69987814, join(dir, 'map'));
      expect(name).toBe('fixture-quest-win.zip');
      expect(readFileSync(join(dir, 'map'), 'utf8')).toBe('PK-bytes');
      expect(cdn.requests.at(-1)?.headers.authorization).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds: upgrade plan and the wharf side of a push', async () => {
    serve(prism());
    expect(Array.isArray(await patchesToApply(1, 2))).toBe(true);
    const push = await startPush('me/game', 'windows-64');
    expect(push).toMatchObject({ state: 'started', uploadUrl: 'http://example.com' });
  });
});
