/**
 * `@x/core/internal`: what the @x SDKs share beyond the public API. Not for
 * applications: it may change in any release.
 */
export { defaultParseErrorBody } from './error-response.js';
export {
  createSdkClient,
  type HeyApiClient,
  type SdkClient,
  type SdkClientSpec,
  type SdkFetch,
  sdkFetch,
} from './hey-api.js';
export { type ReservedInit, withUrl } from './prepare.js';
export { DEFAULT_MAX_REDIRECTS, firstHop, type Hop, nextHop } from './redirects.js';
export { ServerBudget } from './server-budget.js';
