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
 * A class, not an object literal with a `timedOut` getter: V8 builds such
 * literals through a runtime call, ~1 µs each, and one is made per attempt.
 */
class Link implements LinkedSignal {
  readonly signal: AbortSignal;
  readonly #controller: AbortController;
  #timedOut = false;
  #timer: ReturnType<typeof setTimeout> | undefined = undefined;
  #cleanups: (() => void)[] | undefined = undefined;

  constructor(controller: AbortController, signal: AbortSignal) {
    this.#controller = controller;
    this.signal = signal;
  }

  get timedOut(): boolean {
    return this.#timedOut;
  }

  /** An arrow, so `const { clear } = link` and `p.finally(link.clear)` work. */
  readonly clear = (): void => {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#cleanups) for (const c of this.#cleanups.splice(0)) c();
  };

  follow(parents: readonly AbortSignal[]): void {
    const cleanups: (() => void)[] = [];
    this.#cleanups = cleanups;
    const controller = this.#controller;
    for (const parent of parents) {
      if (parent.aborted) {
        controller.abort(parent.reason);
        break;
      }
      const onAbort = () => controller.abort(parent.reason);
      parent.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => parent.removeEventListener('abort', onAbort));
    }
  }

  startTimer(timeoutMs: number): void {
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#timedOut = true;
        this.#controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
      },
      Math.max(0, timeoutMs),
    );
  }
}

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
  const any = (AbortSignal as unknown as { any?: AnyFn }).any;

  let link: Link;
  if (live.length === 0) {
    link = new Link(controller, controller.signal);
  } else if (any) {
    link = new Link(
      controller,
      any.call(AbortSignal, [...(live as AbortSignal[]), controller.signal]),
    );
  } else {
    link = new Link(controller, controller.signal);
    link.follow(live as AbortSignal[]);
  }

  if (timeoutMs !== undefined && Number.isFinite(timeoutMs) && !link.signal.aborted) {
    link.startTimer(timeoutMs);
  }
  return link;
}
