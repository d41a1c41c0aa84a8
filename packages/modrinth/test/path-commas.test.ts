import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contract } from '@x/contract-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModrinthClient } from '../src/index.js';
import { getProject } from '../src/operations.js';

// The spec's path parameters use the `simple` style, which reads a raw comma
// as a list separator: a comma inside one value must go out as `%2C`.

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
