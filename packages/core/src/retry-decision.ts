// What the retry loop does after a failed attempt: whether and when to try
// again, told to `onRetry` and the logger. Only a failure needs it, so the
// browser build loads it then (see `lazy.ts`); the loop itself never names
// an error class.
import { isOnOrigin } from './auth.js';
import { ApiError, ConnectionError, CoreError, RateLimitError, TimeoutError } from './errors.js';
import { runHooks } from './hooks.js';
import { sleep } from './internal/sleep.js';
import type { PreparedCall } from './prepare.js';
import type { RateLimiter } from './rate-limit.js';
import { redactUrl } from './redact-url.js';
import { backoffDelay, DEFAULT_RETRY, type ResolvedRetryOptions } from './retry-policy.js';
import type { Settings } from './settings.js';
import { linkSignals } from './timeout.js';

const ONE_SHOT_NOTE = 'not retried: the request body is a one-shot stream that cannot be replayed';

/**
 * How long to wait before retrying after `error`, or `undefined` when it is
 * not retried: a network failure or a timeout backs off; an `ApiError` is
 * retried when its status (or `x-should-retry`) allows, after the server's
 * hint if it sent one no longer than `maxRetryAfterMs`.
 */
export function retryDelay(
  error: unknown,
  retryNumber: number,
  policy: ResolvedRetryOptions,
): number | undefined {
  if (error instanceof ConnectionError || error instanceof TimeoutError) {
    return backoffDelay(retryNumber, policy);
  }
  if (!(error instanceof ApiError)) return undefined;
  const header = error.headers['x-should-retry']?.trim().toLowerCase();
  const retryable =
    header === 'true' || (header !== 'false' && policy.statusCodes.includes(error.status));
  if (!retryable) return undefined;
  if (error.retryAfterMs === undefined) return backoffDelay(retryNumber, policy);
  return error.retryAfterMs <= policy.maxRetryAfterMs ? error.retryAfterMs : undefined;
}

/** The retry loop's state across attempts, read and updated by {@link afterFailure}. */
export interface RetryLoop {
  readonly maxAttempts: number;
  /** Epoch ms of the call's deadline (`totalTimeoutMs`), if any. */
  readonly deadline: number | undefined;
  /** The policy retries this call's method. */
  readonly retried: boolean;
  readonly signals: readonly AbortSignal[];
  /** The waits 429s asked for so far. */
  hintedMs: number;
}

/**
 * After attempt `number` failed with `error`: throws it (with `attempts`
 * set) when it is not retried, else announces the retry and waits for it.
 */
export async function afterFailure(
  settings: Settings,
  call: PreparedCall,
  error: unknown,
  number: number,
  loop: RetryLoop,
): Promise<void> {
  const policy = settings.retry;
  if (error instanceof CoreError) error.attempts ??= number;
  // A 429 that says how long to wait is retried beyond `maxRetries` while
  // the waits it asked for add up to no more than `maxRetryAfterMs`: a
  // burst is slower, but loses no call.
  const hinted = hintedRateLimit(settings, error, call);
  const again =
    number < loop.maxAttempts ||
    (hinted !== undefined && loop.hintedMs + hinted <= (policy ? policy.maxRetryAfterMs : 0));
  const delayMs = policy && again ? retryDelay(error, number, policy) : undefined;
  if (hinted !== undefined && delayMs !== undefined) loop.hintedMs += delayMs;
  const { deadline } = loop;
  if (delayMs === undefined || (deadline !== undefined && Date.now() + delayMs >= deadline)) {
    // A failure the policy would retry, but the body was a one-shot stream: say so.
    const oneShot = loop.retried && !call.replayable && policy && policy.maxRetries > 0;
    if (oneShot && error instanceof CoreError && retryDelay(error, number, policy) !== undefined) {
      error.message += ` (${ONE_SHOT_NOTE})`;
    }
    throw error;
  }
  await announceRetry(settings, call, error as CoreError, number, delayMs);
  // The API's 429 paused the limiter until its wait ends: wait in its queue
  // as a retry (ahead of the calls that have not started), not beside it.
  if (!heldByPause(settings, error, delayMs)) await sleepOrAbort(delayMs, loop.signals);
}

/** Waits `ms` unless a signal aborts first. */
async function sleepOrAbort(ms: number, signals: readonly AbortSignal[]): Promise<void> {
  const link = linkSignals(signals, undefined);
  try {
    await sleep(ms, link.signal);
  } finally {
    link.clear();
  }
}

/**
 * The wait of a 429 with a hint (header or body), when the call may be
 * retried at all (a retried method, a replayable body, `maxRetries` > 0).
 */
function hintedRateLimit(
  settings: Settings,
  error: unknown,
  call: PreparedCall,
): number | undefined {
  if (!(error instanceof ApiError) || error.status !== 429 || error.retryAfterMs === undefined)
    return undefined;
  const { retry } = settings;
  if (retry === false || retry.maxRetries <= 0 || !call.replayable) return undefined;
  return settings.retryNonIdempotent || retry.methods.includes(call.method)
    ? error.retryAfterMs
    : undefined;
}

/** The wait is the API's 429 hint, which paused the limiter until the same moment. */
function heldByPause(settings: Settings, error: unknown, delayMs: number): boolean {
  return (
    error instanceof ApiError &&
    error.status === 429 &&
    error.retryAfterMs === delayMs &&
    isOnOrigin(error.url, settings.apiOrigin) &&
    settings.limiter !== false &&
    settings.limiter.pausedUntil > Date.now()
  );
}

async function announceRetry(
  settings: Settings,
  call: PreparedCall,
  error: CoreError,
  attempt: number,
  delayMs: number,
): Promise<void> {
  const url = redactUrl(call.url);
  settings.logger?.debug('retry', {
    method: call.method,
    url,
    attempt,
    delayMs,
    error: error.message,
  });
  if (settings.hooks.length === 0) return;
  await runHooks(settings.hooks, 'onRetry', { method: call.method, url, error, attempt, delayMs });
}

/** The `TimeoutError` of a call whose deadline passed while it waited for a limiter slot. */
export function slotTimeout(
  settings: Settings,
  call: Pick<PreparedCall, 'method' | 'url'>,
  attemptsSoFar: number,
): TimeoutError {
  const timeoutMs = settings.retry ? (settings.retry.totalTimeoutMs ?? 0) : 0;
  const timeout = new TimeoutError({ method: call.method, url: call.url, timeoutMs });
  timeout.attempts = attemptsSoFar;
  return timeout;
}

/**
 * While the server has asked for a pause longer than `maxRetryAfterMs`, a
 * call fails at once with a `RateLimitError` saying how long is left, rather
 * than blocking silently. Raise `retry.maxRetryAfterMs` to wait instead.
 */
export function failFastWhilePaused(
  settings: Settings,
  limiter: RateLimiter,
  call: { method: string; url: string },
): void {
  const until = limiter.pausedUntil;
  if (until === 0) return;
  const maxWait = (settings.retry || DEFAULT_RETRY).maxRetryAfterMs;
  const left = until - Date.now();
  if (left <= maxWait) return;
  // A hostile reset (`1e300` s) is past what a Date can say.
  const end = Number.isFinite(new Date(until).getTime())
    ? new Date(until).toISOString()
    : 'past year 275760';
  throw new RateLimitError({
    status: 429,
    method: call.method,
    url: call.url,
    apiMessage: `not sent: the API asked for a pause of ${Math.ceil(left / 1000)} s more (until ${end}), longer than retry.maxRetryAfterMs (${maxWait} ms); raise it to wait instead`,
    retryAfterMs: left,
  });
}
