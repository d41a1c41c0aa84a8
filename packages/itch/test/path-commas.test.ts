import { contract } from '@x/contract-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItchClient } from '../src/index.js';
import { getChannel } from '../src/operations.js';
import { type LocalServer, sendJson, startServer } from './helpers/server.js';

// The spec's path parameters use the `simple` style, which reads a raw comma
// as a list separator: a channel named `win,64` must go out as `win%2C64`.

let server: LocalServer;
beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, { channel: { name: 'win,64' } }));
});
afterAll(() => server.close());

describe('a comma in a path parameter', () => {
  it('goes out as %2C', async () => {
    const client = createItchClient({ baseUrl: server.url, apiKey: 'k', rateLimiter: false });
    await client.getChannel('win,64', { target: 'u/game' });
    expect(server.requests.map((r) => r.url)).toEqual(['/wharf/channels/win%2C64?target=u%2Fgame']);
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
