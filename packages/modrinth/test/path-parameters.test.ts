import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModrinthClient } from '../src/index.js';

// Path parameters carry JavaScript names (`idOrSlug`, not the spec's
// `id|slug`); only the names changed, not the URLs (the contract tests check
// every operation's request against the original spec as well).

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
