import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractFetchFor, fixtureJson } from '@x/contract-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadMod, fetchModFile } from '../examples/download.js';
import type { Version } from '../src/index.js';

// The README's "Download a mod" example, against a local API answering the
// repository's fixture (checked against the spec) whose files point at a
// local "CDN" on another origin.
const JAR = Buffer.from(`PK\u0003\u0004${'sodium '.repeat(9000)}`);
const hex = (algorithm: string) => createHash(algorithm).update(JAR).digest('hex');

let api: Server;
let cdn: Server;
let apiBase = '';
let cdnOrigin = '';
const cdnHeaders: IncomingHttpHeaders[] = [];
let dir: string;

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

function versions(): Version[] {
  const list = fixtureJson<Version[]>('modrinth', 'get-project-versions.sodium-fabric-1.21.1.json');
  return list.map((v) => ({
    ...v,
    files: v.files.map((f) => ({
      ...f,
      url: `${cdnOrigin}/data/${encodeURIComponent(f.filename)}`,
      size: JAR.length,
      hashes: { sha1: hex('sha1'), sha512: hex('sha512') },
    })),
  }));
}

beforeAll(async () => {
  cdn = createServer((req, res) => {
    cdnHeaders.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/java-archive' }).end(JAR);
  });
  cdnOrigin = await listen(cdn);
  api = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const list = versions();
    const body = url.pathname.endsWith('/version')
      ? list
      : list.find((v) => url.pathname.endsWith(`/version/${v.id}`));
    if (!body) res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  apiBase = `${await listen(api)}/v2`;
  dir = await mkdtemp(join(tmpdir(), 'x-modrinth-example-'));
});
afterAll(async () => {
  api.closeAllConnections();
  cdn.closeAllConnections();
  await new Promise((r) => api.close(r));
  await new Promise((r) => cdn.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe('README example: Download a mod', () => {
  const options = () => {
    const checked = contractFetchFor('modrinth', apiBase);
    return {
      baseUrl: apiBase,
      token: 'mrp_never_at_the_cdn',
      // API answers are checked against the spec; the CDN is not the API.
      fetch: (r: Request) => (r.url.startsWith(apiBase) ? checked(r) : fetch(r)),
    };
  };

  it('saves the primary file of the newest version into the folder, verified', async () => {
    const path = await downloadMod('sodium', dir, options());
    const primary = versions()[0]?.files.find((f) => f.primary);
    expect(path).toBe(join(dir, primary?.filename ?? ''));
    expect(await readFile(path ?? '')).toEqual(JAR);
    expect(await readdir(dir)).toEqual([primary?.filename]);
    expect(cdnHeaders.length).toBeGreaterThan(0);
    for (const headers of cdnHeaders) expect(headers.authorization).toBeUndefined();
  });

  it('gives the file in memory', async () => {
    const id = versions()[0]?.id ?? '';
    const file = await fetchModFile(id, options());
    expect(Buffer.from(await file.arrayBuffer())).toEqual(JAR);
  });
});
