// itch's login loads @x/core's `ApiError` with `import()` only when a call
// fails with 400 or 401 (`login.ts`: a static import would put the error
// classes in a browser bundle's first load). When that chunk cannot load (an
// application offline before it was ever fetched, a new deployment that
// removed it), the HTTP error itch answered with reaches the caller as it
// came, typed, never the loader's error.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BadRequestError } from '@x/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'correct horse battery staple';

// itch refuses a wrong password with 400 and its `errors` (as recorded from the live service).
const server = createServer((_req, res) => {
  res.writeHead(400, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: ['Incorrect username or password'] }));
});

/** The built package, copied without the chunks `dropped` matches, loaded fresh; removed by `done`. */
async function withoutChunk(dropped: RegExp) {
  // Inside the package, so `@x/core` resolves.
  const copy = mkdtempSync(join(packageDir, '.lazy-copy-'));
  cpSync(join(packageDir, 'dist'), copy, { recursive: true });
  const chunks = join(copy, 'chunks');
  const removed = readdirSync(chunks).filter((f) => dropped.test(f));
  for (const file of removed) rmSync(join(chunks, file));
  const sdk: typeof import('../src/index.js') = await import(
    pathToFileURL(join(copy, 'index.js')).href
  );
  return { sdk, removed, done: () => rmSync(copy, { recursive: true, force: true }) };
}

let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function refusedLogin(sdk: typeof import('../src/index.js')): Promise<unknown> {
  const client = sdk.createItchClient({ baseUrl: base, retry: false, rateLimiter: false });
  return client.login({ username: 'leafo-fan', password: PASSWORD }).catch((e: unknown) => e);
}

describe("login when its errors' chunk fails to load", () => {
  it('with the chunk: a refused password is a LoginError (the control)', async () => {
    const { sdk, removed, done } = await withoutChunk(/^$/);
    try {
      expect(removed).toEqual([]);
      const error = await refusedLogin(sdk);
      expect(error).toBeInstanceOf(sdk.LoginError);
      expect((error as { reason?: unknown }).reason).toBe('incorrect-credentials');
    } finally {
      done();
    }
  });

  it("without it: itch's 400 as it came, a BadRequestError with itch's errors, no password", async () => {
    const { sdk, removed, done } = await withoutChunk(/^api-error-[\w-]+\.js$/);
    try {
      expect(removed.length).toBe(1);
      const error = await refusedLogin(sdk);
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).not.toBeInstanceOf(sdk.LoginError);
      expect((error as { status?: unknown }).status).toBe(400);
      expect((error as { errors?: unknown }).errors).toEqual(['Incorrect username or password']);
      expect(JSON.stringify(error)).not.toContain(PASSWORD);
      expect(String((error as Error).message)).not.toContain(PASSWORD);
    } finally {
      done();
    }
  });
});
