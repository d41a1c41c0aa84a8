/**
 * The public API of `@x/core`, the runtime behind the SDKs, is this file;
 * `@x/core/internal` holds what the SDKs share and may change in any release.
 */
export { createCoreFetch } from './core-fetch.js';
export {
  ApiError,
  type ApiErrorInit,
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
  TimeoutError,
  UnexpectedResponseError,
  UnprocessableEntityError,
} from './errors.js';
export {
  type OffsetPage,
  type PagedPage,
  type PaginatedIterable,
  type PaginateOffsetOptions,
  type PaginatePagesOptions,
  paginateOffset,
  paginatePages,
} from './pagination.js';
export {
  type AcquireOptions,
  RateLimiter,
  type RateLimiterOptions,
  type RateLimitObservation,
  type RateLimitStore,
  type RateLimitTicket,
  type Release,
  type ServerLimit,
} from './rate-limit.js';
export { redactUrl } from './redact-url.js';
export type {
  AfterResponseState,
  BeforeRequestState,
  CallOptions,
  CoreConfig,
  CoreFetch,
  FetchLike,
  Hook,
  Hooks,
  Logger,
  ParsedErrorBody,
  PublicCoreConfig,
  RateLimitHeaderNames,
  RateLimitWaitState,
  RetryOptions,
  RetryState,
  TokenProvider,
} from './types.js';
export { VERSION } from './version.js';
