import { createModrinthClient, getProject, type ModrinthClientOptions } from '@x/modrinth';

// `options` lets the tests point the client at a mock server; you need none.
export async function quickStart(options: ModrinthClientOptions = {}) {
  const client = createModrinthClient({
    userAgent: 'my-launcher/1.2.0 (me@example.com)',
    ...options,
  });
  const project = await getProject({ client, path: { idOrSlug: 'sodium' } });
  return `${project.title}: ${project.downloads} downloads`;
}
