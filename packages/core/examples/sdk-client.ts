import { createClient } from '@x/core/client';

/**
 * The client a generated SDK function calls, as `getProject` calls it:
 * `client.get({ url: '/projects/{slug}', path: { slug } })`. `core` is the
 * SDK's @x/core policy; the client builds its @x/core fetch from it on the
 * first call, with `auth` as the token.
 */
export async function sdkClient(baseUrl: string): Promise<string> {
  const client = createClient({
    baseUrl,
    auth: process.env.EXAMPLE_TOKEN ?? 'example-token',
    core: (settings) => ({
      baseUrl: settings.baseUrl,
      authScheme: (token) => `Bearer ${token}`,
      userAgent: 'my-sdk/1.0.0',
    }),
  });
  // Typed as generated code types it: the responses by status.
  const project = await client.get<{ 200: { title: string } }>({
    url: '/projects/{slug}',
    path: { slug: 'sodium' },
  });
  return project.title;
}
