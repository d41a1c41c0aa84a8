import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract, contractFetchFor, fixtureJson } from '@x/contract-testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectOrNull, whoAmI } from '../examples/auth.js';
import { fabricVersions } from '../examples/per-call.js';
import { quickStart } from '../examples/quick-start.js';
import { sharedBudget } from '../examples/rate-limits.js';
import { searchFabricTech } from '../examples/search.js';
import { projectTitle } from '../examples/standalone.js';
import { updatesForFiles, updatesForModsFolder } from '../examples/updates.js';
import { publishVersion } from '../examples/upload.js';
import type { ModrinthClientOptions, Version } from '../src/index.js';
import { hashPath } from '../src/node.js';
import { served } from './helpers/served-client.js';
import { type StandIn, startMultipartStandIn } from './multipart-standin.js';

// The examples are written as a user writes them: every client they create
// is pointed at the local server each test names (helpers/served-client.ts).
vi.mock('@x/modrinth', async (original) =>
  (await import('./helpers/served-client.js')).servedModrinth(original),
);
vi.mock('@x/modrinth/operations', async (original) =>
  (await import('./helpers/served-client.js')).servedOperations(original),
);
const serve = (options: ModrinthClientOptions) => {
  served.options = options;
};
afterEach(() => {
  served.options = {};
});

const c = contract('modrinth');
const viaPrism = { baseUrl: c.baseUrl, fetch: c.fetch, userAgent: 'x-sdks-tests' };
/** Prism options that force a documented status (`Prefer: code=N`) on every call. */
const preferring = (code: number) => ({
  ...viaPrism,
  fetch: (r: Request) => {
    const headers = new Headers(r.headers);
    headers.set('prefer', `code=${code}`);
    return c.fetch(new Request(r, { headers }));
  },
});

describe('README examples against Prism', () => {
  it('quick start', async () => {
    serve(viaPrism);
    expect(await quickStart()).toMatch(/^.+: \d+ downloads$/);
  });

  it('per-call options: loaders and game versions, signal and timeout', async () => {
    serve(viaPrism);
    const numbers = await fabricVersions(new AbortController().signal);
    expect(numbers.length).toBeGreaterThan(0);
    const aborted = new AbortController();
    aborted.abort();
    await expect(fabricVersions(aborted.signal)).rejects.toThrow();
  });

  it('standalone functions with a transport', async () => {
    serve(viaPrism);
    expect(await projectTitle('sodium')).toBeTypeOf('string');
  });

  it('auth: token provider, AuthenticationError when there is none', async () => {
    process.env.MODRINTH_TOKEN = 'mrp_example';
    try {
      serve(viaPrism);
      expect(await whoAmI()).toBeTypeOf('string');
      // An expired token: the API answers 401.
      serve(preferring(401));
      expect(await whoAmI()).toMatch(/^not signed in/);
    } finally {
      delete process.env.MODRINTH_TOKEN;
    }
  });

  it('errors: NotFoundError -> null', async () => {
    serve(viaPrism);
    expect(await projectOrNull('sodium')).toHaveProperty('slug');
    serve(preferring(404));
    expect(await projectOrNull('nope')).toBeNull();
  });

  it('search with facets and searchAll', async () => {
    serve(viaPrism);
    const result = await searchFabricTech();
    expect(result.firstPage).toBeGreaterThan(0);
    expect(result.slugs.length).toBeGreaterThan(0);
  });

  it('rate limits: shared limiter, withOptions', async () => {
    serve(viaPrism);
    expect(await sharedBudget()).toEqual({
      loaders: expect.any(Number),
      versions: expect.any(Number),
      quick: expect.any(Number),
    });
  });
});

describe('upload example (multipart stand-in, Prism for the rest)', () => {
  let standIn: StandIn;
  let dir: string;
  beforeAll(async () => {
    standIn = await startMultipartStandIn(c.baseUrl);
    dir = await mkdtemp(join(tmpdir(), 'x-modrinth-upload-'));
  });
  afterAll(async () => {
    await standIn.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('publishes a version from a file path and sets the icon', async () => {
    const jar = join(dir, 'my-mod-1.0.0.jar');
    await writeFile(jar, new Uint8Array([0x50, 0x4b, 3, 4]));
    process.env.MODRINTH_TOKEN = 'mrp_example';
    try {
      serve({ baseUrl: standIn.url, fetch: contractFetchFor('modrinth', standIn.url) });
      const id = await publishVersion(jar);
      expect(id).toBeTypeOf('string');
    } finally {
      delete process.env.MODRINTH_TOKEN;
    }
  });
});

describe('update-check examples (local server answering with real-shaped versions)', () => {
  // Real-shaped sodium versions: the newest is the "latest", an older one the file on disk.
  const versions = fixtureJson<Version[]>('modrinth', 'get-project-versions.sodium.json');
  const latest = versions[0]!;
  const current = versions[5]!;
  let server: Server;
  let base: string;
  let dir: string;
  let known: string;
  const bodies: unknown[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'x-modrinth-mods-'));
    await writeFile(join(dir, 'sodium-old.jar'), 'pretend this is sodium');
    await writeFile(join(dir, 'unknown.jar'), 'not on modrinth');
    known = (await hashPath(join(dir, 'sodium-old.jar'))).sha512;
    server = createServer(async (req, res) => {
      let text = '';
      for await (const chunk of req) text += chunk;
      const body = JSON.parse(text) as { hashes: string[] };
      bodies.push(body);
      const map: Record<string, Version> = {};
      for (const h of body.hashes)
        if (h === known) map[h] = req.url?.endsWith('/update') ? latest : current;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(map));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  it('a mods folder: one update found, the unknown file ignored', async () => {
    serve({ baseUrl: base, fetch: contractFetchFor('modrinth', base) });
    const lines = await updatesForModsFolder(dir);
    expect(lines).toEqual([
      `${join(dir, 'sodium-old.jar')}: ${current.version_number} -> ${latest.version_number}`,
    ]);
    expect(bodies[0]).toMatchObject({
      algorithm: 'sha512',
      hashes: expect.arrayContaining([known]),
    });
    expect(bodies[1]).toMatchObject({
      hashes: [known],
      loaders: ['fabric'],
      game_versions: ['1.21.1'],
    });
  });

  it('Files in a browser-safe way', async () => {
    const file = new File([readFileSync(join(dir, 'sodium-old.jar'))], 'sodium-old.jar');
    serve({ baseUrl: base, fetch: contractFetchFor('modrinth', base) });
    const [check] = await updatesForFiles([file]);
    expect(check!.updateAvailable).toBe(true);
    expect(check!.latest!.id).toBe(latest.id);
  });
});
