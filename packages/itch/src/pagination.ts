import { type PaginatedIterable, paginatePages } from '@x/core';
import type { TDataShape } from '@x/core/client';
import type { Options } from './generated/sdk.gen.js';
import {
  getBundleGames,
  getCollectionGames,
  listProfileBuilds,
  listProfileCollections,
  listProfileGames,
  listProfileOwnedKeys,
  searchGames,
  searchUsers,
} from './generated/sdk.gen.js';
import type {
  Build,
  BundleGame,
  Collection,
  CollectionGame,
  DownloadKey,
  Game,
  GetBundleGamesData,
  GetCollectionGamesData,
  ListProfileBuildsData,
  ListProfileCollectionsData,
  ListProfileGamesData,
  ListProfileOwnedKeysData,
  SearchGamesData,
  SearchUsersData,
  User,
} from './generated/types.gen.js';

/** An operation's options without `query.page`, which the iterator drives. */
export type PagedOptions<TData extends TDataShape> = Omit<Options<TData, true>, 'query'> &
  (undefined extends TData['query']
    ? { query?: Omit<NonNullable<TData['query']>, 'page'> & { page?: never } }
    : { query: Omit<NonNullable<TData['query']>, 'page'> & { page?: never } }) & {
    /** Stop after this many pages. @default unlimited */
    maxPages?: number;
    /** Stops the iteration (the next page load rejects with its reason). */
    signal?: AbortSignal;
  };

/** Options of a listing the spec does not paginate. */
export type ListOptions<TData extends TDataShape> = Options<TData, true>;

interface Page<T> {
  items: T[];
  perPage?: number | undefined;
}

/**
 * Walk itch's page-numbered listings (`page=1,2,...`) with @x/core's
 * `paginatePages`. A page shorter than the `per_page` the server reports, or
 * an empty page, is the last one; a missing or non-positive `per_page` says
 * nothing, so then only an empty page (or `maxPages`) ends the walk.
 */
function pages<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  options: { maxPages?: number; signal?: AbortSignal },
): PaginatedIterable<T> {
  return paginatePages<T>({
    ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    fetchPage: async (page: number) => {
      const { items, perPage } = await fetchPage(page);
      const full = perPage === undefined || perPage <= 0 ? true : items.length >= perPage;
      return { items, hasMore: items.length > 0 && full };
    },
  });
}

function query<TData extends TDataShape>(
  options: PagedOptions<TData>,
  page: number,
): TData['query'] {
  const given = (options as { query?: object }).query;
  return { ...(given ?? {}), page } as TData['query'];
}

function rest<T extends { maxPages?: number; signal?: AbortSignal }>(
  options: T,
): Omit<T, 'maxPages' | 'signal'> & { signal?: AbortSignal } {
  const { maxPages: _, ...others } = options;
  return others as Omit<T, 'maxPages' | 'signal'> & { signal?: AbortSignal };
}

/** A listing the spec serves in one answer, with the same iterable interface. */
function once<T>(load: () => Promise<T[] | undefined>): PaginatedIterable<T> {
  return paginatePages<T>({
    fetchPage: async () => ({ items: (await load()) ?? [], hasMore: false }),
  });
}

/** Every download key the profile owns (`GET /profile/owned-keys`, page by page). */
export function iterateOwnedKeys(
  options: PagedOptions<ListProfileOwnedKeysData> = {},
): PaginatedIterable<DownloadKey> {
  return pages(async (page) => {
    const data = await listProfileOwnedKeys({ ...rest(options), query: query(options, page) });
    return { items: data.ownedKeys ?? [], perPage: data.perPage };
  }, options);
}

/** The profile's games (`GET /profile/games`; one page in the spec). */
export function iterateProfileGames(
  options: ListOptions<ListProfileGamesData> = {},
): PaginatedIterable<Game> {
  return once(async () => (await listProfileGames(options)).games);
}

/** The profile's collections (`GET /profile/collections`; one page in the spec). */
export function iterateProfileCollections(
  options: ListOptions<ListProfileCollectionsData> = {},
): PaginatedIterable<Collection> {
  return once(async () => (await listProfileCollections(options)).collections);
}

/** The profile's builds (`GET /profile/builds`, page by page). */
export function iterateProfileBuilds(
  options: PagedOptions<ListProfileBuildsData> = {},
): PaginatedIterable<Build> {
  return pages(async (page) => {
    const data = await listProfileBuilds({ ...rest(options), query: query(options, page) });
    return { items: data.builds ?? [], perPage: data.perPage };
  }, options);
}

/** A collection's games (`GET /collections/{collectionId}/collection-games`, page by page). */
export function iterateCollectionGames(
  options: PagedOptions<GetCollectionGamesData>,
): PaginatedIterable<CollectionGame> {
  return pages(async (page) => {
    const data = await getCollectionGames({ ...rest(options), query: query(options, page) });
    return { items: data.collectionGames ?? [], perPage: data.perPage };
  }, options);
}

/** A bundle's games (`GET /bundles/{bundleId}/bundle-games`, page by page). */
export function iterateBundleGames(
  options: PagedOptions<GetBundleGamesData>,
): PaginatedIterable<BundleGame> {
  return pages(async (page) => {
    const data = await getBundleGames({ ...rest(options), query: query(options, page) });
    return { items: data.bundleGames ?? [], perPage: data.perPage };
  }, options);
}

/** Games matching `query.query` (`GET /search/games`, page by page). */
export function iterateSearchGames(
  options: PagedOptions<SearchGamesData>,
): PaginatedIterable<Game> {
  return pages(async (page) => {
    const data = await searchGames({ ...rest(options), query: query(options, page) });
    return { items: data.games ?? [], perPage: data.perPage };
  }, options);
}

/** Users matching `query.query` (`GET /search/users`, page by page). */
export function iterateSearchUsers(
  options: PagedOptions<SearchUsersData>,
): PaginatedIterable<User> {
  return pages(async (page) => {
    const data = await searchUsers({ ...rest(options), query: query(options, page) });
    return { items: data.users ?? [], perPage: data.perPage };
  }, options);
}
