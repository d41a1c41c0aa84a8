// The `browser` build of @x/core (the `browser` export condition:
// dist/browser/, built with `platform.browser.ts`), loaded here in Node the
// way a bundler targeting browsers resolves it: redirects and User-Agent are
// the platform's, and an opaque answer is a typed error, never data.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

type Core = typeof import('../src/index.js');
type ClientModule = typeof import('../src/client.js');

const dist = new URL('../dist/', import.meta.url);
let browserCore: Core;
let browserClient: ClientModule;
let nodeClient: ClientModule;

beforeAll(async () => {
  const entry = new URL('browser/client.js', dist);
  if (!existsSync(entry)) throw new Error(`${fileURLToPath(entry)} missing: run \`pnpm build\``);
  browserCore = await import(new URL('browser/index.js', dist).href);
  browserClient = await import(entry.href);
  nodeClient = await import(new URL('client.js', dist).href);
});

/** A client on `module`, sending through `fetch`; the seen requests are recorded. */
function recording(module: ClientModule, answer: () => Response = () => Response.json({ ok: 1 })) {
  const seen: Request[] = [];
  const client = module.createClient({
    baseUrl: 'https://api.example.test',
    auth: 'secret-token',
    core: ({ baseUrl }) => ({
      baseUrl,
      retry: false,
      rateLimiter: false,
      userAgent: 'x-sdks-test/1.0',
      fetch: async (request) => {
        seen.push(request);
        return answer();
      },
    }),
  });
  return { client, seen };
}

describe('the browser build', () => {
  it('lets the platform follow redirects and sets no User-Agent; the default build follows by hand', async () => {
    const browser = recording(browserClient);
    await browser.client.get({ url: '/project/x' });
    expect(browser.seen[0]?.redirect).toBe('follow');
    expect(browser.seen[0]?.headers.get('user-agent')).not.toBe('x-sdks-test/1.0');
    expect(browser.seen[0]?.headers.get('authorization')).toBe('Bearer secret-token');

    const node = recording(nodeClient);
    await node.client.get({ url: '/project/x' });
    expect(node.seen[0]?.redirect).toBe('manual');
    expect(node.seen[0]?.headers.get('user-agent')).toBe('x-sdks-test/1.0');
  });

  it('holds a call with a credential-like custom header to redirect: manual (the platform would carry it anywhere)', async () => {
    const { client, seen } = recording(browserClient);
    client.setConfig({ headers: { 'X-Api-Key': 'k' } });
    await client.get({ url: '/project/x' });
    expect(seen[0]?.redirect).toBe('manual');
    await client.get({ url: '/project/x', headers: { 'X-Api-Key': null } });
    expect(seen[1]?.redirect).toBe('follow');
  });

  it('a header a hook adds is held back the same way', async () => {
    const seen: Request[] = [];
    const client = browserClient.createClient({
      baseUrl: 'https://api.example.test',
      core: ({ baseUrl }) => ({
        baseUrl,
        retry: false,
        rateLimiter: false,
        hooks: {
          onRequest: [
            ({ request }) => {
              const headers = new Headers(request.headers);
              headers.set('x-session', 'from-a-hook');
              return new Request(request, { headers });
            },
          ],
        },
        fetch: async (request) => {
          seen.push(request);
          return Response.json({ ok: 1 });
        },
      }),
    });
    await client.get({ url: '/project/x' });
    expect(seen[0]?.redirect).toBe('manual');
    expect(seen[0]?.headers.get('x-session')).toBe('from-a-hook');
  });

  it('an opaque or status-0 answer is an UnexpectedResponseError that says why, never data', async () => {
    const { client } = recording(browserClient, () => Response.error());
    const error = await client.get({ url: '/project/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(browserCore.UnexpectedResponseError);
    expect(String((error as Error).message)).toMatch(/opaque answer .*status 0/);
    expect(String((error as Error).message)).not.toContain('secret-token');
  });

  it('holds no code to follow redirects by hand', () => {
    const files = readdirSync(new URL('browser/chunks/', dist)).filter((f) => f.endsWith('.js'));
    const code = files.map((f) => readFileSync(new URL(`browser/chunks/${f}`, dist), 'utf8'));
    const all = code.join('') + readFileSync(new URL('browser/client.js', dist), 'utf8');
    expect(all).not.toContain('function followRedirects');
    expect(all).not.toContain('isBrowserLike');
  });
});

describe('the default build', () => {
  it('in a browser-like runtime (a `document`) leaves redirects and User-Agent to the platform too', async () => {
    const g = globalThis as { document?: unknown };
    g.document = {};
    try {
      const { client, seen } = recording(nodeClient);
      await client.get({ url: '/project/x' });
      expect(seen[0]?.redirect).toBe('follow');
      expect(seen[0]?.headers.get('user-agent')).not.toBe('x-sdks-test/1.0');
    } finally {
      delete g.document;
    }
  });

  it('an opaque answer (a runtime that hides redirects, not recognised as a browser) is an UnexpectedResponseError, for coreFetch callers too', async () => {
    const core: Core = await import(new URL('index.js', dist).href);
    const fetch = core.createCoreFetch({
      baseUrl: 'https://api.example.test',
      retry: false,
      rateLimiter: false,
      fetch: async () => Response.error(),
    });
    const error = await fetch('/project/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(core.UnexpectedResponseError);
    expect((error as { status: number }).status).toBe(0);
  });

  it('a failure loads the failure path on first need: typed errors (one class for every import), retries', async () => {
    let calls = 0;
    const { client } = recording(browserClient, () => {
      calls++;
      if (calls === 1) return new Response('busy', { status: 503 });
      return Response.json({ error: 'not_found' }, { status: 404 });
    });
    const retried = client.withOptions({
      retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 },
    });
    const error = await retried.get({ url: '/project/x' }).catch((e: unknown) => e);
    expect(calls).toBe(2);
    expect(error).toBeInstanceOf(browserCore.NotFoundError);
    expect(error).toBeInstanceOf(browserCore.ApiError);
    expect((error as InstanceType<Core['ApiError']>).attempts).toBe(2);
    // A broken 200 is typed by the same lazily loaded classes.
    const broken = recording(browserClient, () => new Response('<html>', { status: 200 }));
    await expect(broken.client.get({ url: '/project/x' })).rejects.toBeInstanceOf(
      browserCore.UnexpectedResponseError,
    );
  });

  it('the browser build imports the failure path with import(), the default build statically', () => {
    const chunks = new URL('browser/chunks/', dist);
    const browserCode = readdirSync(chunks)
      .map((file) => readFileSync(new URL(file, chunks), 'utf8'))
      .join('\n');
    expect(browserCode).toMatch(/import\("\.\/failure-[\w-]+\.js"\)/);
    expect(browserCode).toMatch(/import\("\.\/rate-limit-observer-[\w-]+\.js"\)/);
    const client = readFileSync(new URL('browser/client.js', dist), 'utf8');
    expect(client).not.toContain('UnprocessableEntityError');
  });

  it('a lazy chunk that fails to load (offline, a new deployment): a typed CoreError for a failure, and a success stays a success', async () => {
    // A copy of the browser build without its two lazy chunks, loaded fresh.
    const copy = mkdtempSync(join(tmpdir(), 'x-core-browser-'));
    try {
      cpSync(fileURLToPath(new URL('browser/', dist)), copy, { recursive: true });
      const chunks = join(copy, 'chunks');
      for (const file of readdirSync(chunks)) {
        if (/^(failure|rate-limit-observer)-/.test(file)) rmSync(join(chunks, file));
      }
      const core: Core = await import(pathToFileURL(join(copy, 'index.js')).href);
      const client: ClientModule = await import(pathToFileURL(join(copy, 'client.js')).href);
      const make = (answer: () => Response) =>
        client.createClient({
          baseUrl: 'https://api.example.test',
          core: ({ baseUrl }) => ({
            baseUrl,
            retry: false,
            rateLimitHeaders: { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining' },
            fetch: async () => answer(),
          }),
        });
      const error = await make(() => Response.json({ error: 'not_found' }, { status: 404 }))
        .get({ url: '/project/x' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(core.CoreError);
      expect((error as Error).message).toMatch(/could not load its failure handling/);
      expect((error as Error).cause).toBeDefined();
      // The answer carries rate-limit headers, whose learning chunk is missing: the data still comes.
      const ok = await make(() =>
        Response.json(
          { id: 'x' },
          { headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299' } },
        ),
      ).get({ url: '/project/x' });
      expect(ok).toEqual({ id: 'x' });
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
