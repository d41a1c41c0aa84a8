import { createItchClient, getGame, getProfile, type ItchClientOptions } from '@x/itch';

/** Quick start: who am I, and a game page. */
export async function quickStart(overrides: ItchClientOptions = {}) {
  const client = createItchClient({ apiKey: process.env.ITCH_API_KEY, ...overrides });

  const { user } = await getProfile({ client });
  const { game } = await getGame({ client, path: { gameId: 1328853 } });

  // camelCase, whether itch sent `cover_url` or `coverUrl`
  return { username: user?.username, title: game?.title, cover: game?.coverUrl };
}
