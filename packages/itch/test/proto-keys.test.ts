import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItchClient } from '../src/index.js';
import { normalizeResponse } from './helpers/operation-responses.js';

// The spec lets a channel be named anything, `__proto__` included (a map
// keyed by channel name). JSON.parse makes it an own key; the normaliser
// must keep it one, and never set an object's prototype from server data.

// Written as text: `__proto__:` in an object literal would set a prototype.
const BODY = `{
  "channels": {
    "__proto__": { "name": "__proto__", "head": 7, "upload": { "channel_name": "__proto__", "build_id": 1 } },
    "windows": { "name": "windows", "upload": { "channel_name": "windows", "build_id": 2 } }
  },
  "__proto__": { "polluted": true },
  "constructor": { "prototype": { "polluted": true } }
}`;

let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function expectProtoChannel(out: unknown): void {
  const channels = (out as { channels: Record<string, unknown> }).channels;
  expect(Object.getPrototypeOf(channels)).toBe(Object.prototype);
  expect(Object.keys(channels)).toEqual(['__proto__', 'windows']);
  const proto = Object.getOwnPropertyDescriptor(channels, '__proto__')?.value;
  expect(proto).toEqual({
    name: '__proto__',
    head: 7,
    upload: { channelName: '__proto__', buildId: 1 },
  });
  // Nothing inherited from the injected channel.
  expect((channels as { head?: unknown }).head).toBeUndefined();
  expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  expect(Object.hasOwn(out as object, '__proto__')).toBe(true);
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
}

describe('a `__proto__` key in an answer', () => {
  it('a channel named __proto__ survives as an own key (listChannels through the client)', async () => {
    const client = createItchClient({ baseUrl, apiKey: 'k', rateLimiter: false });
    const out = await client.listChannels({ target: 'u/game' });
    expectProtoChannel(out);
  });

  it('the same through normalizeResponse', () => {
    expectProtoChannel(normalizeResponse('listChannels', JSON.parse(BODY)));
  });
});
