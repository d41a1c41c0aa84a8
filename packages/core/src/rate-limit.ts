import type { RateLimitInfo } from './retry-policy.js';
import { ServerBudget } from './server-budget.js';

/** Options of a {@link RateLimiter}. */
export interface RateLimiterOptions {
  /**
   * Your own budget: most requests started in any window of `intervalMs`
   * (sliding window). The limiter never goes above it, whatever the server allows.
   * @default Infinity
   */
  maxRequests?: number;
  /**
   * Window length in ms of your own budget.
   * @default 1000
   */
  intervalMs?: number;
  /**
   * Most requests in flight at once.
   * @default Infinity
   */
  maxConcurrent?: number;
  /**
   * The server's documented limit, assumed while its responses state none
   * (SDKs set it: Modrinth's is 300 per minute). Replaced by what the server
   * states in its rate-limit headers as soon as it does, higher or lower.
   * @default none (no server limit assumed)
   */
  serverLimit?: ServerLimit;
  /**
   * Keep the server's side in a shared store (`@x/ratelimit-redis`), so that
   * several processes behind one address share one budget.
   * @default none (this process only)
   */
  store?: RateLimitStore;
  /**
   * How long a store call may take before the limiter goes on without it.
   * @default 250
   */
  storeTimeoutMs?: number;
  /**
   * Told once when the store fails (then the limiter limits locally), and once when it is back.
   * @default console.warn
   */
  onStoreWarning?: (message: string) => void;
  /**
   * Clock (epoch ms), injectable for tests. Timers use the global `setTimeout`.
   * @default Date.now
   */
  now?: () => number;
}

/** A server's limit: `limit` requests per window of `windowMs`. */
export interface ServerLimit {
  limit: number;
  windowMs: number;
}

/**
 * What one response said about the server's limit, with when it arrived.
 * Clients that read rate-limit headers report every API response here.
 */
export interface RateLimitObservation extends Partial<RateLimitInfo> {
  /** The window length, when the server states it (IETF `RateLimit-Policy: ...;w=`). */
  windowMs?: number | undefined;
  /** The response was a 429 (its reset may be a penalty, not a window). */
  rejected?: boolean | undefined;
  /** The server's wait hint of a 429 (epoch ms), if any. */
  retryAt?: number | undefined;
  /** Epoch ms the response arrived (reset deltas count from here, not from when it is processed). */
  receivedAt: number;
}

/**
 * Frees the slot taken by `acquire`. Pass when the response arrived (epoch
 * ms): the start keeps counting against the server's window until
 * `receivedAt + window`, the latest moment the server can have counted it.
 * Calling it more than once is harmless. Give it to {@link RateLimiter.observe}
 * with the call's answer.
 */
export interface Release {
  (receivedAt?: number): void;
  /** The start's sequence number in the budget that granted it. */
  readonly seq: number;
}

/**
 * Keeps the server's side of a limiter (its learned limit and window, the
 * starts counting against it, its pauses) outside the process, so several
 * processes share one budget: `@x/ratelimit-redis` is one. Each method is
 * atomic in the store. When a call fails or takes too long, the limiter
 * falls back to its own in-process budget (with one warning) and tries the
 * store again later.
 */
export interface RateLimitStore {
  /** Takes a start from the shared budget if it allows one now; else how long to wait. */
  take(request: StoreTakeRequest): Promise<StoreTake>;
  /** The call `id` got its answer at `receivedAt` (or failed then). */
  finish(id: string, receivedAt: number): Promise<void>;
  /** Shares what an answer of the start `seq` said; resolves to the shared pause end, if any. */
  observe(observation: RateLimitObservation, seq: number): Promise<number | undefined>;
}

/** What a limiter asks of its {@link RateLimitStore} for one start. */
export interface StoreTakeRequest {
  /** Unique per start (a process-unique prefix and a counter). */
  id: string;
  /** Epoch ms on the caller's clock (processes sharing a store need synchronised clocks). */
  now: number;
  /** The server's documented limit, used while none is learned. */
  assumed: ServerLimit | undefined;
  /** The client reads rate-limit headers: before the first answer, one start at a time. */
  expectHeaders: boolean;
}

/** A store's answer to {@link RateLimitStore.take}. */
export type StoreTake = { granted: true; seq: number } | { granted: false; waitMs: number };

/** Options of one {@link RateLimiter.acquire}. */
export interface AcquireOptions {
  /** Aborts the wait, rejecting with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** A retry keeps its place: it goes ahead of calls that have not started yet. @default false */
  retry?: boolean;
}

/** A queued request: kept tiny (10,000 queued cost well under 20 MB). */
interface Waiter {
  resolve: (release: Release) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  done: boolean;
}

const MAX_RING = 1_000_000;
/** After a store failure, how long the limiter limits locally before trying the store again. */
const STORE_RETRY_MS = 1000;
/** How often a start denied until "a call finishes" asks a shared store again. */
const STORE_POLL_MS = 20;
let processIds = 0;

/**
 * A client-side limiter that learns the server's limit.
 *
 * - Your own budget: at most `maxRequests` starts in any `intervalMs` and
 *   `maxConcurrent` in flight, first come first served (retries first).
 * - The server's budget, learned from the rate-limit headers the client
 *   reports through {@link observe}: its limit and window, and `remaining`
 *   as a budget shared by the calls already in flight. Until the first
 *   answer says whether the server states a limit, one call goes at a time.
 *   A start counts against the server's window until its answer arrived
 *   plus the window (see `ServerBudget`). With a `store`, that side is shared
 *   by every process using the store.
 * - Pauses: a 429's hint or a spent `remaining` holds every request until
 *   the server's reset.
 *
 * One instance can be shared by several clients to share one budget.
 */
export class RateLimiter {
  readonly maxRequests: number;
  readonly intervalMs: number;
  readonly maxConcurrent: number;
  readonly #now: () => number;
  /** Start times of the last `maxRequests` starts (ring buffer), when your own window is bounded. */
  readonly #ring: Float64Array | undefined;
  #ringHead = 0;
  #ringCount = 0;
  #queue: (Waiter | undefined)[] = [];
  #queueHead = 0;
  /** Retries waiting: served before `#queue`. */
  #retries: Waiter[] = [];
  #waiting = 0;
  #running = 0;
  #pausedUntil = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = 0;
  readonly #server: ServerBudget;
  readonly #assumed: ServerLimit | undefined;
  #expectHeaders = false;
  // The shared store, when there is one.
  readonly #store: RateLimitStore | undefined;
  readonly #storeTimeoutMs: number;
  readonly #warn: (message: string) => void;
  readonly #idPrefix =
    `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${++processIds}`;
  #ids = 0;
  /** Epoch ms before which the store is not asked (it failed); 0 when healthy. */
  #storeDownUntil = 0;
  #storeWarned = false;
  #asking = false;

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
    if (options.serverLimit) {
      const { limit, windowMs } = options.serverLimit;
      if (!(limit >= 1) || !(windowMs > 0))
        throw new RangeError('RateLimiter: serverLimit needs limit >= 1 and windowMs > 0');
      this.#assumed = { limit, windowMs };
    }
    this.#server = new ServerBudget(this.#assumed);
    this.#store = options.store;
    this.#storeTimeoutMs = options.storeTimeoutMs ?? 250;
    this.#warn = options.onStoreWarning ?? ((message) => console.warn(message));
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
   * The server's limit as this process knows it: learned from headers
   * (`learned: true`), or the assumed `serverLimit`; `undefined` if neither.
   */
  get serverLimit(): (ServerLimit & { learned: boolean }) | undefined {
    return this.#server.limit;
  }

  /**
   * Called by clients that read rate-limit headers: until their first answer
   * arrives, the limiter lets one call go at a time (a cold-start burst would
   * otherwise be sent before the server could say its limit).
   */
  expectRateLimitHeaders(): void {
    this.#expectHeaders = true;
    this.#server.expectHeaders();
  }

  /**
   * Waits for a slot. Resolves to a `release` function to call when the
   * request is done; rejects with `signal.reason` if the signal aborts first.
   */
  acquire(options?: AcquireOptions | AbortSignal): Promise<Release> {
    const { signal, retry = false } =
      options instanceof AbortSignal || options === undefined
        ? { signal: options as AbortSignal | undefined }
        : options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const release = this.tryAcquire();
    if (release) return Promise.resolve(release);
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined, done: false };
      if (signal) {
        waiter.onAbort = () => this.#cancel(waiter);
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      if (retry) this.#retries.push(waiter);
      else this.#queue.push(waiter);
      this.#waiting++;
      this.#drain();
    });
  }

  /**
   * Takes a slot now if one is free and nobody is queued; `undefined`
   * otherwise (always, while a shared store decides: ask with `acquire`).
   */
  tryAcquire(): Release | undefined {
    const now = this.#now();
    if (this.#waiting > 0 || this.#useStore(now)) return undefined;
    if (this.#localWaitMs(now) > 0 || this.#server.waitMs(now) > 0) return undefined;
    return this.#start(this.#server.start(), undefined);
  }

  /** Runs `fn` in a slot. */
  async schedule<T>(fn: () => T | Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await fn();
    } finally {
      release(this.#now());
    }
  }

  /** Holds every request (queued or new) until `epochMs`. Only ever extends a pause. */
  pauseUntil(epochMs: number): void {
    if (!(epochMs > this.#pausedUntil)) return;
    this.#pausedUntil = epochMs;
    this.#drain();
  }

  /**
   * Applies what the answer to the start `release` said (`undefined`: no
   * rate-limit headers): the server's limit and window, its `remaining`
   * budget (less the calls started after this one, which it has not counted
   * yet), and a pause when the budget is spent or a 429 says when to come
   * back. Returns the pause end (epoch ms) it set, if any.
   */
  observe(observation: RateLimitObservation | undefined, release?: Release): number | undefined {
    const now = this.#now();
    const shared = release !== undefined && SHARED.has(release);
    // This process always learns (its budget is the fallback); only starts it
    // granted itself move its own `remaining` budget.
    let pauseEnd = this.#server.observe(observation, shared ? -1 : (release?.seq ?? 0), now);
    const retryAt = observation?.retryAt;
    if (retryAt !== undefined && retryAt > now) pauseEnd = Math.max(pauseEnd ?? 0, retryAt);
    if (shared && observation && this.#store) {
      this.#storeCall(this.#store.observe(observation, release.seq)).then(
        (until) => {
          if (until !== undefined) this.pauseUntil(until);
        },
        (error: unknown) => this.#storeFailed(error),
      );
    }
    if (pauseEnd !== undefined) this.pauseUntil(pauseEnd);
    else this.#drain();
    return pauseEnd;
  }

  /** Ms until your own budget (window, concurrency) and pauses allow a start. */
  #localWaitMs(now: number): number {
    let wait = this.#pausedUntil - now;
    if (this.#ring && this.#ringCount >= this.#ring.length) {
      const oldest = this.#ring[this.#ringHead] as number;
      wait = Math.max(wait, oldest + this.intervalMs - now);
    }
    if (this.#running >= this.maxConcurrent) wait = Math.max(wait, Number.MIN_VALUE);
    return wait;
  }

  #useStore(now: number): boolean {
    return this.#store !== undefined && now >= this.#storeDownUntil;
  }

  /** Takes the slot: `id` is set when a shared store granted it. */
  #start(seq: number, id: string | undefined): Release {
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
    const release = ((receivedAt?: number) => {
      if (released) return;
      released = true;
      this.#running--;
      const at = receivedAt ?? this.#now();
      if (id === undefined) this.#server.finish(at);
      else if (this.#store) {
        this.#storeCall(this.#store.finish(id, at)).catch((error: unknown) =>
          this.#storeFailed(error),
        );
      }
      if (this.#waiting > 0) this.#drain();
    }) as Release & { seq: number };
    release.seq = seq;
    if (id !== undefined) SHARED.add(release);
    return release;
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
    this.#retries = [];
    this.#clearTimer();
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** The next live waiter, retries first, without taking it. */
  #peek(): Waiter | undefined {
    while (this.#retries.length > 0 && this.#retries[0]?.done) this.#retries.shift();
    if (this.#retries.length > 0) return this.#retries[0];
    for (;;) {
      if (this.#queueHead >= this.#queue.length) return undefined;
      const waiter = this.#queue[this.#queueHead];
      if (waiter && !waiter.done) return waiter;
      this.#queue[this.#queueHead++] = undefined;
      this.#compact();
    }
  }

  #take(waiter: Waiter): void {
    if (this.#retries[0] === waiter) this.#retries.shift();
    else {
      this.#queue[this.#queueHead++] = undefined;
      this.#compact();
    }
    waiter.done = true;
    this.#waiting--;
    if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
  }

  #drain(): void {
    if (this.#useStore(this.#now())) {
      void this.#drainShared();
      return;
    }
    while (this.#waiting > 0) {
      const waiter = this.#peek();
      if (!waiter) break;
      const now = this.#now();
      const wait = Math.max(this.#localWaitMs(now), this.#server.waitMs(now));
      if (wait > 0) {
        // Slot-bound waits resume on release; time-bound ones need a timer.
        if (wait > Number.MIN_VALUE) this.#schedule(now, Math.ceil(wait));
        return;
      }
      this.#take(waiter);
      waiter.resolve(this.#start(this.#server.start(), undefined));
    }
    this.#reset();
  }

  /** `#drain` with a shared store deciding the server's side: one question at a time. */
  async #drainShared(): Promise<void> {
    if (this.#asking) return;
    this.#asking = true;
    try {
      while (this.#waiting > 0) {
        const now = this.#now();
        if (!this.#useStore(now)) break;
        if (!this.#peek()) break;
        const local = this.#localWaitMs(now);
        if (local > 0) {
          if (local > Number.MIN_VALUE) this.#schedule(now, Math.ceil(local));
          return;
        }
        const id = `${this.#idPrefix}-${++this.#ids}`;
        const answer = await this.#storeCall(
          // biome-ignore lint/style/noNonNullAssertion: #useStore checked it
          this.#store!.take({
            id,
            now,
            assumed: this.#assumed,
            expectHeaders: this.#expectHeaders,
          }),
        );
        const waiter = this.#peek();
        if (answer.granted) {
          if (!waiter) {
            // Everyone left (aborted) while the store answered: give the start back.
            // biome-ignore lint/style/noNonNullAssertion: as above
            await this.#storeCall(this.#store!.finish(id, this.#now()));
            continue;
          }
          this.#take(waiter);
          waiter.resolve(this.#start(answer.seq, id));
          continue;
        }
        const wait = answer.waitMs > 0 ? answer.waitMs : STORE_POLL_MS;
        this.#schedule(this.#now(), Math.ceil(wait));
        return;
      }
    } catch (error) {
      this.#storeFailed(error);
    } finally {
      this.#asking = false;
    }
    if (this.#waiting > 0 && !this.#useStore(this.#now())) this.#drain();
    else if (this.#waiting === 0) this.#reset();
  }

  /** A store call, bounded by `storeTimeoutMs`; a success after a failure says the store is back. */
  async #storeCall<T>(call: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${this.#storeTimeoutMs} ms`)),
        this.#storeTimeoutMs,
      );
    });
    try {
      const result = await Promise.race([call, timeout]);
      if (this.#storeWarned) {
        this.#storeWarned = false;
        this.#warn('@x/core RateLimiter: the rate-limit store answers again; sharing the budget');
      }
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  #storeFailed(error: unknown): void {
    this.#storeDownUntil = this.#now() + STORE_RETRY_MS;
    if (!this.#storeWarned) {
      this.#storeWarned = true;
      const reason = error instanceof Error ? error.message : String(error);
      this.#warn(
        `@x/core RateLimiter: the rate-limit store failed (${reason}); limiting in this process until it answers again`,
      );
    }
    // Try the store again once the back-off has passed.
    if (this.#waiting > 0) this.#schedule(this.#now(), STORE_RETRY_MS);
    this.#drain();
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

/** Releases granted by a shared store (their `seq` is the store's). */
const SHARED = new WeakSet<Release>();
