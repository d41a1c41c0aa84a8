import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractFetchFor, fixtureJson } from '@x/contract-testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchModFile, installMod } from '../examples/download.js';
import type { ProjectResult, SearchResults, Version } from '../src/index.js';
import { served } from './helpers/served-client.js';
import { installModWithXmcl } from './peers/xmcl-launcher-flow.js';

// The README's "Download a mod" example, written as a user writes it: the
// test points its clients at a local API (by mocking the package's
// `createModrinthClient`) that answers the repository's fixtures, checked
// against the spec, whose files point at a local "CDN" on another origin.
vi.mock('@x/modrinth', async (original) =>
  (await import('./helpers/served-client.js')).servedModrinth(original),
);

// The peer, pointed at the same local API.
vi.mock('@xmcl/modrinth', async (importOriginal) => {
  const real = await importOriginal<typeof import('@xmcl/modrinth')>();
  class ModrinthV2Client extends real.ModrinthV2Client {
    constructor(options: ConstructorParameters<typeof real.ModrinthV2Client>[0] = {}) {
      super({ ...options, baseUrl: String(served.options.baseUrl).replace(/\/v2$/, '') });
    }
  }
  return { ...real, ModrinthV2Client };
});

const JAR = Buffer.from(`PK\u0003\u0004${'sodium '.repeat(9000)}`);
// A mod already in the folder: an older sodium build.
const OLD_JAR = Buffer.from(`PK\u0003\u0004${'old sodium '.repeat(500)}`);
const hex = (algorithm: string, bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');

let api: Server;
let cdn: Server;
let apiBase = '';
let cdnOrigin = '';
const cdnHeaders: IncomingHttpHeaders[] = [];
const apiPaths: string[] = [];
let dir: string;

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** The fixture's versions, newest first; every file served by the CDN as JAR. */
function versions(): Version[] {
  const list = fixtureJson<Version[]>('modrinth', 'get-project-versions.sodium-fabric-1.21.1.json');
  return list.map((v) => ({
    ...v,
    files: v.files.map((f) => ({
      ...f,
      url: `${cdnOrigin}/data/${encodeURIComponent(f.filename)}`,
      size: JAR.length,
      hashes: { sha1: hex('sha1', JAR), sha512: hex('sha512', JAR) },
    })),
  }));
}

/** `POST /version_files` and `/version_files/update`: hash -> version, for the hashes asked. */
function byHash(body: string, update: boolean): Record<string, Version> {
  const { hashes } = JSON.parse(body) as { hashes: string[] };
  const [newest, older] = versions();
  const known: Record<string, Version | undefined> = {};
  for (const algorithm of ['sha1', 'sha512']) {
    known[hex(algorithm, JAR)] = newest;
    known[hex(algorithm, OLD_JAR)] = update ? newest : older;
  }
  const out: Record<string, Version> = {};
  for (const hash of hashes) {
    const version = known[hash];
    if (version) out[hash] = version;
  }
  return out;
}

beforeAll(async () => {
  cdn = createServer((req, res) => {
    cdnHeaders.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/java-archive' }).end(JAR);
  });
  cdnOrigin = await listen(cdn);
  api = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const url = new URL(req.url ?? '/', 'http://x');
    apiPaths.push(`${req.method} ${url.pathname}`);
    const path = url.pathname.replace(/^\/v2/, '');
    const list = versions();
    let answer: unknown;
    if (path === '/search') {
      answer = fixtureJson<SearchResults>('modrinth', 'search-projects.sodium.json');
      const results = answer as SearchResults;
      answer = { ...results, hits: results.hits.slice(0, 1) as ProjectResult[] };
    } else if (path === '/project/AANobbMI') {
      answer = fixtureJson('modrinth', 'get-project.sodium.json');
    } else if (path === '/project/AANobbMI/version') answer = list;
    else if (path === '/version_files') answer = byHash(body, false);
    else if (path === '/version_files/update') answer = byHash(body, true);
    else answer = list.find((v) => path === `/version/${v.id}`);
    if (answer === undefined) res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  apiBase = `${await listen(api)}/v2`;
  dir = await mkdtemp(join(tmpdir(), 'x-modrinth-example-'));
  const checked = contractFetchFor('modrinth', apiBase);
  served.options = {
    baseUrl: apiBase,
    token: 'mrp_never_at_the_cdn',
    // API answers are checked against the spec; the CDN is not the API.
    fetch: (r: Request) => (r.url.startsWith(apiBase) ? checked(r) : fetch(r)),
  };
});
afterAll(async () => {
  api.closeAllConnections();
  cdn.closeAllConnections();
  await new Promise((r) => api.close(r));
  await new Promise((r) => cdn.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe('README example: Download a mod', () => {
  it('search, project, versions, the primary file saved verified, then the folder checked for updates', async () => {
    await writeFile(join(dir, 'sodium-old.jar'), OLD_JAR);
    const result = await installMod('sodium', dir);
    const primary = versions()[0]?.files.find((f) => f.primary);
    expect(result?.title).toBe('Sodium');
    expect(result?.path).toBe(join(dir, primary?.filename ?? ''));
    expect(await readFile(result?.path ?? '')).toEqual(JAR);
    expect((await readdir(dir)).sort()).toEqual([primary?.filename, 'sodium-old.jar'].sort());
    // The mod just installed is the newest; the old one has an update.
    expect(result?.updates).toEqual([join(dir, 'sodium-old.jar')]);
    expect(apiPaths).toEqual([
      'GET /v2/search',
      'GET /v2/project/AANobbMI',
      'GET /v2/project/AANobbMI/version',
      'POST /v2/version_files',
      'POST /v2/version_files/update',
    ]);
    expect(cdnHeaders.length).toBeGreaterThan(0);
    for (const headers of cdnHeaders) expect(headers.authorization).toBeUndefined();
  });

  it('takes no more lines than the same flow with @xmcl/modrinth, which gives the same result', async () => {
    const peerDir = await mkdtemp(join(tmpdir(), 'x-modrinth-peer-'));
    try {
      await writeFile(join(peerDir, 'sodium-old.jar'), OLD_JAR);
      const peer = await installModWithXmcl('sodium', peerDir);
      const primary = versions()[0]?.files.find((f) => f.primary);
      expect(peer).toEqual({
        title: 'Sodium',
        path: join(peerDir, primary?.filename ?? ''),
        updates: [join(peerDir, 'sodium-old.jar')],
      });
      expect(await readFile(peer?.path ?? '')).toEqual(JAR);
    } finally {
      await rm(peerDir, { recursive: true, force: true });
    }
    const ours = codeLines('../examples/download.ts', 'installMod');
    const theirs = codeLines('./peers/xmcl-launcher-flow.ts', 'installModWithXmcl');
    console.log(`launcher flow: ${ours} lines with @x/modrinth, ${theirs} with @xmcl/modrinth`);
    expect(ours).toBeLessThanOrEqual(theirs);
  });

  it('gives the file in memory', async () => {
    const id = versions()[0]?.id ?? '';
    const file = await fetchModFile(id);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(JAR);
  });
});

/** Lines of code (neither blank nor a comment) of the function `name` in `file`, its signature included. */
function codeLines(file: string, name: string): number {
  const lines = readFileSync(new URL(file, import.meta.url), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith(`export async function ${name}(`));
  const end = lines.findIndex((line, i) => i > start && line === '}');
  if (start < 0 || end < 0) throw new Error(`no function ${name} in ${file}`);
  return lines.slice(start, end + 1).filter((line) => line.trim() && !line.trim().startsWith('//'))
    .length;
}
