// A chunk of the built package that fails to load (an application offline
// before it was ever fetched, or a new deployment that removed it): the
// error the call met still reaches the caller, typed, not the loader's.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GoneError } from '@x/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const server = createServer((_req, res) => {
  res.writeHead(410, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'gone', description: 'STOP USING THIS API' }));
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a lazily loaded chunk that fails to load', () => {
  it("a 410 stays a GoneError when the chunk of Modrinth's message for it is missing", async () => {
    // A copy of dist/ without the chunk, inside the package so `@x/core` resolves.
    const copy = mkdtempSync(join(packageDir, '.lazy-copy-'));
    try {
      cpSync(join(packageDir, 'dist'), copy, { recursive: true });
      const chunks = join(copy, 'chunks');
      const gone = readdirSync(chunks).filter((f) => /^gone-[\w-]+\.js$/.test(f));
      expect(gone.length).toBe(1);
      for (const file of gone) rmSync(join(chunks, file));
      const sdk: typeof import('../src/index.js') = await import(
        pathToFileURL(join(copy, 'index.js')).href
      );
      const client = sdk.createModrinthClient({ baseUrl: base, retry: false, rateLimiter: false });
      const error = await client.getProject('sodium').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GoneError);
      expect((error as Error).message).toContain('STOP USING THIS API');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
