/** A signal that follows several signals plus an optional timeout. */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  /** True once the timeout (not a parent) aborted the signal. */
  readonly timedOut: boolean;
  /** Clears the timer. Parent links stay only where the platform holds them weakly (`AbortSignal.any`). */
  clear(): void;
}

type AnyFn = (signals: AbortSignal[]) => AbortSignal;

/**
 * Combines `parents` (any of which aborts the result with its reason) with a
 * timeout that aborts it with a `TimeoutError` DOMException. Call `clear()`
 * when done so no timer is left behind.
 */
export function linkSignals(
  parents: readonly (AbortSignal | undefined)[],
  timeoutMs: number | undefined,
): LinkedSignal {
  const controller = new AbortController();
  const live = parents.length === 0 ? parents : parents.filter((s) => s !== undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  let cleanups: (() => void)[] | undefined;
  const any = (AbortSignal as unknown as { any?: AnyFn }).any;

  let signal: AbortSignal;
  if (live.length === 0) {
    signal = controller.signal;
  } else if (any) {
    signal = any.call(AbortSignal, [...(live as AbortSignal[]), controller.signal]);
  } else {
    signal = controller.signal;
    cleanups = [];
    for (const parent of live as AbortSignal[]) {
      if (parent.aborted) {
        controller.abort(parent.reason);
        break;
      }
      const onAbort = () => controller.abort(parent.reason);
      parent.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => parent.removeEventListener('abort', onAbort));
    }
  }

  if (timeoutMs !== undefined && Number.isFinite(timeoutMs) && !signal.aborted) {
    timer = setTimeout(
      () => {
        timer = undefined;
        timedOut = true;
        controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
      },
      Math.max(0, timeoutMs),
    );
  }

  return {
    signal,
    get timedOut() {
      return timedOut;
    },
    clear() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (cleanups) for (const c of cleanups.splice(0)) c();
    },
  };
}
