/**
 * @x/modrinth: the Modrinth (Labrinth v2) API, every operation typed and
 * wired to @x/core (retries, rate limit, typed errors).
 *
 * ```ts
 * const modrinth = createModrinthClient({ userAgent: 'my-launcher/1.0 (me@example.com)' });
 * const project = await modrinth.getProject('sodium');
 * ```
 *
 * Every operation is a method of the client; `@x/modrinth/operations` has the
 * same operations as standalone, tree-shakable functions, and the
 * per-operation `*Data`/`*Responses` types.
 */

// @x/core's errors, so `instanceof` works with imports from this package;
// the HTTP ones with Modrinth's error body typed (`code`, `description`).
export {
  type CallOptions,
  ConnectionError,
  CoreError,
  RateLimiter,
  type RetryOptions,
  TimeoutError,
  UnexpectedResponseError,
} from '@x/core';
export type { OperationOptions } from '@x/core/client';
export type {
  ChunkOptions,
  HashAlgorithm,
  HashLookup,
  LatestVersionsLookup,
  UpdateFilter,
} from './batch.js';
export {
  DEFAULT_USER_AGENT,
  MODRINTH_API_URL,
  MODRINTH_RATE_LIMIT,
  MODRINTH_STAGING_API_URL,
  type ModrinthClientOptions,
} from './client.js';
export {
  type DownloadableFile,
  DownloadError,
  type DownloadFailure,
  type DownloadFields,
  type DownloadOptions,
  HashMismatchError,
  primaryFile,
} from './download.js';
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  GoneError,
  InternalServerError,
  type ModrinthError,
  type ModrinthErrorBody,
  type ModrinthErrorClass,
  type ModrinthErrorCode,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors.js';
export {
  FacetError,
  type FacetOperator,
  FacetsBuilder,
  type FacetType,
  type FacetValue,
  facet,
  facets,
} from './facets.js';
// The schemas' types (`Project`, `Version`...); the per-operation ones are in `@x/modrinth/operations`.
export type * from './generated/models.gen.js';
export { type FileHashes, type HashSource, hashBytes } from './hashing.js';
export { createModrinthClient, ModrinthClient } from './modrinth-client.js';
export { type Dated, isNewerVersion } from './newer.js';
export type { SearchAllInput } from './search.js';
export type { CheckUpdatesInput, HashedFile, UpdateCheck } from './updates.js';
export {
  type AddFilesUpload,
  type CreateProjectUpload,
  type CreateVersionUpload,
  type GalleryImageUpload,
  type ImageData,
  type ImageExtension,
  type ProjectIconUpload,
  type UploadData,
  UploadError,
  type UploadFile,
  type UserIconUpload,
} from './uploads.js';
export { VERSION } from './version.js';
