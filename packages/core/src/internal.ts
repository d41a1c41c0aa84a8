/**
 * `@x/core/internal`: what the @x SDKs share beyond the public API. Not for
 * applications: it may change in any release.
 */
export { defaultParseErrorBody } from './error-response.js';
export { sleep } from './internal/sleep.js';
export { platformOwnsRedirects } from './platform.js';
export { type CoreInit, WITHOUT_TOKEN } from './prepare.js';
export { DEFAULT_MAX_REDIRECTS, firstHop, type Hop, nextHop } from './redirects.js';
export { backoffDelay, type ResolvedRetryOptions, resolveRetry } from './retry-policy.js';
export { headersOf, overridesOf, transportOf } from './sdk-client/operation.js';
export { ServerBudget } from './server-budget.js';
