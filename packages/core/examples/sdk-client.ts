import { createCoreFetch } from '@x/core';
import { createClient } from '@x/core/client';

/**
 * The client a generated SDK function calls, as `getProject` calls it:
 * `client.get({ url: '/projects/{slug}', path: { slug } })`. The @x/core
 * fetch is built on the first call, from the client's `baseUrl` and `auth`.
 */
export async function sdkClient(baseUrl: string): Promise<string> {
  const client = createClient({
    baseUrl,
    auth: process.env.EXAMPLE_TOKEN ?? 'example-token',
    core: (settings) =>
      createCoreFetch({
        baseUrl: settings.baseUrl,
        authScheme: (token) => `Bearer ${token}`,
        userAgent: 'my-sdk/1.0.0',
        ...(settings.auth === undefined ? {} : { token: settings.auth }),
      }),
  });
  // Typed as generated code types it: the responses by status.
  const project = await client.get<{ 200: { title: string } }>({
    url: '/projects/{slug}',
    path: { slug: 'sodium' },
  });
  return project.title;
}
