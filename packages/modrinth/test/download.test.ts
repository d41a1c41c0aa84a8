import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// The built package, as users get it.
import {
  ConnectionError,
  createModrinthClient,
  type DownloadableFile,
  DownloadError,
  HashMismatchError,
  NotFoundError,
  primaryFile,
  TimeoutError,
  UnexpectedResponseError,
} from '../dist/index.js';
import { saveVersionFile } from '../dist/node.js';
import { downloadVersionFile } from '../dist/operations.js';

const JAR = Buffer.from(`PK\u0003\u0004${'sodium bytes '.repeat(4000)}`);
const sha512 = (b: Buffer) => createHash('sha512').update(b).digest('hex');
const sha1 = (b: Buffer) => createHash('sha1').update(b).digest('hex');
const TOKEN = 'mrp_secret_token_value';

type Handler = (res: ServerResponse, path: string, hit: number) => void;

/** A local server recording every request's path and headers; `routes` answers by path. */
class Host {
  readonly seen: { path: string; headers: IncomingHttpHeaders }[] = [];
  readonly routes = new Map<string, Handler>();
  readonly server: Server;
  origin = '';
  constructor() {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      this.seen.push({ path, headers: req.headers });
      const handler = this.routes.get(path);
      const hit = this.seen.filter((s) => s.path === path).length;
      if (handler) handler(res, path, hit);
      else res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
    });
  }
  async listen(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

const serveJar =
  (body: Buffer, type = 'application/java-archive'): Handler =>
  (res) => {
    res.writeHead(200, { 'content-type': type, 'content-length': body.length }).end(body);
  };

let api: Host;
let cdn: Host;
let dir: string;

beforeAll(async () => {
  api = await new Host().listen();
  // Another origin: the "CDN" (another port of 127.0.0.1).
  cdn = await new Host().listen();
});
afterAll(async () => {
  await api.close();
  await cdn.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'x-modrinth-download-'));
  api.seen.length = 0;
  cdn.seen.length = 0;
  api.routes.clear();
  cdn.routes.clear();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const client = (retry: false | { maxRetries: number; initialDelayMs: number } = false) =>
  createModrinthClient({
    baseUrl: `${api.origin}/v2`,
    token: TOKEN,
    userAgent: 'x-sdks-tests',
    retry,
  });

function fileOn(
  host: Host,
  path: string,
  over: Partial<DownloadableFile> & { primary?: boolean } = {},
) {
  return {
    url: `${host.origin}${path}`,
    filename: 'sodium-0.6.0.jar',
    primary: true,
    size: JAR.length,
    hashes: { sha512: sha512(JAR), sha1: sha1(JAR) },
    ...over,
  };
}

/** The folder holds exactly these names (no temporary file left behind). */
async function folderHolds(...names: string[]) {
  expect((await readdir(dir)).sort()).toEqual(names.sort());
}

describe('primaryFile', () => {
  const f = (filename: string, primary: boolean) =>
    fileOn(cdn, `/${filename}`, { filename, primary });
  it('is the file marked primary, else the first', () => {
    expect(primaryFile({ files: [f('a', false), f('b', true)] }).filename).toBe('b');
    expect(primaryFile({ files: [f('a', false), f('b', false)] }).filename).toBe('a');
  });
  it('throws a DownloadError for a version without files', () => {
    expect(() => primaryFile({ id: 'v1', files: [] })).toThrow(DownloadError);
    try {
      primaryFile({ id: 'v1', files: [] });
    } catch (error) {
      expect((error as DownloadError).reason).toBe('no-files');
    }
  });
});

describe('saveVersionFile', () => {
  it('follows the API answer to the CDN: the file arrives, no credential reaches the CDN', async () => {
    api.routes.set('/v2/version/v1', (res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: 'v1',
          project_id: 'p1',
          author_id: 'a1',
          name: 'Sodium 0.6.0',
          version_number: '0.6.0',
          date_published: '2026-01-01T00:00:00Z',
          downloads: 1,
          version_type: 'release',
          game_versions: ['1.21.1'],
          loaders: ['fabric'],
          featured: false,
          dependencies: [],
          files: [
            { ...fileOn(api, '/source.zip'), filename: 'source.zip', primary: false },
            // On the API's origin, redirecting to the CDN, as a mirror might.
            fileOn(api, '/download/sodium.jar'),
          ],
        }),
      );
    });
    api.routes.set('/download/sodium.jar', (res) => {
      res.writeHead(302, { location: `${cdn.origin}/data/sodium.jar` }).end();
    });
    cdn.routes.set('/data/sodium.jar', serveJar(JAR));
    const modrinth = client();
    const version = await modrinth.getVersion('v1');
    const progress: number[] = [];
    const saved = await saveVersionFile(
      modrinth,
      primaryFile(version),
      { folder: dir, onProgress: (n) => progress.push(n) },
      { headers: { authorization: 'Bearer also-secret', cookie: 'session=1', 'x-trace': 't' } },
    );
    expect(saved).toEqual({
      path: join(dir, 'sodium-0.6.0.jar'),
      size: JAR.length,
      hashes: { sha512: sha512(JAR), sha1: sha1(JAR) },
    });
    expect(await readFile(saved.path)).toEqual(JAR);
    expect(progress.at(-1)).toBe(JAR.length);
    await folderHolds('sodium-0.6.0.jar');
    // The API call carried the token; the download never did, not even to the API.
    expect(api.seen[0]?.headers.authorization).toBe(TOKEN);
    const download = api.seen.find((s) => s.path === '/download/sodium.jar');
    expect(download?.headers.authorization).toBe('Bearer also-secret');
    expect(JSON.stringify(download?.headers)).not.toContain(TOKEN);
    expect(cdn.seen).toHaveLength(1);
    const atCdn = cdn.seen[0]?.headers ?? {};
    expect(atCdn.authorization).toBeUndefined();
    expect(atCdn.cookie).toBeUndefined();
    expect(atCdn['x-trace']).toBe('t');
    expect(JSON.stringify(atCdn)).not.toMatch(/secret/);
  });

  it('never sends the token, even for a file on the API origin', async () => {
    api.routes.set('/files/mod.jar', serveJar(JAR));
    await saveVersionFile(client(), fileOn(api, '/files/mod.jar'), { folder: dir });
    expect(api.seen[0]?.headers.authorization).toBeUndefined();
  });

  it('a wrong hash: HashMismatchError naming the file and both hash prefixes; nothing kept, the existing file untouched', async () => {
    cdn.routes.set('/data/sodium.jar', serveJar(Buffer.from('tampered bytes')));
    await writeFile(join(dir, 'sodium-0.6.0.jar'), 'the user file');
    const file = fileOn(cdn, '/data/sodium.jar', { size: 14 });
    const error = await saveVersionFile(client(), file, { folder: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HashMismatchError);
    const mismatch = error as HashMismatchError;
    expect(mismatch.reason).toBe('hash-mismatch');
    expect(mismatch.fileName).toBe('sodium-0.6.0.jar');
    expect(mismatch.expected).toBe(sha512(JAR));
    expect(mismatch.actual).toBe(sha512(Buffer.from('tampered bytes')));
    expect(mismatch.message).toContain('sodium-0.6.0.jar');
    expect(mismatch.message).toContain(sha512(JAR).slice(0, 16));
    expect(mismatch.message).toContain(mismatch.actual.slice(0, 16));
    expect(await readFile(join(dir, 'sodium-0.6.0.jar'), 'utf8')).toBe('the user file');
    await folderHolds('sodium-0.6.0.jar');
  });

  it('a body cut mid-stream: ConnectionError, no partial file, the existing file untouched', async () => {
    cdn.routes.set('/data/sodium.jar', (res) => {
      res.writeHead(200, { 'content-length': JAR.length });
      res.write(JAR.subarray(0, 1000), () => res.destroy());
    });
    await writeFile(join(dir, 'sodium-0.6.0.jar'), 'the user file');
    const error = await saveVersionFile(client(), fileOn(cdn, '/data/sodium.jar'), {
      folder: dir,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(
      /sodium-0\.6\.0\.jar: the connection closed after \d+ of \d+ bytes/,
    );
    expect(await readFile(join(dir, 'sodium-0.6.0.jar'), 'utf8')).toBe('the user file');
    await folderHolds('sodium-0.6.0.jar');
  });

  it('a body cut mid-stream is downloaded again under the retry policy', async () => {
    cdn.routes.set('/data/sodium.jar', (res, _path, hit) => {
      if (hit > 1) return serveJar(JAR)(res, _path, hit);
      // No content-length: the answer just ends early, shorter than the listed size.
      res.writeHead(200);
      res.end(JAR.subarray(0, 5000));
    });
    const saved = await saveVersionFile(
      client({ maxRetries: 2, initialDelayMs: 1 }),
      fileOn(cdn, '/data/sodium.jar'),
      { folder: dir },
    );
    expect(await readFile(saved.path)).toEqual(JAR);
    expect(cdn.seen).toHaveLength(2);
    await folderHolds('sodium-0.6.0.jar');
  });

  it('a body cut every time fails after the retries, each attempt discarded', async () => {
    cdn.routes.set('/data/sodium.jar', (res) => {
      res.writeHead(200);
      res.end(JAR.subarray(0, 5000));
    });
    const error = await saveVersionFile(
      client({ maxRetries: 1, initialDelayMs: 1 }),
      fileOn(cdn, '/data/sodium.jar'),
      { folder: dir },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).attempts).toBe(2);
    expect(cdn.seen).toHaveLength(2);
    await folderHolds();
  });

  it('a stalled body: TimeoutError after timeoutMs without a byte, no partial file', async () => {
    cdn.routes.set('/data/sodium.jar', (res) => {
      res.writeHead(200, { 'content-length': JAR.length });
      res.write(JAR.subarray(0, 1000)); // then nothing
    });
    const started = Date.now();
    const error = await saveVersionFile(
      client(),
      fileOn(cdn, '/data/sodium.jar'),
      { folder: dir },
      { timeoutMs: 300 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/nothing received for 300 ms after 1000 of/);
    expect(Date.now() - started).toBeLessThan(5000);
    await folderHolds();
  });

  it('gzip on the wire (compressed content-length) is verified on the decoded bytes, not a false cut', async () => {
    const gz = gzipSync(JAR);
    cdn.routes.set('/data/sodium.jar', (res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': gz.length }).end(gz);
    });
    const saved = await saveVersionFile(client(), fileOn(cdn, '/data/sodium.jar'), { folder: dir });
    expect(await readFile(saved.path)).toEqual(JAR);
  });

  it('a stall before the headers: TimeoutError from @x/core', async () => {
    cdn.routes.set('/data/sodium.jar', () => {});
    const error = await saveVersionFile(
      client(),
      fileOn(cdn, '/data/sodium.jar'),
      { folder: dir },
      { timeoutMs: 200 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    await folderHolds();
  });

  it('HTML with 200 (a captive portal): UnexpectedResponseError, nothing written', async () => {
    cdn.routes.set(
      '/data/sodium.jar',
      serveJar(Buffer.from('<html>log in</html>'), 'text/html; charset=utf-8'),
    );
    const error = await saveVersionFile(client(), fileOn(cdn, '/data/sodium.jar'), {
      folder: dir,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as UnexpectedResponseError).contentType).toMatch(/text\/html/);
    await folderHolds();
  });

  it('more bytes than listed: DownloadError size-mismatch, nothing written', async () => {
    cdn.routes.set('/data/sodium.jar', serveJar(Buffer.concat([JAR, Buffer.from('extra')])));
    const error = await saveVersionFile(client(), fileOn(cdn, '/data/sodium.jar'), {
      folder: dir,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).reason).toBe('size-mismatch');
    await folderHolds();
  });

  it('a 404: NotFoundError, nothing written', async () => {
    await expect(
      saveVersionFile(client(), fileOn(cdn, '/gone.jar'), { folder: dir }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await folderHolds();
  });

  it('a server naming the file ../../x or an absolute path writes inside the folder', async () => {
    const inner = join(dir, 'mods');
    await mkdir(inner);
    cdn.routes.set('/data/x', serveJar(JAR));
    const a = await saveVersionFile(client(), fileOn(cdn, '/data/x', { filename: '../../x' }), {
      folder: inner,
    });
    expect(a.path).toBe(join(inner, 'x'));
    const b = await saveVersionFile(
      client(),
      fileOn(cdn, '/data/x', { filename: join(dir, 'evil.jar') }),
      { folder: inner },
    );
    expect(b.path).toBe(join(inner, 'evil.jar'));
    const c = await saveVersionFile(
      client(),
      fileOn(cdn, '/data/x', { filename: '..\\..\\win.jar' }),
      { folder: inner },
    );
    expect(c.path).toBe(join(inner, 'win.jar'));
    await folderHolds('mods');
    expect((await readdir(inner)).sort()).toEqual(['evil.jar', 'win.jar', 'x']);
    expect(existsSync(join(dir, '..', 'x'))).toBe(false);
    const error = await saveVersionFile(client(), fileOn(cdn, '/data/x', { filename: '..' }), {
      folder: inner,
    }).catch((e: unknown) => e);
    expect((error as DownloadError).reason).toBe('unsafe-file-name');
  });

  it('{ path } is the exact destination; a verified download replaces the file there', async () => {
    cdn.routes.set('/data/sodium.jar', serveJar(JAR));
    const path = join(dir, 'renamed.jar');
    await writeFile(path, 'old version');
    const saved = await saveVersionFile(client(), fileOn(cdn, '/data/sodium.jar'), { path });
    expect(saved.path).toBe(path);
    expect(await readFile(path)).toEqual(JAR);
    await folderHolds('renamed.jar');
  });

  it('an abort rejects with the signal reason and leaves nothing', async () => {
    const controller = new AbortController();
    cdn.routes.set('/data/sodium.jar', (res) => {
      res.writeHead(200, { 'content-length': JAR.length });
      res.write(JAR.subarray(0, 1000), () => controller.abort(new Error('user cancelled')));
    });
    await expect(
      saveVersionFile(
        client(),
        fileOn(cdn, '/data/sodium.jar'),
        { folder: dir },
        { signal: controller.signal },
      ),
    ).rejects.toThrow('user cancelled');
    await folderHolds();
  });

  it('refuses a URL that is not absolute http(s)', async () => {
    for (const url of ['file:///etc/passwd', '/v2/user', 'javascript:alert(1)']) {
      const error = await saveVersionFile(
        client(),
        { ...fileOn(cdn, '/x'), url },
        { folder: dir },
      ).catch((e: unknown) => e);
      expect((error as DownloadError).reason).toBe('invalid-url');
    }
    expect(api.seen).toHaveLength(0);
    await folderHolds();
  });

  it('refuses a file without a hash', async () => {
    const error = await saveVersionFile(client(), fileOn(cdn, '/data/sodium.jar', { hashes: {} }), {
      folder: dir,
    }).catch((e: unknown) => e);
    expect((error as DownloadError).reason).toBe('no-hash');
    expect(cdn.seen).toHaveLength(0);
  });
});

describe('downloadVersionFile (any runtime: a File in memory)', () => {
  it('gives the verified bytes as a File named after the file, without credentials at the CDN', async () => {
    cdn.routes.set('/data/sodium.jar', serveJar(JAR));
    const file = await client().downloadVersionFile(fileOn(cdn, '/data/sodium.jar'));
    expect(file.name).toBe('sodium-0.6.0.jar');
    expect(file.type).toBe('application/java-archive');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(JAR);
    expect(cdn.seen[0]?.headers.authorization).toBeUndefined();
  });

  it('a wrong hash is a HashMismatchError', async () => {
    cdn.routes.set('/data/sodium.jar', serveJar(Buffer.from('tampered')));
    await expect(
      client().downloadVersionFile(fileOn(cdn, '/data/sodium.jar', { size: 8 })),
    ).rejects.toBeInstanceOf(HashMismatchError);
  });

  it('hashes in JavaScript where there is no Web Crypto (a page over plain http)', async () => {
    cdn.routes.set('/data/sodium.jar', serveJar(JAR));
    const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: {}, configurable: true });
    try {
      const file = await client().downloadVersionFile(fileOn(cdn, '/data/sodium.jar'));
      expect(Buffer.from(await file.arrayBuffer())).toEqual(JAR);
      const wrong = fileOn(cdn, '/data/sodium.jar', {
        hashes: { sha512: sha512(Buffer.from('x')) },
      });
      await expect(client().downloadVersionFile(wrong)).rejects.toBeInstanceOf(HashMismatchError);
    } finally {
      if (original) Object.defineProperty(globalThis, 'crypto', original);
    }
    expect(globalThis.crypto.subtle).toBeDefined();
  });

  it('checks sha1 when Modrinth lists no sha512', async () => {
    cdn.routes.set('/data/sodium.jar', serveJar(JAR));
    const only1 = fileOn(cdn, '/data/sodium.jar', { hashes: { sha1: sha1(JAR) } });
    expect((await downloadVersionFile(client(), only1)).size).toBe(JAR.length);
    const wrong = fileOn(cdn, '/data/sodium.jar', { hashes: { sha1: sha1(Buffer.from('x')) } });
    const error = await client()
      .downloadVersionFile(wrong)
      .catch((e: unknown) => e);
    expect((error as HashMismatchError).algorithm).toBe('sha1');
  });
});

describe('the main entry is browser-safe', () => {
  it('imports no node: built-in, directly or through its chunks', async () => {
    const seen = new Set<string>();
    const visit = async (url: URL) => {
      if (seen.has(url.href)) return;
      seen.add(url.href);
      const code = await readFile(url, 'utf8');
      for (const [, spec] of code.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        expect(spec).not.toMatch(/^node:/);
        if (spec?.startsWith('.')) await visit(new URL(spec, url));
      }
    };
    await visit(new URL('../dist/index.js', import.meta.url));
    expect(seen.size).toBeGreaterThan(1);
  });
});
