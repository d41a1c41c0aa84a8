import type { OperationInput, OperationOptions, OperationTarget } from '@x/core/client';
import { paginateOffset } from '@x/core/internal';
import { searchProjects } from './generated/operations.gen.js';
import type { ProjectResult, SearchProjectsData } from './generated/types.gen.js';

/** The most hits Modrinth returns per search request, whatever `limit` asks. */
const MAX_PAGE_SIZE = 100;

/** Input of {@link searchAll}: `searchProjects`' fields without `offset`/`limit`, plus `pageSize`. */
export type SearchAllInput = OperationInput<
  Omit<NonNullable<SearchProjectsData['query']>, 'offset' | 'limit'> & {
    /** Hits per request; Modrinth serves at most 100, so a larger value asks for 100. @default 100 */
    pageSize?: number;
  }
>;

/**
 * Every hit of a search, page by page (offset/limit), stopping at `total_hits`.
 * Requests go through the client's rate limiter and retries.
 *
 * ```ts
 * for await (const hit of modrinth.searchAll({ query: 'sodium' })) console.log(hit.slug);
 * ```
 */
export function searchAll(
  client: OperationTarget,
  input: SearchAllInput = {},
  options?: OperationOptions,
): AsyncIterable<ProjectResult> {
  const { pageSize = MAX_PAGE_SIZE, ...query } = input;
  return paginateOffset<ProjectResult>({
    limit: Math.min(pageSize, MAX_PAGE_SIZE),
    fetchPage: async (offset: number, limit: number) => {
      const page = await searchProjects(client, { ...query, offset, limit }, options);
      return { items: page.hits, total: page.total_hits };
    },
  });
}
