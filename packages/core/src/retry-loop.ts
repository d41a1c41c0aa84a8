import { runAttempt } from './attempt.js';
import { readToken } from './auth.js';
import { runHooks } from './hooks.js';
import { failurePath } from './lazy.js';
import type { PreparedCall } from './prepare.js';
import type { RateLimiter, Release } from './rate-limit.js';
import { redactUrl } from './redact-url.js';
import type { RetryLoop } from './retry-decision.js';
import { DEFAULT_RETRY } from './retry-policy.js';
import type { Settings } from './settings.js';
import { linkSignals } from './timeout.js';

/** Whether the policy retries this method (idempotent ones, or any with `retryNonIdempotent`). */
export function retriesMethod(settings: Settings, method: string): boolean {
  const { retry } = settings;
  return retry !== false && (settings.retryNonIdempotent || retry.methods.includes(method));
}

function throwIfAborted(signals: readonly AbortSignal[]): void {
  for (const signal of signals) if (signal.aborted) throw signal.reason;
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
  // Paused longer than the policy waits: the failure path throws the `RateLimitError`.
  const until = limiter.pausedUntil;
  if (until !== 0 && until - Date.now() > (settings.retry || DEFAULT_RETRY).maxRetryAfterMs) {
    const m = failurePath();
    const failFast = (f: Awaited<typeof m>) => {
      f.failFastWhilePaused(settings, limiter, call);
      return takeSlot(settings, call, signals, deadline, attemptsSoFar);
    };
    return m instanceof Promise ? m.then(failFast) : failFast(m);
  }
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
    const m = failurePath();
    throw (m instanceof Promise ? await m : m).slotTimeout(settings, call, attemptsSoFar);
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
  const loop: RetryLoop = { maxAttempts, deadline, retried, signals, hintedMs: 0 };
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
    // Retried or thrown, announced, waited for: decided by the failure path.
    const m = failurePath();
    await (m instanceof Promise ? await m : m).afterFailure(settings, call, error, number, loop);
  }
}
