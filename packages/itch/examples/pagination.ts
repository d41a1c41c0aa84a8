import { createItchClient } from '@x/itch';

/** Every game the account owns, page after page. */
export async function ownedGameTitles() {
  const itch = createItchClient({ apiKey: process.env.ITCH_API_KEY });

  const titles: string[] = [];
  for await (const key of itch.iterateOwnedKeys()) {
    titles.push(key.game?.title ?? `game ${key.gameId}`);
  }
  return titles;
}

/** The first `limit` search hits; breaking out stops the paging. */
export async function firstHits(query: string, limit: number) {
  const itch = createItchClient({ apiKey: process.env.ITCH_API_KEY });

  const hits: number[] = [];
  for await (const game of itch.iterateSearchGames({ query })) {
    if (game.id !== undefined) hits.push(game.id);
    if (hits.length === limit) break;
  }
  return hits;
}
