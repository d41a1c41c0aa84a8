import {
  createItchClient,
  type ItchClientOptions,
  iterateOwnedKeys,
  iterateSearchGames,
} from '@x/itch';

/** Every game the account owns, page after page. */
export async function ownedGameTitles(overrides: ItchClientOptions = {}) {
  const client = createItchClient({ apiKey: process.env.ITCH_API_KEY, ...overrides });

  const titles: string[] = [];
  for await (const key of iterateOwnedKeys({ client })) {
    titles.push(key.game?.title ?? `game ${key.gameId}`);
  }
  return titles;
}

/** The first `limit` search hits; breaking out stops the paging. */
export async function firstHits(query: string, limit: number, overrides: ItchClientOptions = {}) {
  const client = createItchClient({ apiKey: process.env.ITCH_API_KEY, ...overrides });

  const hits: number[] = [];
  for await (const game of iterateSearchGames({ client, query: { query } })) {
    if (game.id !== undefined) hits.push(game.id);
    if (hits.length === limit) break;
  }
  return hits;
}
