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
  GoneError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RateLimiter,
  TimeoutError,
  UnprocessableEntityError,
} from '@x/core';
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
  FacetError,
  type FacetOperator,
  FacetsBuilder,
  type FacetType,
  type FacetValue,
  facet,
  facets,
} from './facets.js';
export type { Client } from './generated/client/index.js';
export { client as defaultClient } from './generated/client.gen.js';
// Generated operations (named by operationId) and types. The six upload
// operations are re-exported below in hand-written form (multipart / raw image
// bodies the generator does not produce correctly); they shadow these.
export * from './generated/sdk.gen.js';
export type * from './generated/types.gen.js';
export { type FileHashes, type HashSource, hashBytes } from './hashing.js';
export { modrinthQuerySerializer } from './query.js';
export { type SearchAllOptions, searchAll } from './search.js';
export {
  type CheckUpdatesOptions,
  checkUpdates,
  type HashedFile,
  type UpdateCheck,
} from './updates.js';
export {
  type AddFilesToVersionOptions,
  type AddFilesUpload,
  addFilesToVersion,
  addFilesToVersionBody,
  addGalleryImage,
  buildMultipart,
  type CreateProjectOptions,
  type CreateProjectUpload,
  type CreateVersionOptions,
  type CreateVersionUpload,
  changeProjectIcon,
  changeUserIcon,
  createProject,
  createProjectBody,
  createVersion,
  createVersionBody,
  type ImageBody,
  type ImageExtension,
  imageContentType,
  type MultipartBody,
  type MultipartPart,
  type UploadData,
  UploadError,
  type UploadFile,
} from './uploads.js';
export { VERSION } from './version.js';
