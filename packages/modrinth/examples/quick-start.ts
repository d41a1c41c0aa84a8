import { createModrinthClient } from '@x/modrinth';

export async function quickStart() {
  // Name your application: Modrinth asks every client for its own User-Agent.
  const modrinth = createModrinthClient({ userAgent: 'my-launcher/1.2.0 (me@example.com)' });
  const project = await modrinth.getProject('sodium');
  return `${project.title}: ${project.downloads} downloads`;
}
