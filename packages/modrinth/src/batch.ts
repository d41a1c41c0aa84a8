import type { OperationOptions, OperationTarget } from '@x/core/client';
import {
  getLatestVersionsFromHashes,
  getProjects,
  getUsers,
  getVersions,
  versionsFromHashes,
} from './generated/operations.gen.js';
import type { HashVersionMap, Project, User, Version } from './generated/types.gen.js';

/**
 * Limits for splitting large inputs. Modrinth serves GETs with URLs up to a
 * few KB reliably; hash lookups go in a POST body.
 */
export interface ChunkOptions {
  /** Most characters the encoded `ids` value may take in one URL. @default 3500 */
  maxQueryLength?: number | undefined;
  /** Most items in one request. @default 500 */
  maxItems?: number | undefined;
}

const DEFAULT_MAX_QUERY = 3500;
const DEFAULT_MAX_ITEMS = 500;

/**
 * Splits values (deduplicated, order kept) into chunks whose JSON-encoded,
 * URL-encoded form stays within `maxQueryLength` and which hold at most
 * `maxItems` values each.
 */
export function chunkForQuery(values: Iterable<string>, options: ChunkOptions = {}): string[][] {
  const maxLength = options.maxQueryLength ?? DEFAULT_MAX_QUERY;
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  if (maxItems < 1) throw new RangeError('maxItems must be at least 1');
  const chunks: string[][] = [];
  let current: string[] = [];
  let length = encodeURIComponent('[]').length;
  for (const value of new Set(values)) {
    const cost = encodeURIComponent(`${JSON.stringify(value)},`).length;
    if (current.length > 0 && (current.length >= maxItems || length + cost > maxLength)) {
      chunks.push(current);
      current = [];
      length = encodeURIComponent('[]').length;
    }
    current.push(value);
    length += cost;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** Splits values (deduplicated, order kept) into chunks of at most `size`. */
export function chunk<T>(values: Iterable<T>, size: number): T[][] {
  if (size < 1) throw new RangeError('chunk size must be at least 1');
  const all = [...new Set(values)];
  const out: T[][] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size));
  return out;
}

async function inChunks<R>(
  ids: Iterable<string>,
  options: ChunkOptions,
  call: (ids: string[]) => Promise<R[]>,
): Promise<R[]> {
  const out: R[] = [];
  for (const part of chunkForQuery(ids, options)) out.push(...(await call(part)));
  return out;
}

function limits(input: ChunkOptions | undefined): ChunkOptions {
  const out: ChunkOptions = {};
  if (input?.maxQueryLength !== undefined) out.maxQueryLength = input.maxQueryLength;
  if (input?.maxItems !== undefined) out.maxItems = input.maxItems;
  return out;
}

/** `getProjects` for any number of IDs or slugs, chunked to keep URLs short, results merged. */
export function getProjectsBatched(
  client: OperationTarget,
  ids: Iterable<string>,
  input?: ChunkOptions,
  options?: OperationOptions,
): Promise<Project[]> {
  return inChunks(ids, limits(input), (part) => getProjects(client, { ids: part }, options));
}

/** `getVersions` for any number of version IDs, chunked, results merged. */
export function getVersionsBatched(
  client: OperationTarget,
  ids: Iterable<string>,
  input?: ChunkOptions,
  options?: OperationOptions,
): Promise<Version[]> {
  return inChunks(ids, limits(input), (part) => getVersions(client, { ids: part }, options));
}

/** `getUsers` for any number of user IDs or usernames, chunked, results merged. */
export function getUsersBatched(
  client: OperationTarget,
  ids: Iterable<string>,
  input?: ChunkOptions,
  options?: OperationOptions,
): Promise<User[]> {
  return inChunks(ids, limits(input), (part) => getUsers(client, { ids: part }, options));
}

/** The file digest Modrinth's hash lookups accept. */
export type HashAlgorithm = 'sha1' | 'sha512';

/** Input of {@link versionsFromHashesBatched}. */
export interface HashLookup {
  /** The digest the hashes are. */
  algorithm: HashAlgorithm;
  /** Hashes per request body. @default 500 */
  chunkSize?: number | undefined;
}

/** `versionsFromHashes` for any number of hashes: hash -> Version, chunked bodies, maps merged. */
export async function versionsFromHashesBatched(
  client: OperationTarget,
  hashes: Iterable<string>,
  input: HashLookup,
  options?: OperationOptions,
): Promise<HashVersionMap> {
  const { algorithm, chunkSize = DEFAULT_MAX_ITEMS } = input;
  const out: HashVersionMap = {};
  for (const part of chunk(hashes, chunkSize)) {
    Object.assign(out, await versionsFromHashes(client, { hashes: part, algorithm }, options));
  }
  return out;
}

/** Which updates count when looking up the latest version of a file. */
export interface UpdateFilter {
  /** Loaders the update must support, e.g. `['fabric']`. */
  loaders: readonly string[];
  /** Game versions the update must support, e.g. `['1.21.1']`. */
  game_versions: readonly string[];
}

/** Input of {@link getLatestVersionsFromHashesBatched}: the digest and the update filter. */
export interface LatestVersionsLookup extends HashLookup, UpdateFilter {}

/** `getLatestVersionsFromHashes` for any number of hashes: hash -> newest matching Version. */
export async function getLatestVersionsFromHashesBatched(
  client: OperationTarget,
  hashes: Iterable<string>,
  input: LatestVersionsLookup,
  options?: OperationOptions,
): Promise<HashVersionMap> {
  const { algorithm, loaders, game_versions, chunkSize = DEFAULT_MAX_ITEMS } = input;
  const out: HashVersionMap = {};
  for (const part of chunk(hashes, chunkSize)) {
    Object.assign(
      out,
      await getLatestVersionsFromHashes(
        client,
        { hashes: part, algorithm, loaders, game_versions },
        options,
      ),
    );
  }
  return out;
}
