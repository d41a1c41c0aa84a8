import { runAttempt } from './attempt.js';
import { isOnOrigin, readToken } from './auth.js';
import { ApiError, ConnectionError, CoreError, TimeoutError } from './errors.js';
import { runHooks } from './hooks.js';
import { sleep } from './internal/sleep.js';
import type { PreparedCall } from './prepare.js';
import type { RateLimiter, Release } from './rate-limit.js';
import { failFastWhilePaused } from './rate-limit-observer.js';
import { redactUrl } from './redact.js';
import { backoffDelay, type ResolvedRetryOptions } from './retry-policy.js';
import type { Settings } from './settings.js';
import { linkSignals } from './timeout.js';

const ONE_SHOT_NOTE = 'not retried: the request body is a one-shot stream that cannot be replayed';

/** Whether the policy retries this method (idempotent ones, or any with `retryNonIdempotent`). */
export function retriesMethod(settings: Settings, method: string): boolean {
  const { retry } = settings;
  return retry !== false && (settings.retryNonIdempotent || retry.methods.includes(method));
}

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

function throwIfAborted(signals: readonly AbortSignal[]): void {
  for (const signal of signals) if (signal.aborted) throw signal.reason;
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
 * A limiter slot, abortable by the caller and bounded by the call's deadline.
 * Not an async function: a call queued without a deadline holds only the
 * limiter's own promise (the heap benchmark's 10,000 queued calls).
 */
function takeSlot(
  settings: Settings,
  call: Pick<PreparedCall, 'method' | 'url'>,
  signals: readonly AbortSignal[],
  deadline: number | undefined,
  attemptsSoFar: number,
): Release | undefined | Promise<Release | undefined> {
  const { limiter } = settings;
  if (!limiter) return undefined;
  failFastWhilePaused(settings, limiter, call);
  const now = limiter.tryAcquire();
  if (now) return now;
  // A retry keeps its place: it goes ahead of calls that have not started.
  const retry = attemptsSoFar > 0;
  // No deadline and at most one signal: the limiter takes the signal itself.
  // Skipping the linked signal saves ~1 KB per queued call (heap benchmark).
  const pending =
    deadline === undefined && signals.length <= 1
      ? limiter.acquire({ signal: signals[0], retry })
      : queueWithDeadline(settings, limiter, call, signals, deadline, attemptsSoFar);
  // Nobody to tell (no logger, no hook): no timer per queued call.
  if (!settings.logger && settings.hooks.length === 0) return pending;
  return reportSlowSlot(settings, limiter, call, pending);
}

/** A call waiting longer than this for its slot is reported (logger and `onRateLimitWait`). */
export const SLOW_SLOT_MS = 5000;

/** Reports once, through the logger and `onRateLimitWait`, a slot that takes over {@link SLOW_SLOT_MS}. */
function reportSlowSlot<T>(
  settings: Settings,
  limiter: RateLimiter,
  call: Pick<PreparedCall, 'method' | 'url'>,
  pending: Promise<T>,
): Promise<T> {
  const queuedAt = Date.now();
  const timer = setTimeout(() => {
    const now = Date.now();
    const waitedMs = now - queuedAt;
    const detail = limiter.waitReason();
    const untilMs = Math.max(now, limiter.pausedUntil);
    const url = redactUrl(call.url);
    settings.logger?.debug('rate limit wait', { method: call.method, url, waitedMs, detail });
    if (settings.hooks.length === 0) return;
    const state = {
      reason: 'slow-slot',
      untilMs,
      waitMs: untilMs - now,
      waitedMs,
      detail,
    } as const;
    void runHooks(settings.hooks, 'onRateLimitWait', state).catch(() => {});
  }, SLOW_SLOT_MS);
  // A report is no reason to keep the process alive.
  (timer as { unref?: () => void }).unref?.();
  const clear = () => clearTimeout(timer);
  pending.then(clear, clear);
  return pending;
}

/** Waits for a slot under the call's signals and deadline (a `TimeoutError` when it passes). */
async function queueWithDeadline(
  settings: Settings,
  limiter: RateLimiter,
  call: Pick<PreparedCall, 'method' | 'url'>,
  signals: readonly AbortSignal[],
  deadline: number | undefined,
  attemptsSoFar: number,
): Promise<Release | undefined> {
  const retry = attemptsSoFar > 0;
  const link = linkSignals(signals, deadline === undefined ? undefined : deadline - Date.now());
  try {
    return await limiter.acquire({ signal: link.signal, retry });
  } catch (error) {
    if (!link.timedOut) throw error;
    const timeoutMs = settings.retry ? (settings.retry.totalTimeoutMs ?? 0) : 0;
    const timeout = new TimeoutError({ method: call.method, url: call.url, timeoutMs });
    timeout.attempts = attemptsSoFar;
    throw timeout;
  } finally {
    link.clear();
  }
}

/**
 * The retry loop: for each attempt, a limiter slot, a fresh token, then the
 * attempt; after a failure, the wait the policy asks for (announced to
 * `onRetry`), unless the attempts or the call's deadline (`totalTimeoutMs`)
 * are used up, in which case the last error is thrown with `attempts` set.
 */
export async function runWithRetries(settings: Settings, call: PreparedCall): Promise<Response> {
  const policy = settings.retry;
  const retried = policy !== false && retriesMethod(settings, call.method);
  const maxAttempts = retried && call.replayable ? policy.maxRetries + 1 : 1;
  const deadline =
    policy && policy.totalTimeoutMs !== undefined ? Date.now() + policy.totalTimeoutMs : undefined;
  const signals = call.signal ? [call.signal, ...settings.signals] : settings.signals;
  /** The waits 429s asked for so far. */
  let hintedMs = 0;
  for (let number = 1; ; number++) {
    throwIfAborted(signals);
    let error: unknown;
    let release: Release | undefined;
    try {
      release = await takeSlot(settings, call, signals, deadline, number - 1);
      const timeoutMs =
        deadline === undefined
          ? settings.timeoutMs
          : Math.min(settings.timeoutMs, deadline - Date.now());
      const provider = call.useToken ? settings.config.token : undefined;
      const token = provider === undefined ? undefined : await readToken(provider);
      return await runAttempt({ settings, call, number, token, timeoutMs, signals, release });
    } catch (caught) {
      error = caught;
    } finally {
      release?.();
    }
    throwIfAborted(signals);
    if (error instanceof CoreError) error.attempts ??= number;
    // A 429 that says how long to wait is retried beyond `maxRetries` while
    // the waits it asked for add up to no more than `maxRetryAfterMs`: a
    // burst is slower, but loses no call.
    const hinted = hintedRateLimit(settings, error, call);
    const again =
      number < maxAttempts ||
      (hinted !== undefined && hintedMs + hinted <= (policy ? policy.maxRetryAfterMs : 0));
    const delayMs = policy && again ? retryDelay(error, number, policy) : undefined;
    if (hinted !== undefined && delayMs !== undefined) hintedMs += delayMs;
    if (delayMs === undefined || (deadline !== undefined && Date.now() + delayMs >= deadline)) {
      // A failure the policy would retry, but the body was a one-shot stream: say so.
      const oneShot = retried && !call.replayable && policy.maxRetries > 0;
      if (
        oneShot &&
        error instanceof CoreError &&
        retryDelay(error, number, policy) !== undefined
      ) {
        error.message += ` (${ONE_SHOT_NOTE})`;
      }
      throw error;
    }
    await announceRetry(settings, call, error as CoreError, number, delayMs);
    // The API's 429 paused the limiter until its wait ends: wait in its queue
    // as a retry (ahead of the calls that have not started), not beside it.
    if (!heldByPause(settings, error, delayMs)) await sleepOrAbort(delayMs, signals);
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
  return retriesMethod(settings, call.method) ? error.retryAfterMs : undefined;
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
