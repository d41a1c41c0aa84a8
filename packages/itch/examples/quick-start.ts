import { createItchClient } from '@x/itch';

/** Quick start: who am I, and a game page. */
export async function quickStart() {
  const itch = createItchClient({ apiKey: process.env.ITCH_API_KEY });

  const { user } = await itch.getProfile();
  const { game } = await itch.getGame(1328853);

  // camelCase, whether itch sent `cover_url` or `coverUrl`
  return { username: user?.username, title: game?.title, cover: game?.coverUrl };
}
