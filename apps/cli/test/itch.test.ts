import { readdirSync, readFileSync } from 'node:fs';
import type { ContractProxy } from '@x/contract-testing/servers';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type LocalServer, localServer, proxyFor, runCli, tempFolder } from './helpers.ts';
import {
  assertMatches,
  downloadSchema,
  librarySchema,
  upgradePathSchema,
  uploadsSchema,
} from './schemas.ts';

const SECRET = 'itch-secret-key-0123456789';
const GAME_BYTES = Buffer.from('a real game archive, byte for byte '.repeat(3000));

let proxy: ContractProxy;
let cdn: LocalServer;
let itch: LocalServer;

beforeAll(async () => {
  proxy = await proxyFor('itch');
  // Another origin: the CDN itch redirects downloads to. It must never see the key.
  cdn = await localServer((_req, res) => {
    res.writeHead(200, { 'content-length': String(GAME_BYTES.length) });
    res.end(GAME_BYTES);
  });
  // The API: spec routes go through the contract proxy to Prism; the file
  // route (used by the itch app, not in the spec) redirects to the CDN.
  itch = await localServer(async (req, res) => {
    if (/^\/uploads\/\d+\/download/.test(req.url ?? '')) {
      res.writeHead(302, { location: `${cdn.url}/signed/game.zip?token=cdn-signature` });
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === 'string' && k !== 'host') headers[k] = v;
    const upstream = await fetch(`${proxy.url}${req.url}`, {
      method: req.method,
      headers,
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    const body = Buffer.from(await upstream.arrayBuffer());
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
    });
    res.end(body);
  });
});
afterEach(() => {
  expect(proxy.violations.map((v) => v.message)).toEqual([]);
});
afterAll(async () => {
  await itch.close();
  await cdn.close();
  await proxy.close();
});

const cli = (args: string[]) => runCli(['--itch-url', itch.url, ...args], { ITCH_API_KEY: SECRET });

describe('itch', () => {
  test('library lists owned games (page by page), --json follows its schema', async () => {
    const { code, stdout, stderr } = await cli(['--json', 'itch', 'library']);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout);
    assertMatches(librarySchema, out);
    expect(out.items.length).toBeGreaterThan(0);
    expect(stdout + stderr).not.toContain(SECRET);
  });

  test('library as a table', async () => {
    const { code, stdout } = await cli(['itch', 'library']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/game\s*│\s*title\s*│\s*kind\s*│\s*key/);
    expect(stdout).toMatch(/\d+ games?\n/);
  });

  test('uploads of a game', async () => {
    const { code, stdout } = await cli(['--json', 'itch', 'uploads', '42']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    assertMatches(uploadsSchema, out);
    expect(out.gameId).toBe(42);
    expect(out.uploads.length).toBeGreaterThan(0);
  });

  test('download follows the redirect without leaking the key, and saves the exact bytes', async () => {
    const dir = tempFolder('x-update-itch-');
    const seen = cdn.requests.length;
    const { code, stdout, stderr } = await cli([
      '--json',
      'itch',
      'download',
      '7',
      dir,
      '--game',
      '42',
    ]);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout);
    assertMatches(downloadSchema, out);
    expect(out.from).toBe(cdn.url);
    expect(readFileSync(out.file)).toEqual(GAME_BYTES);
    // Only the complete file is left: no partial download.
    expect(readdirSync(dir)).toEqual([out.file.split('/').at(-1)]);
    const cdnRequests = cdn.requests.slice(seen);
    expect(cdnRequests).toHaveLength(1);
    expect(cdnRequests[0]?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(cdnRequests[0]?.headers)).not.toContain(SECRET);
    // The API itself did get the key.
    expect(itch.requests.some((r) => r.headers.authorization === `Bearer ${SECRET}`)).toBe(true);
    expect(stdout + stderr).not.toContain(SECRET);
  });

  test('upgrade-path lists the patches in order', async () => {
    const { code, stdout } = await cli(['--json', 'itch', 'upgrade-path', '100', '200']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    assertMatches(upgradePathSchema, out);
    expect(out.steps.map((s: { step: number }) => s.step)).toEqual(
      out.steps.map((_: unknown, i: number) => i + 1),
    );
  });

  test('an API error is one line in the API’s own words, exit 1, no secret', async () => {
    const denied = await localServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: ['invalid key'] }));
    });
    try {
      const { code, stderr, stdout } = await runCli(
        ['--itch-url', denied.url, 'itch', 'uploads', '42'],
        {
          ITCH_API_KEY: SECRET,
        },
      );
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^error: AuthenticationError: .*invalid key/);
      expect(stderr).not.toContain(SECRET);
    } finally {
      await denied.close();
    }
  });
});
