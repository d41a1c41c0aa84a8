// The built package, as the SDKs load it: `@x/core` and `@x/core/internal`
// are two bundled entry files (scripts/build-package.mjs) over shared chunks.
// Module state must exist once across them: an SDK builds its fetch with
// `createCoreFetch` from one and wires it with helpers from the other, and
// its users catch errors with the classes of the first.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

type Core = typeof import('../src/index.js');
type Client = typeof import('../src/client.js');

const dist = new URL('../dist/', import.meta.url);
let core: Core;
let client: Client;

beforeAll(async () => {
  const index = new URL('index.js', dist);
  if (!existsSync(index)) {
    throw new Error(`${fileURLToPath(index)} missing: run \`pnpm build\` first`);
  }
  core = await import(index.href);
  client = await import(new URL('client.js', dist).href);
});

function sdkClient(fetch: (request: Request) => Promise<Response>) {
  return client.createClient({
    baseUrl: 'https://api.example.test',
    core: ({ baseUrl }) => ({ baseUrl, retry: false, rateLimiter: false, fetch }),
  });
}

describe('dist: @x/core and @x/core/client share one copy of module state', () => {
  it('an API error thrown through the client is an instance of the public classes', async () => {
    const api = sdkClient(async () => Response.json({ error: 'no such project' }, { status: 404 }));
    const error = await api.get({ url: '/project/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(core.NotFoundError);
    expect(error).toBeInstanceOf(core.ApiError);
    expect(error).toBeInstanceOf(core.CoreError);
    expect(error).toMatchObject({ status: 404, apiMessage: 'no such project' });
  });

  it("the client's own error (a 2xx that is not JSON) is the public UnexpectedResponseError", async () => {
    const api = sdkClient(
      async () => new Response('<html></html>', { headers: { 'content-type': 'text/html' } }),
    );
    const error = await api.get({ url: '/project/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(core.UnexpectedResponseError);
    expect(error).toBeInstanceOf(core.CoreError);
  });

  it('@x/core/errors and @x/core/internal give the same classes as @x/core (default and browser builds)', async () => {
    for (const dir of ['', 'browser/']) {
      const index = await import(new URL(`${dir}index.js`, dist).href);
      const errors = await import(new URL(`${dir}errors.js`, dist).href);
      const internal = await import(new URL(`${dir}internal.js`, dist).href);
      for (const name of ['ApiError', 'NotFoundError', 'GoneError', 'TimeoutError', 'CoreError']) {
        expect(errors[name], `${dir}errors.js ${name}`).toBe(index[name]);
      }
      expect(internal.CoreError).toBe(index.CoreError);
      expect(internal.RateLimiter).toBe(index.RateLimiter);
      expect(Object.keys(errors).sort()).toEqual(
        Object.keys(index)
          .filter((key) => /Error$/.test(key))
          .sort(),
      );
    }
  });
});
