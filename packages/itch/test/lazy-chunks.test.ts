// itch's login loads @x/core's `ApiError` with `import()` only when a call
// fails with 400 or 401 (`login.ts`: a static import would put the error
// classes in a browser bundle's first load). When that chunk cannot load (an
// application offline before it was ever fetched, a new deployment that
// removed it), the HTTP error itch answered with reaches the caller as it
// came, typed, never the loader's error.
import { fileURLToPath } from 'node:url';
import { withoutChunks } from '@x/contract-testing';
import { BadRequestError } from '@x/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalServer, sendJson, startServer } from './helpers/server.js';

type Sdk = typeof import('../src/index.js');
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'correct horse battery staple';
/** The built package without the chunks `dropped` matches. */
const withoutChunk = (dropped: RegExp) => withoutChunks<Sdk>(packageDir, dropped);

let server: LocalServer;
beforeAll(async () => {
  // itch refuses a wrong password with 400 and its `errors` (as recorded from the live service).
  server = await startServer((_req, res) =>
    sendJson(res, 400, { errors: ['Incorrect username or password'] }),
  );
});
afterAll(() => server.close());

async function refusedLogin(sdk: Sdk): Promise<unknown> {
  const client = sdk.createItchClient({ baseUrl: server.url, retry: false, rateLimiter: false });
  return client.login({ username: 'leafo-fan', password: PASSWORD }).catch((e: unknown) => e);
}

describe("login when its errors' chunk fails to load", () => {
  it('with the chunk: a refused password is a LoginError (the control)', async () => {
    const { module: sdk, removed, done } = await withoutChunk(/^$/);
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
    const { module: sdk, removed, done } = await withoutChunk(/^api-error-[\w-]+\.js$/);
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
