// The built package, as the SDKs load it: `@x/core` and `@x/core/internal`
// are two bundled entry files (scripts/build-package.mjs) over shared chunks.
// Module state must exist once across them: an SDK builds its fetch with
// `createCoreFetch` from one and wires it with helpers from the other, and
// its users catch errors with the classes of the first.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

type Core = typeof import('../src/index.js');
type Internal = typeof import('../src/internal.js');

const dist = new URL('../dist/', import.meta.url);
let core: Core;
let internal: Internal;

beforeAll(async () => {
  const index = new URL('index.js', dist);
  if (!existsSync(index)) {
    throw new Error(`${fileURLToPath(index)} missing: run \`pnpm build\` first`);
  }
  core = await import(index.href);
  internal = await import(new URL('internal.js', dist).href);
});

/** The part of a generated hey-api client the adapter uses: `get` runs the request interceptors, then `fetch`. */
function fakeHeyApiClient(config: { baseUrl: string; fetch?: typeof fetch }) {
  const interceptors: ((request: Request, options: object) => Request | Promise<Request>)[] = [];
  return {
    getConfig: () => config,
    interceptors: {
      request: { use: (fn: (typeof interceptors)[number]) => interceptors.push(fn) },
    },
    async get(options: { url: string; security?: unknown[]; fetch?: typeof fetch }) {
      let request = new Request(`${config.baseUrl}${options.url}`);
      for (const fn of interceptors) request = await fn(request, options);
      return (options.fetch ?? config.fetch ?? fetch)(request);
    },
  };
}

describe('dist: @x/core and @x/core/internal share one copy of module state', () => {
  it('an error thrown through the internal adapter is an instance of the public classes', async () => {
    const client = internal.createSdkClient(
      { createClient: fakeHeyApiClient, heyApi: { baseUrl: 'https://api.example.test' } },
      {
        baseUrl: 'https://api.example.test',
        retry: false,
        fetch: async () => Response.json({ error: 'no such project' }, { status: 404 }),
      },
    );
    const error = await client.get({ url: '/project/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(core.NotFoundError);
    expect(error).toBeInstanceOf(core.ApiError);
    expect(error).toBeInstanceOf(core.CoreError);
    expect(error).toMatchObject({ status: 404, apiMessage: 'no such project' });
  });

  it('a request the internal adapter marks as anonymous goes without the token through a public fetch', async () => {
    const sent: (string | null)[] = [];
    const publicFetch = core.createCoreFetch({
      baseUrl: 'https://api.example.test',
      token: 'secret-token',
      fetch: async (request) => {
        sent.push(request.headers.get('authorization'));
        return new Response('{}');
      },
    });
    const client = internal.createSdkClient(
      {
        createClient: fakeHeyApiClient,
        heyApi: { baseUrl: 'https://api.example.test' },
        tokenFor: 'secured-operations',
        // As an SDK's own step would: it sends through a fetch made by `@x/core`.
        between: () => (request) => publicFetch(request),
      },
      { baseUrl: 'https://api.example.test' },
    );
    await client.get({ url: '/login', security: [] });
    await client.get({ url: '/me', security: [{ type: 'http' }] });
    expect(sent).toEqual([null, 'Bearer secret-token']);
  });
});
