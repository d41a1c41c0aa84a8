/**
 * `@x/core/internal`: what the @x SDKs share beyond the public API. Not for
 * applications: it may change in any release. It never reaches the error
 * classes (`errors.ts`), so the SDKs' own code on every call's path imports
 * from here and `@x/core/client`, not `@x/core`, and the browser build's
 * failure path stays a chunk of its own in a bundle (see `lazy.browser.ts`).
 * `CoreError`, `RateLimiter`, `redactUrl` and the paginators are re-exported
 * for that reason.
 */

export { chunkFailed } from './chunk-error.js';
export { CoreError } from './core-error.js';
export { defaultParseErrorBody } from './error-body.js';
export { sleep } from './internal/sleep.js';
export { paginateOffset, paginatePages } from './pagination.js';
export { platformOwnsRedirects } from './platform.js';
export { type CoreInit, WITHOUT_TOKEN } from './prepare.js';
export { RateLimiter } from './rate-limit.js';
export { redactUrl } from './redact-url.js';
export { DEFAULT_MAX_REDIRECTS, firstHop, type Hop, nextHop } from './redirects.js';
export { backoffDelay, type ResolvedRetryOptions, resolveRetry } from './retry-policy.js';
export { headersOf, overridesOf, transportOf } from './sdk-client/operation.js';
export { ServerBudget } from './server-budget.js';
