export { applyAuth, bearer, resolveToken } from './auth.js';
export { dropCallOptions } from './client-compat.js';
export {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  CoreError,
  createApiError,
  defaultParseErrorBody,
  GoneError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  parseBody,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
} from './errors.js';
export { createCoreFetch, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS } from './fetch.js';
export {
  type OffsetPage,
  type PagedPage,
  type PaginatedIterable,
  type PaginateOffsetOptions,
  type PaginatePagesOptions,
  paginateOffset,
  paginatePages,
} from './pagination.js';
export { RateLimiter, type RateLimiterOptions, type Release } from './rate-limit.js';
export {
  isSensitiveHeader,
  isSensitiveParam,
  REDACTED,
  redactHeaders,
  redactUrl,
} from './redact.js';
export {
  backoffDelay,
  clampHint,
  DEFAULT_RETRY,
  parseReset,
  type RateLimitInfo,
  type ResolvedRetryOptions,
  readRateLimitHeaders,
  resolveRetry,
  retryAfterHint,
  shouldRetryHeader,
} from './retry.js';
export { type LinkedSignal, linkSignals } from './timeout.js';
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
  PublicCoreConfig,
  RateLimitHeaderNames,
  RateLimitWaitState,
  RetryOptions,
  RetryState,
  TokenProvider,
} from './types.js';
export { VERSION } from './version.js';
