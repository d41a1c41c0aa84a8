/**
 * @x/itch: the itch.io API, every operation typed and wired to @x/core
 * (retries, rate limit, typed errors), camelCase in and out.
 *
 * ```ts
 * const itch = createItchClient({ apiKey: process.env.ITCH_API_KEY });
 * const { game } = await itch.getGame(3);
 * ```
 *
 * Every operation is a method of the client; `@x/itch/operations` has the
 * same operations as standalone, tree-shakable functions, and the
 * per-operation `*Data`/`*Responses` types.
 */
// @x/core's errors, so `instanceof` works with imports from this package;
// the HTTP ones with itch's error body typed (`errors`).
export {
  type CallOptions,
  ConnectionError,
  CoreError,
  type PaginatedIterable,
  RateLimiter,
  type RetryOptions,
  TimeoutError,
  UnexpectedResponseError,
} from '@x/core';
export type { OperationOptions } from '@x/core/client';
export { type UpgradeStep, upgradeSteps } from './builds.js';
export {
  DEFAULT_BASE_URL,
  DEFAULT_RATE_LIMIT,
  DEFAULT_USER_AGENT,
  type ItchClientOptions,
  type ItchCredential,
} from './client.js';
export type { AccessInput, UploadDownloadInput } from './downloads.js';
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
  RateLimitError,
  UnprocessableEntityError,
} from './errors.js';
// The schemas' types (`Game`, `Upload`...); the per-operation ones are in `@x/itch/operations`.
export type * from './generated/models.gen.js';
export { createItchClient, ItchClient } from './itch-client.js';
export {
  LoginError,
  type LoginFailureReason,
  type LoginInput,
  type LoginResult,
} from './login.js';
export { parseItchDate } from './normalize.js';
export type { PagedInput } from './pagination.js';
export { VERSION } from './version.js';
