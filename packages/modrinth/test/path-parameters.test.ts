import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contract } from '@x/contract-testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModrinthClient } from '../src/index.js';
import { getProject } from '../src/operations.js';

// Path parameters carry JavaScript names (`idOrSlug`, not the spec's
// `id|slug`); only the names changed, not the URLs (the contract tests check
// every operation's request against the original spec as well). The spec's
// path parameters use the `simple` style, which reads a raw comma as a list
// separator: a comma inside one value must go out as `%2C`.

const paths: string[] = [];
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  paths.length = 0;
});

describe('path parameters', () => {
  it('fill the same URLs as the spec’s names did', async () => {
    const client = createModrinthClient({ baseUrl, rateLimiter: false });
    await client.getProject('sodium');
    await client.getUser('jellysquid3');
    await client.getVersionFromIdOrNumber('sodium', '1.0 b');
    expect(paths).toEqual([
      '/v2/project/sodium',
      '/v2/user/jellysquid3',
      '/v2/project/sodium/version/1.0%20b',
    ]);
  });

  it('no generated URL template keeps a name JavaScript would need to quote', () => {
    const sdk = readFileSync(
      new URL('../src/generated/operations.gen.ts', import.meta.url),
      'utf8',
    );
    const names = [...sdk.matchAll(/url: '[^']*'/g)].flatMap((m) =>
      [...m[0].matchAll(/\{([^}]+)\}/g)].map((p) => p[1] as string),
    );
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });
});

describe('a comma in a path parameter', () => {
  it('goes out as %2C, in every path parameter', async () => {
    const client = createModrinthClient({ baseUrl, rateLimiter: false });
    await client.getProject('a,b');
    await client.getVersionFromIdOrNumber('x,y', '1,2');
    expect(paths).toEqual(['/v2/project/a%2Cb', '/v2/project/x%2Cy/version/1%2C2']);
  });

  it('Prism (the spec) accepts the encoded form: the call resolves to a project', async () => {
    const c = contract('modrinth');
    const client = createModrinthClient({
      baseUrl: c.baseUrl,
      fetch: c.fetch,
      retry: false,
      rateLimiter: false,
    });
    // The standalone function, the same call.
    const project = await getProject(client, 'a,b');
    expect(project).toMatchObject({ id: expect.any(String) });
  });
});
