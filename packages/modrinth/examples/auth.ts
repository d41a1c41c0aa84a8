import {
  AuthenticationError,
  createModrinthClient,
  getProject,
  getUserFromAuth,
  type ModrinthClientOptions,
  NotFoundError,
} from '@x/modrinth';

export async function whoAmI(options: ModrinthClientOptions = {}) {
  const client = createModrinthClient({
    // A personal access token, sent as-is in Authorization (no "Bearer").
    // A function is called before every request: rotate tokens freely.
    token: () => process.env.MODRINTH_TOKEN,
    userAgent: 'my-org/my-publisher/0.3.1 (ops@example.com)',
    ...options,
  });
  try {
    const me = await getUserFromAuth({ client });
    return me.username;
  } catch (error) {
    if (error instanceof AuthenticationError) return `not signed in: ${error.message}`;
    throw error;
  }
}

export async function projectOrNull(slug: string, options: ModrinthClientOptions = {}) {
  const client = createModrinthClient({ userAgent: 'my-bot/1.0', ...options });
  try {
    return await getProject({ client, path: { idOrSlug: slug } });
  } catch (error) {
    if (error instanceof NotFoundError) return null; // error.status === 404
    throw error;
  }
}
