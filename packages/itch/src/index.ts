// @x/core's errors, so `instanceof` works with imports from this package;
// the HTTP ones with itch's error body typed (`errors`).
export {
  ConnectionError,
  CoreError,
  type PaginatedIterable,
  RateLimiter,
  TimeoutError,
  UnexpectedResponseError,
} from '@x/core';
export type {
  Client,
  ClientMeta,
  Config,
  Options as RequestOptions,
  RequestResult,
  TDataShape,
} from '@x/core/client';
export { type PlanUpgradeOptions, planUpgrade, type UpgradeStep, upgradeSteps } from './builds.js';
export {
  createItchClient,
  DEFAULT_BASE_URL,
  DEFAULT_RATE_LIMIT,
  DEFAULT_USER_AGENT,
  type ItchCallOptions,
  type ItchClient,
  type ItchClientOptions,
  type ItchCredential,
} from './client.js';
export {
  downloadUpload,
  type OpenDownloadSessionOptions,
  openDownloadSession,
  resolveUploadDownloadUrl,
  type UploadDownloadOptions,
  uploadDownloadUrl,
} from './downloads.js';
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  GoneError,
  InternalServerError,
  type ItchError,
  type ItchErrorBody,
  type ItchErrorClass,
  NotFoundError,
  PermissionDeniedError,
  parseItchErrorBody,
  RateLimitError,
  UnprocessableEntityError,
} from './errors.js';
export { client } from './generated/client.gen.js';
export * from './generated/sdk.gen.js';
export type * from './generated/types.gen.js';
export {
  LoginError,
  type LoginFailureReason,
  type LoginOptions,
  type LoginResult,
  login,
} from './login.js';
export { normalizeResponse, parseItchDate } from './normalize.js';
export {
  iterateBundleGames,
  iterateCollectionGames,
  iterateOwnedKeys,
  iterateProfileBuilds,
  iterateProfileCollections,
  iterateProfileGames,
  iterateSearchGames,
  iterateSearchUsers,
  type ListOptions,
  type PagedOptions,
} from './pagination.js';
export { VERSION } from './version.js';
