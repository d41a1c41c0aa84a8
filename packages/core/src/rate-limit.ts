/** Options of a {@link RateLimiter}. */
export interface RateLimiterOptions {
  /**
   * Most requests started in any window of `intervalMs` (sliding window).
   * @default Infinity
   */
  maxRequests?: number;
  /**
   * Window length in ms.
   * @default 1000
   */
  intervalMs?: number;
  /**
   * Most requests in flight at once.
   * @default Infinity
   */
  maxConcurrent?: number;
  /**
   * Clock (epoch ms), injectable for tests. Timers use the global `setTimeout`.
   * @default Date.now
   */
  now?: () => number;
}

/** Frees the slot taken by `acquire`. Calling it more than once is harmless. */
export type Release = () => void;

/** A queued request: kept tiny (10,000 queued cost well under 20 MB). */
interface Waiter {
  resolve: (release: Release) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  done: boolean;
}

const MAX_RING = 1_000_000;

/**
 * A client-side limiter: at most `maxRequests` starts in any `intervalMs`
 * window and `maxConcurrent` in flight, first come first served. Queued
 * callers can abort. It can be paused until a time (`pauseUntil`), which
 * CoreFetch does when the API's rate-limit headers say the window is used
 * up, so queued requests wait for the reset instead of collecting 429s.
 *
 * One instance can be shared by several clients to share one budget.
 */
export class RateLimiter {
  readonly maxRequests: number;
  readonly intervalMs: number;
  readonly maxConcurrent: number;
  readonly #now: () => number;
  /** Start times of the last `maxRequests` starts (ring buffer), when the window is bounded. */
  readonly #ring: Float64Array | undefined;
  #ringHead = 0;
  #ringCount = 0;
  #queue: (Waiter | undefined)[] = [];
  #queueHead = 0;
  #waiting = 0;
  #running = 0;
  #pausedUntil = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = 0;

  constructor(options: RateLimiterOptions = {}) {
    this.maxRequests = options.maxRequests ?? Number.POSITIVE_INFINITY;
    this.intervalMs = options.intervalMs ?? 1000;
    this.maxConcurrent = options.maxConcurrent ?? Number.POSITIVE_INFINITY;
    this.#now = options.now ?? Date.now;
    if (!(this.maxRequests >= 1) || !(this.maxConcurrent >= 1) || !(this.intervalMs >= 0)) {
      throw new RangeError(
        'RateLimiter: maxRequests and maxConcurrent must be >= 1, intervalMs >= 0',
      );
    }
    if (Number.isFinite(this.maxRequests)) {
      if (this.maxRequests > MAX_RING)
        throw new RangeError(`RateLimiter: maxRequests > ${MAX_RING}`);
      this.#ring = new Float64Array(Math.floor(this.maxRequests));
    }
  }

  /** Requests waiting for a slot. */
  get queued(): number {
    return this.#waiting;
  }

  /** Requests holding a slot. */
  get running(): number {
    return this.#running;
  }

  /** Epoch ms until which no request starts (0 when not paused). */
  get pausedUntil(): number {
    return this.#pausedUntil > this.#now() ? this.#pausedUntil : 0;
  }

  /**
   * Waits for a slot. Resolves to a `release` function to call when the
   * request is done; rejects with `signal.reason` if the signal aborts first.
   */
  acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const release = this.tryAcquire();
    if (release) return Promise.resolve(release);
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined, done: false };
      if (signal) {
        waiter.onAbort = () => this.#cancel(waiter);
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#queue.push(waiter);
      this.#waiting++;
      this.#drain();
    });
  }

  /** Takes a slot now if one is free and nobody is queued; `undefined` otherwise. */
  tryAcquire(): Release | undefined {
    if (this.#waiting > 0 || this.#waitMs(this.#now()) > 0) return undefined;
    return this.#start();
  }

  /** Runs `fn` in a slot. */
  async schedule<T>(fn: () => T | Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** Holds every request (queued or new) until `epochMs`. Only ever extends a pause. */
  pauseUntil(epochMs: number): void {
    if (!(epochMs > this.#pausedUntil)) return;
    this.#pausedUntil = epochMs;
    this.#drain();
  }

  /** Milliseconds until a start is allowed by pause and window (not concurrency). */
  #waitMs(now: number): number {
    let wait = this.#pausedUntil - now;
    if (this.#ring && this.#ringCount >= this.#ring.length) {
      const oldest = this.#ring[this.#ringHead] as number;
      wait = Math.max(wait, oldest + this.intervalMs - now);
    }
    if (this.#running >= this.maxConcurrent) wait = Math.max(wait, Number.MIN_VALUE);
    return wait;
  }

  #start(): Release {
    this.#running++;
    const ring = this.#ring;
    if (ring) {
      const now = this.#now();
      if (this.#ringCount < ring.length) {
        ring[(this.#ringHead + this.#ringCount) % ring.length] = now;
        this.#ringCount++;
      } else {
        ring[this.#ringHead] = now;
        this.#ringHead = (this.#ringHead + 1) % ring.length;
      }
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#running--;
      if (this.#waiting > 0) this.#drain();
    };
  }

  #cancel(waiter: Waiter): void {
    if (waiter.done) return;
    waiter.done = true;
    this.#waiting--;
    waiter.reject(waiter.signal?.reason);
    if (this.#waiting === 0) this.#reset();
    else this.#drain();
  }

  /** Empties the queue storage and timer when nobody waits. */
  #reset(): void {
    this.#queue = [];
    this.#queueHead = 0;
    this.#clearTimer();
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #drain(): void {
    while (this.#waiting > 0) {
      const waiter = this.#queue[this.#queueHead];
      if (!waiter || waiter.done) {
        this.#queue[this.#queueHead++] = undefined;
        this.#compact();
        continue;
      }
      const now = this.#now();
      const wait = this.#waitMs(now);
      if (wait > 0) {
        // Concurrency-bound waits resume on release; time-bound ones need a timer.
        if (this.#running < this.maxConcurrent || wait > Number.MIN_VALUE) {
          this.#schedule(now, Math.ceil(wait));
        }
        return;
      }
      this.#queue[this.#queueHead++] = undefined;
      this.#compact();
      waiter.done = true;
      this.#waiting--;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve(this.#start());
    }
    this.#reset();
  }

  #compact(): void {
    if (this.#queueHead > 1024 && this.#queueHead * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#queueHead);
      this.#queueHead = 0;
    }
  }

  #schedule(now: number, waitMs: number): void {
    const at = now + waitMs;
    if (this.#timer !== undefined && this.#timerAt <= at) return;
    this.#clearTimer();
    this.#timerAt = at;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#drain();
    }, waitMs);
  }
}
