import { createModrinthClient, facets } from '@x/modrinth';

export async function searchFabricTech() {
  const modrinth = createModrinthClient({ userAgent: 'my-launcher/1.2.0' });
  const filter = facets()
    .projectType('mod')
    .allOf('categories', ['fabric', 'technology']) // fabric AND technology
    .anyOf('versions', ['1.21', '1.21.1']) // either game version
    .where('downloads', '>', 10_000)
    .build();
  // filter === '[["project_type:mod"],["categories:fabric"],["categories:technology"],
  //             ["versions:1.21","versions:1.21.1"],["downloads>10000"]]'
  const page = await modrinth.searchProjects({ query: 'storage', facets: filter, limit: 20 });

  // Every hit, 100 per request, until total_hits:
  const slugs: string[] = [];
  for await (const hit of modrinth.searchAll({ query: 'storage', facets: filter })) {
    if (hit.slug) slugs.push(hit.slug);
  }
  return { firstPage: page.hits.length, total: page.total_hits, slugs };
}
