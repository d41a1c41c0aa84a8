/**
 * @x/modrinth: the Modrinth (Labrinth v2) API, every operation typed and
 * wired to @x/core (retries, rate limit, typed errors).
 */

// @x/core's errors, so `instanceof` works with imports from this package.
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  CoreError,
  GoneError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RateLimiter,
  TimeoutError,
  UnexpectedResponseError,
  UnprocessableEntityError,
} from '@x/core';
export type { Client } from '@x/core/client';
export {
  type BatchOptions,
  type ChunkOptions,
  chunk,
  chunkForQuery,
  getLatestVersionsFromHashesBatched,
  getProjectsBatched,
  getUsersBatched,
  getVersionsBatched,
  type HashAlgorithm,
  type HashBatchOptions,
  type UpdateFilter,
  versionsFromHashesBatched,
} from './batch.js';
export {
  createModrinthClient,
  DEFAULT_USER_AGENT,
  GONE_MESSAGE,
  MODRINTH_API_URL,
  MODRINTH_RATE_LIMIT,
  MODRINTH_STAGING_API_URL,
  type ModrinthCallOptions,
  type ModrinthClient,
  type ModrinthClientOptions,
  parseModrinthError,
} from './client.js';
export {
  type DownloadableFile,
  type DownloadClient,
  DownloadError,
  type DownloadFailure,
  type DownloadFields,
  type DownloadOptions,
  downloadVersionFile,
  HashMismatchError,
  primaryFile,
} from './download.js';
export {
  FacetError,
  type FacetOperator,
  FacetsBuilder,
  type FacetType,
  type FacetValue,
  facet,
  facets,
} from './facets.js';
export { client as defaultClient } from './generated/client.gen.js';
export type * from './generated/types.gen.js';
export { type FileHashes, type HashSource, hashBytes } from './hashing.js';
export { type Dated, isNewerVersion } from './newer.js';
// Generated operations (named by operationId), but for the six replaced by
// hand-written upload functions with names of their own (see operations.ts).
export * from './operations.js';
export { modrinthQuerySerializer } from './query.js';
export { type SearchAllOptions, searchAll } from './search.js';
export {
  type CheckUpdatesOptions,
  checkUpdates,
  type HashedFile,
  type UpdateCheck,
} from './updates.js';
export {
  type AddFilesUpload,
  addFilesToVersionBody,
  buildMultipart,
  type CreateProjectUpload,
  type CreateVersionUpload,
  createProjectBody,
  createVersionBody,
  type ImageBody,
  type ImageExtension,
  imageContentType,
  type MultipartBody,
  type MultipartPart,
  type UploadData,
  UploadError,
  type UploadFile,
  type UploadProjectOptions,
  type UploadVersionFilesOptions,
  type UploadVersionOptions,
  uploadGalleryImage,
  uploadProject,
  uploadProjectIcon,
  uploadUserIcon,
  uploadVersion,
  uploadVersionFiles,
} from './uploads.js';
export { VERSION } from './version.js';
