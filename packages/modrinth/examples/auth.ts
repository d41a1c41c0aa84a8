import { AuthenticationError, createModrinthClient, NotFoundError } from '@x/modrinth';

export async function whoAmI() {
  const modrinth = createModrinthClient({
    // A personal access token, sent as-is in Authorization (no "Bearer").
    // A function is called before every request: rotate tokens freely.
    token: () => process.env.MODRINTH_TOKEN,
    userAgent: 'my-org/my-publisher/0.3.1 (ops@example.com)',
  });
  try {
    const me = await modrinth.getUserFromAuth();
    return me.username;
  } catch (error) {
    if (error instanceof AuthenticationError) return `not signed in: ${error.message}`;
    throw error;
  }
}

export async function projectOrNull(slug: string) {
  const modrinth = createModrinthClient({ userAgent: 'my-bot/1.0' });
  try {
    return await modrinth.getProject(slug);
  } catch (error) {
    if (error instanceof NotFoundError) return null; // error.status === 404
    throw error;
  }
}
