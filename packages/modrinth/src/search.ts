import { paginateOffset } from '@x/core';
import type { Options } from './generated/sdk.gen.js';
import { searchProjects } from './generated/sdk.gen.js';
import type { ProjectResult, SearchProjectsData } from './generated/types.gen.js';

/** The most hits Modrinth returns per search request, whatever `limit` asks. */
const MAX_PAGE_SIZE = 100;

/** Options for {@link searchAll}: those of `searchProjects` without `offset`/`limit`, plus `pageSize`. */
export type SearchAllOptions = Omit<Options<SearchProjectsData, true>, 'query'> & {
  query?: Omit<NonNullable<SearchProjectsData['query']>, 'offset' | 'limit'>;
  /** Hits per request; Modrinth serves at most 100, so a larger value asks for 100. @default 100 */
  pageSize?: number;
};

/**
 * Every hit of a search, page by page (offset/limit), stopping at `total_hits`.
 * Requests go through the client's rate limiter and retries.
 *
 * ```ts
 * for await (const hit of searchAll({ client, query: { query: 'sodium' } })) console.log(hit.slug);
 * ```
 */
export function searchAll(options: SearchAllOptions = {}): AsyncIterable<ProjectResult> {
  const { pageSize = MAX_PAGE_SIZE, query, ...rest } = options;
  return paginateOffset<ProjectResult>({
    limit: Math.min(pageSize, MAX_PAGE_SIZE),
    fetchPage: async (offset: number, limit: number) => {
      const page = await searchProjects({ ...rest, query: { ...query, offset, limit } });
      return { items: page.hits, total: page.total_hits };
    },
  });
}
