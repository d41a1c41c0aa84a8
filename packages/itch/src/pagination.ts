import type { PaginatedIterable } from '@x/core';
import type { OperationOptions, OperationTarget } from '@x/core/client';
import { paginatePages } from '@x/core/internal';
import {
  type GetBundleGamesInput,
  type GetCollectionGamesInput,
  getBundleGames,
  getCollectionGames,
  type ListProfileBuildsInput,
  type ListProfileOwnedKeysInput,
  listProfileBuilds,
  listProfileCollections,
  listProfileGames,
  listProfileOwnedKeys,
  type SearchGamesInput,
  type SearchUsersInput,
  searchGames,
  searchUsers,
} from './generated/operations.gen.js';
import type {
  Build,
  BundleGame,
  Collection,
  CollectionGame,
  DownloadKey,
  Game,
  User,
} from './generated/types.gen.js';

/** An operation's input without `page`, which the iterator drives, plus `maxPages`. */
export type PagedInput<T> = Omit<T, 'page'> & {
  /** Stop after this many pages. @default unlimited */
  maxPages?: number | undefined;
};

interface Page<T> {
  items: T[];
  perPage?: number | undefined;
}

/**
 * Walk itch's page-numbered listings (`page=1,2,...`) with @x/core's
 * `paginatePages`. A page shorter than the `per_page` the server reports, or
 * an empty page, is the last one; a missing or non-positive `per_page` says
 * nothing, so only an empty page ends the walk.
 */
function pages<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  input: { maxPages?: number | undefined } | undefined,
  options: OperationOptions | undefined,
): PaginatedIterable<T> {
  return paginatePages<T>({
    ...(input?.maxPages !== undefined ? { maxPages: input.maxPages } : {}),
    ...(options?.signal ? { signal: options.signal } : {}),
    fetchPage: async (page: number) => {
      const { items, perPage } = await fetchPage(page);
      const full = perPage === undefined || perPage <= 0 ? true : items.length >= perPage;
      return { items, hasMore: items.length > 0 && full };
    },
  });
}

/** The input's fields for one page. */
function at<T extends { maxPages?: number | undefined }>(
  input: T | undefined,
  page: number,
): Omit<T, 'maxPages'> & { page: number } {
  const { maxPages: _, ...fields } = (input ?? {}) as T;
  return { ...fields, page };
}

/** A listing the spec serves in one answer, with the same iterable interface. */
function once<T>(load: () => Promise<T[] | undefined>): PaginatedIterable<T> {
  return paginatePages<T>({
    fetchPage: async () => ({ items: (await load()) ?? [], hasMore: false }),
  });
}

/** Every download key the profile owns (`GET /profile/owned-keys`, page by page). */
export function iterateOwnedKeys(
  client: OperationTarget,
  input?: PagedInput<ListProfileOwnedKeysInput>,
  options?: OperationOptions,
): PaginatedIterable<DownloadKey> {
  return pages(
    async (page) => {
      const data = await listProfileOwnedKeys(client, at(input, page), options);
      return { items: data.ownedKeys ?? [], perPage: data.perPage };
    },
    input,
    options,
  );
}

/** The profile's games (`GET /profile/games`; one page in the spec). */
export function iterateProfileGames(
  client: OperationTarget,
  options?: OperationOptions,
): PaginatedIterable<Game> {
  return once(async () => (await listProfileGames(client, options)).games);
}

/** The profile's collections (`GET /profile/collections`; one page in the spec). */
export function iterateProfileCollections(
  client: OperationTarget,
  options?: OperationOptions,
): PaginatedIterable<Collection> {
  return once(async () => (await listProfileCollections(client, options)).collections);
}

/** The profile's builds (`GET /profile/builds`, page by page). */
export function iterateProfileBuilds(
  client: OperationTarget,
  input?: PagedInput<ListProfileBuildsInput>,
  options?: OperationOptions,
): PaginatedIterable<Build> {
  return pages(
    async (page) => {
      const data = await listProfileBuilds(client, at(input, page), options);
      return { items: data.builds ?? [], perPage: data.perPage };
    },
    input,
    options,
  );
}

/** A collection's games (`GET /collections/{collectionId}/collection-games`, page by page). */
export function iterateCollectionGames(
  client: OperationTarget,
  collectionId: number,
  input?: PagedInput<GetCollectionGamesInput>,
  options?: OperationOptions,
): PaginatedIterable<CollectionGame> {
  return pages(
    async (page) => {
      const data = await getCollectionGames(client, collectionId, at(input, page), options);
      return { items: data.collectionGames ?? [], perPage: data.perPage };
    },
    input,
    options,
  );
}

/** A bundle's games (`GET /bundles/{bundleId}/bundle-games`, page by page). */
export function iterateBundleGames(
  client: OperationTarget,
  bundleId: number,
  input?: PagedInput<GetBundleGamesInput>,
  options?: OperationOptions,
): PaginatedIterable<BundleGame> {
  return pages(
    async (page) => {
      const data = await getBundleGames(client, bundleId, at(input, page), options);
      return { items: data.bundleGames ?? [], perPage: data.perPage };
    },
    input,
    options,
  );
}

/** Games matching `query` (`GET /search/games`, page by page). */
export function iterateSearchGames(
  client: OperationTarget,
  input: PagedInput<SearchGamesInput>,
  options?: OperationOptions,
): PaginatedIterable<Game> {
  return pages(
    async (page) => {
      const data = await searchGames(client, at(input, page), options);
      return { items: data.games ?? [], perPage: data.perPage };
    },
    input,
    options,
  );
}

/** Users matching `query` (`GET /search/users`, page by page). */
export function iterateSearchUsers(
  client: OperationTarget,
  input: PagedInput<SearchUsersInput>,
  options?: OperationOptions,
): PaginatedIterable<User> {
  return pages(
    async (page) => {
      const data = await searchUsers(client, at(input, page), options);
      return { items: data.users ?? [], perPage: data.perPage };
    },
    input,
    options,
  );
}
