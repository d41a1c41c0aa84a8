import {
  createModrinthClient,
  facets,
  type ModrinthClientOptions,
  searchAll,
  searchProjects,
} from '@x/modrinth';

export async function searchFabricTech(options: ModrinthClientOptions = {}) {
  const client = createModrinthClient({ userAgent: 'my-launcher/1.2.0', ...options });
  const filter = facets()
    .projectType('mod')
    .allOf('categories', ['fabric', 'technology']) // fabric AND technology
    .anyOf('versions', ['1.21', '1.21.1']) // either game version
    .where('downloads', '>', 10_000)
    .build();
  // filter === '[["project_type:mod"],["categories:fabric"],["categories:technology"],
  //             ["versions:1.21","versions:1.21.1"],["downloads>10000"]]'
  const page = await searchProjects({
    client,
    query: { query: 'storage', facets: filter, limit: 20 },
  });

  // Every hit, 100 per request, until total_hits:
  const slugs: string[] = [];
  for await (const hit of searchAll({ client, query: { query: 'storage', facets: filter } })) {
    if (hit.slug) slugs.push(hit.slug);
  }
  return { firstPage: page.hits.length, total: page.total_hits, slugs };
}
