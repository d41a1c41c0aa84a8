// A chunk of the built package that fails to load (an application offline
// before it was ever fetched, or a new deployment that removed it): the
// error the call met still reaches the caller, typed, not the loader's.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { withoutChunks } from '@x/contract-testing';
import { CoreError, GoneError } from '@x/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const server = createServer((req, res) => {
  if (req.url?.startsWith('/data/')) {
    // A CDN answering HTML with 200: a download error, built from the lazy chunk.
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>sign in</html>');
    return;
  }
  res.writeHead(410, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'gone', description: 'STOP USING THIS API' }));
});

/** The built package without the chunks `dropped` matches. */
const withoutChunk = (dropped: RegExp) =>
  withoutChunks<typeof import('../src/index.js')>(packageDir, dropped);
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a lazily loaded chunk that fails to load', () => {
  it("a 410 stays a GoneError when the chunk of Modrinth's message for it is missing", async () => {
    const { module: sdk, removed, done } = await withoutChunk(/^gone-[\w-]+\.js$/);
    try {
      expect(removed.length).toBe(1);
      const client = sdk.createModrinthClient({ baseUrl: base, retry: false, rateLimiter: false });
      const error = await client.getProject('sodium').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GoneError);
      expect((error as Error).message).toContain('STOP USING THIS API');
    } finally {
      done();
    }
  });

  it("a failed download without its errors' chunk is a CoreError that names the missing chunk", async () => {
    const { module: sdk, removed, done } = await withoutChunk(/^core-errors-[\w-]+\.js$/);
    try {
      expect(removed.length).toBe(1);
      const client = sdk.createModrinthClient({ baseUrl: base, retry: false, rateLimiter: false });
      const file = {
        url: `${base}/data/sodium.jar`,
        filename: 'sodium.jar',
        hashes: { sha1: 'a'.repeat(40) },
      };
      const error = await client.downloadVersionFile(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CoreError);
      expect((error as Error).message).toMatch(/@x\/modrinth could not load its download errors/);
      expect((error as Error).cause).toBeDefined();
    } finally {
      done();
    }
  });
});
