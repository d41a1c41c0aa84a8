import { createModrinthTransport, getProject } from '@x/modrinth/operations';

export async function projectTitle(slug: string) {
  const transport = createModrinthTransport({ userAgent: 'my-launcher/1.2.0 (me@example.com)' });
  const project = await getProject(transport, slug);
  return project.title;
}
