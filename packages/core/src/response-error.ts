// How an attempt ends when it failed: the typed error of a status >= 400
// (its body read, its wait hints applied, the limiter told), or of a request
// that got no answer. Only a failure needs it, so the browser build loads
// it then (see `lazy.ts`).
import type { Attempt } from './attempt.js';
import { CREDENTIAL_HEADERS, headerRecord } from './auth.js';
import { errorFromResponse } from './error-response.js';
import { type ApiError, ConnectionError, TimeoutError } from './errors.js';
import { isNetworkFailure } from './network-failure.js';
import { observeRateLimit } from './rate-limit-observer.js';
import type { Hop } from './redirects.js';
import { clampHint, retryAfterHint } from './retry-hints.js';
import { DEFAULT_RETRY } from './retry-policy.js';

/**
 * The typed `ApiError` of an answer with status >= 400 that `hop` received
 * at `receivedAt`; the limiter hears of it (and the slot is released) before
 * it is returned.
 */
export async function responseError(
  attempt: Attempt,
  response: Response,
  hop: Hop,
  receivedAt: number,
  fromApi: boolean,
): Promise<ApiError> {
  const { settings, release } = attempt;
  const now = Date.now();
  const policy = settings.retry || DEFAULT_RETRY;
  // `Retry-After` first, then the wait the body states (an SDK's
  // `retryAfterFromBody`), then the rate-limit reset: a token bucket's
  // reset is the time until it is full, far longer than its next token.
  const hint = retryAfterHint(response.headers, response.status, undefined, now);
  const names = settings.config.rateLimitHeaders;
  const resetHint =
    hint === undefined && names
      ? retryAfterHint(response.headers, response.status, names, now)
      : undefined;
  const retryAfterMs = hint === undefined ? undefined : clampHint(hint, policy);
  // Read first: without a header, the wait may be in the body (an SDK's
  // `retryAfterFromBody`), and the limiter must hear it.
  const error = await errorFromResponse(response, {
    method: hop.method,
    url: hop.url,
    secrets: secretsOf(attempt),
    retryAfterMs,
    parseErrorBody: settings.config.parseErrorBody,
    retryAfterFromBody: settings.config.retryAfterFromBody,
    fallbackRetryAfterMs: resetHint === undefined ? undefined : clampHint(resetHint, policy),
    clampHint: (ms) => clampHint(ms, policy),
  });
  observeRateLimit(settings, response, error.retryAfterMs, release, receivedAt, fromApi);
  release?.(receivedAt);
  return error;
}

/**
 * The error of an attempt whose request got no answer: a `TimeoutError`
 * when its timer fired, a `ConnectionError` for a network failure; anything
 * else (a custom fetch's own error, an invalid header) is returned unchanged.
 */
export function sendFailure(
  hop: Hop,
  timeoutMs: number,
  error: unknown,
  timedOut: boolean,
): unknown {
  if (timedOut) return new TimeoutError({ method: hop.method, url: hop.url, timeoutMs });
  if (isNetworkFailure(error))
    return new ConnectionError({ method: hop.method, url: hop.url, cause: error });
  return error;
}

/** Credential values in play on this attempt, to scrub from errors. */
function secretsOf(attempt: Attempt): string[] {
  const secrets: string[] = [];
  if (attempt.token) secrets.push(attempt.token, attempt.settings.authScheme(attempt.token));
  const own = headerRecord(attempt.call.headers);
  for (const name of CREDENTIAL_HEADERS) {
    const value = own[name];
    if (!value) continue;
    secrets.push(value);
    const space = value.indexOf(' ');
    if (space > 0) secrets.push(value.slice(space + 1));
  }
  return secrets;
}
