import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contract } from '@x/contract-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItchClient } from '../src/index.js';
import { getChannel } from '../src/operations.js';

// The spec's path parameters use the `simple` style, which reads a raw comma
// as a list separator: a channel named `win,64` must go out as `win%2C64`.

const paths: string[] = [];
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"channel":{"name":"win,64"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a comma in a path parameter', () => {
  it('goes out as %2C', async () => {
    const client = createItchClient({ baseUrl, apiKey: 'k', rateLimiter: false });
    await client.getChannel('win,64', { target: 'u/game' });
    expect(paths).toEqual(['/wharf/channels/win%2C64?target=u%2Fgame']);
  });

  it('Prism (the spec) accepts the encoded form', async () => {
    const c = contract('itch');
    const client = createItchClient({
      baseUrl: c.baseUrl,
      fetch: c.fetch,
      apiKey: 'k',
      retry: false,
      rateLimiter: false,
    });
    // The standalone function, the same call.
    const data = await getChannel(client, 'win,64', { target: 'u/game' });
    expect(data).toBeTypeOf('object');
  });
});
