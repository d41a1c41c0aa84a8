import { contract } from '@x/contract-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItchClient } from '../src/index.js';
import { type LocalServer, sendJson, startServer } from './helpers/server.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

let server: LocalServer;
beforeAll(async () => {
  // 5 owned keys, 2 per page, in itch's snake_case.
  server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const page = Number(url.searchParams.get('page') ?? '1');
    const all = [1, 2, 3, 4, 5].map((id) => ({ id, game_id: id * 10 }));
    const slice = all.slice((page - 1) * 2, page * 2);
    if (url.pathname === '/profile/owned-keys') {
      return sendJson(res, 200, { page, per_page: 2, owned_keys: slice });
    }
    if (url.pathname === '/search/games') {
      // No per_page: the iterator stops at the first empty page.
      return sendJson(res, 200, {
        page,
        games: slice.map((k) => ({ id: k.id, short_text: url.searchParams.get('query') })),
      });
    }
    sendJson(res, 404, { errors: ['not found'] });
  });
});
afterAll(() => server.close());

describe('page iterators', () => {
  it('walk pages until one is shorter than per_page', async () => {
    const client = createItchClient({ baseUrl: server.url, apiKey: 'k', retry: false });
    const keys = await collect(client.iterateOwnedKeys());
    expect(keys.map((k) => [k.id, k.gameId])).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
      [4, 40],
      [5, 50],
    ]);
    const pages = server.requests
      .filter((r) => r.url.startsWith('/profile/owned-keys'))
      .map((r) => r.url);
    expect(pages).toEqual([
      '/profile/owned-keys?page=1',
      '/profile/owned-keys?page=2',
      '/profile/owned-keys?page=3',
    ]);
  });

  it('stop at an empty page when the server reports no page size, and pass the query on', async () => {
    const client = createItchClient({ baseUrl: server.url, apiKey: 'k', retry: false });
    const games = await collect(client.iterateSearchGames({ query: 'sinkhole' }));
    expect(games.map((g) => g.id)).toEqual([1, 2, 3, 4, 5]);
    expect(games[0]?.shortText).toBe('sinkhole');
  });

  it('honour maxPages and stop early when the loop breaks', async () => {
    const client = createItchClient({ baseUrl: server.url, apiKey: 'k', retry: false });
    expect(await collect(client.iterateOwnedKeys({ maxPages: 2 }))).toHaveLength(4);
    const before = server.requests.length;
    for await (const key of client.iterateOwnedKeys()) {
      expect(key.id).toBe(1);
      break;
    }
    expect(server.requests.length - before).toBe(1);
  });

  it('work against Prism for every paged and listed resource', async () => {
    const c = contract('itch');
    const client = createItchClient({
      baseUrl: c.baseUrl,
      apiKey: 'k',
      retry: false,
      fetch: c.fetch,
    });
    // Prism's mock pages never run out (per_page is a placeholder), so cap them.
    const maxPages = 2;
    expect(await collect(client.iterateOwnedKeys({ maxPages }))).toHaveLength(2);
    expect(await collect(client.iterateProfileBuilds({ perPage: 1, maxPages }))).toHaveLength(2);
    expect(await collect(client.iterateCollectionGames(1, { maxPages }))).toHaveLength(2);
    expect(await collect(client.iterateBundleGames(1, { maxPages }))).toHaveLength(2);
    expect(await collect(client.iterateSearchGames({ query: 'x', maxPages }))).toHaveLength(2);
    expect(await collect(client.iterateSearchUsers({ query: 'x', maxPages }))).toHaveLength(2);
    expect(await collect(client.iterateProfileGames())).toHaveLength(1);
    expect(await collect(client.iterateProfileCollections())).toHaveLength(1);
  });
});
