import { readdirSync } from 'node:fs';
import {
  contract,
  contractFetchFor,
  createResponseValidator,
  describePayloads,
  readPayload,
  spec,
} from '@x/contract-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItchClient, type ItchClient } from '../src/index.js';
import { camelCase, normalizeAs, parseItchDate } from '../src/normalize.js';
import { normalizeResponse, OPERATION_RESPONSES, routeOf } from './helpers/operation-responses.js';
import { calls } from './helpers/operations.js';
import {
  declaredPaths,
  resolveSchema,
  responseSchema,
  unpopulatedFields,
} from './helpers/schema-walk.js';
import { type LocalServer, sendJson, startServer } from './helpers/server.js';

/**
 * Each real-shaped success answer (file name as in the recorded corpus), the
 * endpoint it answers, and the operation call that reaches that endpoint.
 */
const captured: {
  file: string;
  operationId: string;
  method: string;
  path: string;
  call: (client: ItchClient) => Promise<unknown>;
}[] = [
  {
    file: 'get-profile-owned-keys.page1.json',
    operationId: 'listProfileOwnedKeys',
    method: 'GET',
    path: '/profile/owned-keys?page=1',
    call: (client) => client.listProfileOwnedKeys({ page: 1 }),
  },
  {
    file: 'get-game.1328853.json',
    operationId: 'getGame',
    method: 'GET',
    path: '/games/1328853',
    call: (client) => client.getGame(1328853),
  },
  {
    file: 'get-game-uploads.1328853.json',
    operationId: 'listGameUploads',
    method: 'GET',
    path: '/games/1328853/uploads',
    call: (client) => client.listGameUploads(1328853),
  },
  {
    file: 'login.success.redacted.json',
    operationId: 'loginWithPassword',
    method: 'POST',
    path: '/login',
    call: (client) => client.loginWithPassword({ username: 'success', password: 'pw' }),
  },
  {
    file: 'login.totp-needed.redacted.json',
    operationId: 'loginWithPassword',
    method: 'POST',
    path: '/login',
    call: (client) => client.loginWithPassword({ username: 'totp', password: 'pw' }),
  },
];

function prismClient() {
  const c = contract('itch');
  return createItchClient({ baseUrl: c.baseUrl, apiKey: 'k', retry: false, fetch: c.fetch });
}

// biome-ignore lint/suspicious/noExplicitAny: raw snake_case JSON, read field by field
type Raw = Record<string, any>;

describePayloads(
  'itch',
  'real-shaped itch.io answers (snake_case) come out in the spec shape',
  (source) => {
    const read = (file: string) => readPayload<Raw>(source, file);
    let server: LocalServer;

    beforeAll(async () => {
      server = await startServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const target = `${url.pathname}${url.search}`;
        const hit = captured.find(
          (c) =>
            c.method === req.method &&
            c.path === target &&
            (c.path !== '/login' ||
              new URLSearchParams(req.body).get('username') ===
                (c.file.includes('totp') ? 'totp' : 'success')),
        );
        if (!hit) return sendJson(res, 404, { errors: ['not found'] });
        sendJson(res, 200, JSON.stringify(read(hit.file)));
      });
    });
    afterAll(() => server.close());

    function payloadClient() {
      return createItchClient({
        baseUrl: server.url,
        apiKey: 'k',
        retry: false,
        fetch: contractFetchFor('itch', server.url),
      });
    }

    it('every success answer of the source is exercised here', () => {
      const files = readdirSync(source.dir).filter(
        (f) => f.endsWith('.json') && !f.startsWith('error.'),
      );
      expect(captured.map((c) => c.file).sort()).toEqual(files.sort());
    });

    const validator = createResponseValidator(spec('itch'));
    for (const entry of captured) {
      describe(entry.file, () => {
        it('every field the spec declares that the payload carries is populated', async () => {
          const out = await entry.call(payloadClient());
          expect(
            unpopulatedFields(read(entry.file), out, responseSchema(entry.operationId)),
          ).toEqual([]);
        });

        it('validates against the spec and has the same typed shape as Prism', async () => {
          const out = await entry.call(payloadClient());
          const op = spec('itch').operations.find((o) => o.operationId === entry.operationId)!;
          expect(validator.check(op, 200, 'application/json', out)).toEqual({
            ok: true,
            errors: [],
          });
          const fromPrism = await calls[entry.operationId]!.call(prismClient());
          const schema = responseSchema(entry.operationId);
          const payloadPaths = [...declaredPaths(out, schema)];
          const prismPaths = declaredPaths(fromPrism, schema);
          expect(payloadPaths.length).toBeGreaterThan(0);
          expect(payloadPaths.filter((p) => !prismPaths.has(p))).toEqual([]);
        });
      });
    }

    it('reads a game: camelCase fields, traits as booleans, nanosecond dates', async () => {
      const raw = read('get-game.1328853.json').game;
      const { game } = await payloadClient().getGame(1328853);
      expect(game?.coverUrl).toBe(raw.cover_url);
      expect(game?.shortText).toBe(raw.short_text);
      expect(game?.minPrice).toBe(raw.min_price);
      expect(game?.user?.coverUrl).toBe(raw.user.cover_url);
      expect(raw.traits).toContain('can_be_bought');
      expect(game?.canBeBought).toBe(true);
      expect(game?.hasDemo).toBe(raw.traits.includes('has_demo'));
      expect(game?.inPressSystem).toBe(raw.traits.includes('in_press_system'));
      expect(game?.createdAt).toBe(raw.created_at);
      expect(raw.published_at).toMatch(/\.\d{9}Z$/);
      expect(parseItchDate(game!.publishedAt!).toISOString()).toBe(
        raw.published_at.replace(/(\.\d{3})\d*Z$/, '$1Z'),
      );
    });

    it('reads `traits: {}` on an upload as no traits', async () => {
      const raws: Raw[] = read('get-game-uploads.1328853.json').uploads;
      const index = raws.findIndex((u) => JSON.stringify(u.traits) === '{}');
      expect(index).toBeGreaterThanOrEqual(0);
      const raw = raws[index]!;
      const { uploads } = await payloadClient().listGameUploads(1328853);
      expect(uploads?.[index]).toMatchObject({
        id: raw.id,
        filename: raw.filename,
        storage: raw.storage,
        size: raw.size,
        demo: false,
        preorder: false,
        createdAt: raw.created_at,
        updatedAt: raw.updated_at,
      });
      expect(uploads?.[index]?.platforms).toBeUndefined();
      expect((uploads![index] as { traits?: unknown }).traits).toEqual([]);
    });

    it('reads owned keys deeply, keeping undeclared fields as they came', async () => {
      const raw = read('get-profile-owned-keys.page1.json');
      const rawKey = raw.owned_keys[0];
      const data = await payloadClient().listProfileOwnedKeys({ page: 1 });
      expect(data.perPage).toBe(raw.per_page);
      expect(data.page).toBe(1);
      const key = data.ownedKeys?.[0];
      expect(key?.gameId).toBe(rawKey.game_id);
      expect(key?.game?.user?.username).toBe(rawKey.game.user.username);
      expect(key?.game?.canBeBought).toBe(rawKey.game.traits.includes('can_be_bought'));
      expect((key as Record<string, unknown>).purchase_id).toBe(rawKey.purchase_id);
      expect((key as Record<string, unknown>).downloads).toBe(rawKey.downloads);
    });
  },
);

describe('Prism (camelCase) and its snake_case twin normalise to the same value, for every operation, through the operation itself', () => {
  /** The spec-declared keys of a camelCase value rewritten to snake_case; map keys left alone. */
  // biome-ignore lint/suspicious/noExplicitAny: generic JSON walk
  function toSnake(value: unknown, schema: any): unknown {
    const s = resolveSchema(schema);
    if (!s || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => toSnake(v, s.items));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (s.properties?.[k])
        out[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = toSnake(v, s.properties[k]);
      else if (!s.properties && typeof s.additionalProperties === 'object')
        out[k] = toSnake(v, s.additionalProperties);
      else out[k] = v;
    }
    return out;
  }

  for (const [operationId] of OPERATION_RESPONSES) {
    it(operationId, async () => {
      const c = contract('itch');
      /** A client of Prism whose answers go through `fetch` first. */
      const through = (fetch: (request: Request) => Promise<Response>) =>
        createItchClient({ baseUrl: c.baseUrl, apiKey: 'k', retry: false, fetch });
      let raw: unknown;
      const client = through(async (request) => {
        const response = await c.fetch(request);
        raw = await response.clone().json();
        return response;
      });
      const camel = await calls[operationId]!.call(client);
      expect(camel).toEqual(raw);
      const schema = responseSchema(operationId);
      expect(normalizeResponse(operationId, toSnake(raw, schema))).toEqual(raw);

      // The operation itself normalises its answer (its generated spec's
      // `response`): the snake_case twin, as the live service sends it, comes
      // out of the public call as Prism's camelCase.
      let twin: unknown;
      const snakeClient = through(async (request) => {
        const response = await c.fetch(request);
        twin = await response.json();
        const headers = new Headers(response.headers);
        headers.delete('content-length');
        const body = JSON.stringify(toSnake(twin, schema));
        return new Response(body, { status: response.status, headers });
      });
      expect(await calls[operationId]!.call(snakeClient)).toEqual(twin);
    });
  }
});

describe('normaliser rules', () => {
  it('never renames map keys (additionalProperties), but normalises their values', () => {
    const out = normalizeResponse('listChannels', {
      channels: {
        windows_64_beta: { name: 'windows_64_beta', upload: { channel_name: 'x', build_id: 3 } },
      },
    });
    expect(out).toEqual({
      channels: {
        windows_64_beta: { name: 'windows_64_beta', upload: { channelName: 'x', buildId: 3 } },
      },
    });
    expect(
      normalizeResponse('createBuildFile', {
        file: {
          upload_url: 'https://x',
          upload_params: { x_goog_meta: 'a' },
          upload_headers: { 'content-type': 'b' },
        },
      }),
    ).toEqual({
      file: {
        uploadUrl: 'https://x',
        uploadParams: { x_goog_meta: 'a' },
        uploadHeaders: { 'content-type': 'b' },
      },
    });
    expect(
      normalizeResponse('loginWithPassword', { cookie: { itchio_token: 'c' }, totp_needed: false }),
    ).toEqual({ cookie: { itchio_token: 'c' }, totpNeeded: false });
  });

  it('leaves free-form objects alone (event data, scanned-archive manifests)', () => {
    expect(
      normalizeResponse('listBuildEvents', {
        events: [{ type: 'log', data: { some_key: { inner_key: 1 } } }],
      }),
    ).toEqual({ events: [{ type: 'log', data: { some_key: { inner_key: 1 } } }] });
    expect(
      normalizeResponse('getBuildScannedArchive', {
        scanned_archive: { object_id: 1, launch_targets: { some_key: 1 }, manifest: { a_b: 2 } },
      }),
    ).toEqual({
      scannedArchive: { objectId: 1, launchTargets: { some_key: 1 }, manifest: { a_b: 2 } },
    });
  });

  it('maps traits onto boolean fields and platform flags', () => {
    const { game } = normalizeResponse('getGame', {
      game: { traits: ['can_be_bought', 'has_demo', 'p_windows', 'p_linux', 'p_android'] },
    }) as { game: Record<string, unknown> };
    expect(game).toMatchObject({
      canBeBought: true,
      hasDemo: true,
      inPressSystem: false,
      platforms: { windows: 'all', linux: 'all' },
      traits: ['can_be_bought', 'has_demo', 'p_windows', 'p_linux', 'p_android'],
    });
    const { upload } = normalizeResponse('getUpload', {
      upload: { traits: ['demo', 'p_osx'], platforms: { osx: 'amd64' } },
    }) as { upload: Record<string, unknown> };
    expect(upload).toMatchObject({ demo: true, preorder: false, platforms: { osx: 'amd64' } });
  });

  it('lets an explicit field win over its twin and over traits', () => {
    expect(normalizeAs('User', { coverUrl: 'a', cover_url: 'b' })).toEqual({
      coverUrl: 'a',
    });
    expect(normalizeAs('Game', { can_be_bought: false, traits: ['can_be_bought'] })).toMatchObject({
      canBeBought: false,
    });
  });

  it('camelCase and route matching', () => {
    expect(camelCase('cover_url')).toBe('coverUrl');
    expect(camelCase('owned_keys')).toBe('ownedKeys');
    expect(camelCase('p_windows')).toBe('pWindows');
    expect(routeOf('GET', '/wharf/builds/{buildId}/files')?.operationId).toBe('listBuildFiles');
    expect(routeOf('post', '/wharf/builds/{buildId}/files/{fileId}')?.operationId).toBe(
      'finalizeBuildFile',
    );
    expect(routeOf('POST', '/totp/verify')?.operationId).toBe('totpVerify');
    expect(routeOf('GET', '/uploads/{uploadId}/download')).toBeUndefined();
  });

  it('parses nanosecond timestamps and rejects garbage', () => {
    expect(parseItchDate('2021-12-22T22:26:44.123456789Z').toISOString()).toBe(
      '2021-12-22T22:26:44.123Z',
    );
    expect(parseItchDate('2021-12-22T22:26:44Z').toISOString()).toBe('2021-12-22T22:26:44.000Z');
    expect(() => parseItchDate('yesterday')).toThrow(RangeError);
  });
});
