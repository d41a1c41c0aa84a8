import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItchClient } from '../src/index.js';
import { calls } from './helpers/operations.js';
import { resolveSchema, responseSchema } from './helpers/schema-walk.js';
import { type LocalServer, sendJson, startServer } from './helpers/server.js';

// itch is written in PHP, which encodes an empty array as `{}`: every list
// the spec declares may arrive as an object (issue 13: `uploads: {}` crashed
// the CLI's `(data.uploads ?? []).map`).

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Top-level list properties of each operation's 200 response, by operationId. */
const listsByOperation = Object.keys(calls)
  .map((operationId) => {
    const properties = resolveSchema(responseSchema(operationId))?.properties ?? {};
    const lists = Object.keys(properties).filter(
      (name) => resolveSchema(properties[name])?.type === 'array',
    );
    return [operationId, lists] as const;
  })
  .filter(([, lists]) => lists.length > 0);

let body: unknown = {};
let server: LocalServer;
beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, body));
});
afterAll(() => server.close());

describe('an empty list sent as {} arrives as []', () => {
  it('covers the listing operations', () => {
    expect(listsByOperation.map(([id]) => id)).toEqual(
      expect.arrayContaining(['listGameUploads', 'listProfileOwnedKeys', 'searchGames']),
    );
  });

  it.each(listsByOperation)('%s: %j', async (operationId, lists) => {
    body = Object.fromEntries(lists.map((name) => [snake(name), {}]));
    const client = createItchClient({
      baseUrl: server.url,
      apiKey: 'k-123456',
      rateLimiter: false,
    });
    const data = (await calls[operationId]?.call(client)) as Record<string, unknown>;
    for (const name of lists) expect(data[name], name).toEqual([]);
  });

  it('listGameUploads: uploads: {} is an empty array the caller can map', async () => {
    body = { uploads: {} };
    const client = createItchClient({ baseUrl: server.url, rateLimiter: false });
    const data = await client.listGameUploads(1);
    expect(data.uploads?.map((u) => u.id)).toEqual([]);
  });

  it('nested lists too, and a list sent with numeric keys keeps its items in order', async () => {
    body = {
      game: {
        id: 7,
        traits: {},
        sale: { id: 1 },
        embed: { width: 640 },
      },
    };
    const client = createItchClient({ baseUrl: server.url, rateLimiter: false });
    const { game } = await client.getGame(7);
    expect((game as { traits?: unknown } | undefined)?.traits).toEqual([]);
    body = { uploads: { 0: { id: 1 }, 2: { id: 3 } } };
    const data = await client.listGameUploads(7);
    expect(data.uploads?.map((u) => u.id)).toEqual([1, 3]);
  });
});
