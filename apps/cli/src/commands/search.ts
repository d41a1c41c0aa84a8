import { facets, type ModrinthClient, type ProjectResult } from '@x/modrinth';

export interface SearchOptions {
  loader?: string[];
  gameVersion?: string[];
  type?: string;
  category?: string[];
  page: number;
  limit: number;
  signal?: AbortSignal;
}

/** One page of a Modrinth search; every flag becomes its own AND'd facet group. */
export async function search(client: ModrinthClient, query: string, options: SearchOptions) {
  const f = facets();
  if (options.type) f.projectType(options.type);
  // Each category and loader is its own AND'd group: a project must match them all
  // (Modrinth lumps loaders in with categories).
  const required = [...(options.category ?? []), ...(options.loader ?? [])];
  if (required.length) f.allOf('categories', required);
  // Any of the game versions will do.
  if (options.gameVersion?.length) f.versions(...options.gameVersion);
  const result = await client.searchProjects(
    {
      query,
      facets: f.build(),
      offset: (options.page - 1) * options.limit,
      limit: options.limit,
    },
    { signal: options.signal },
  );
  return {
    page: options.page,
    limit: options.limit,
    totalHits: result.total_hits,
    hits: result.hits.map((h: ProjectResult) => ({
      slug: h.slug,
      title: h.title,
      type: h.project_type,
      downloads: h.downloads,
      author: h.author,
    })),
  };
}
