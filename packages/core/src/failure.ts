/**
 * Everything only a failure needs, in one module the browser build loads
 * with `import()` on the first failure (see `lazy.ts`): the typed errors and
 * what builds them (`error-response.ts`, header redaction, `Retry-After`),
 * the retry decision, the limiter's fail-fast. An application bundled with
 * code splitting downloads it only then.
 */
export { UnexpectedResponseError } from './errors.js';
export { opaqueError } from './opaque-error.js';
export { responseError, sendFailure } from './response-error.js';
export { afterFailure, failFastWhilePaused, slotTimeout } from './retry-decision.js';
