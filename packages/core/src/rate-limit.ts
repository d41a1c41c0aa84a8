import type { RateLimitInfo } from './retry-hints.js';
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
   * @default this process only
   */
  store?: RateLimitStore;
  /**
   * Clock (epoch ms), injectable for tests. Timers use the global `setTimeout`.
   * @default Date.now
   */
  now?: () => number;
}

/**
 * A server's limit: `limit` requests per window of `windowMs`. `kind` says
 * how the budget comes back: all at once when a fixed window ends
 * (`'fixed-window'`, the default), or one request every `windowMs / limit`
 * after a burst of `limit` (`'token-bucket'`: a token bucket or GCRA, as
 * Modrinth runs).
 */
export interface ServerLimit {
  limit: number;
  windowMs: number;
  /** @default 'fixed-window' */
  kind?: 'fixed-window' | 'token-bucket' | undefined;
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

/** Options of one {@link RateLimiter.acquire}. */
export interface AcquireOptions {
  /** Aborts the wait, rejecting with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** A retry keeps its place: it goes ahead of calls that have not started yet. @default false */
  retry?: boolean;
}

/** One start, as the server's side counted it. */
export interface RateLimitTicket {
  /** The start's sequence number in that budget. */
  readonly seq: number;
  /** When it started (epoch ms), if the budget keeps it. */
  readonly at?: number;
}

/**
 * The server's side of a limiter: what the API's headers taught (its limit
 * and window, its `remaining` budget), and which starts still count against
 * its window. Kept in this process by default; a store such as
 * `@x/ratelimit-redis`'s keeps it outside, shared by several processes.
 * Calls are synchronous: a store answers from what it already holds and
 * calls `wake` when an answer it was waiting for arrives.
 */
export interface RateLimitStore {
  /** Called once by the limiter that uses the store. */
  attach?(wake: () => void, assumed: ServerLimit | undefined): void;
  /** The limit as known: learned from headers (`learned: true`) or assumed. */
  readonly limit: (ServerLimit & { learned: boolean }) | undefined;
  /** The client reads rate-limit headers: one start at a time until the first answer. */
  expectHeaders(): void;
  /** Ms until a start is allowed; `Number.MIN_VALUE`: until a call finishes or `wake`. */
  waitMs(now: number): number;
  /** Counts the start `waitMs` just allowed (at `now`, epoch ms). */
  start(now?: number): RateLimitTicket;
  /** The start's answer arrived at `receivedAt` (or it failed then). */
  finish(ticket: RateLimitTicket, receivedAt: number): void;
  /** What the start's answer said (`undefined`: nothing); returns a pause end when the budget is spent. */
  observe(
    observation: RateLimitObservation | undefined,
    ticket: RateLimitTicket | undefined,
    now: number,
  ): number | undefined;
  /** A pause the store knows of (epoch ms), e.g. one another process sharing it met. */
  readonly pausedUntil?: number;
  /** Nobody waits any more (a store can give back what it reserved). */
  idle?(): void;
  /** Why a start waits now, in a few words (for the slow-wait report). */
  waitReason?(now: number): string | undefined;
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
/** The longest delay `setTimeout` keeps (2^31 - 1 ms). */
const MAX_TIMEOUT = 2 ** 31 - 1;

/**
 * A release's start, for `observe`: a symbol-keyed property of the release
 * function, not a WeakMap entry per start (~1% of a local getProject in the
 * CPU profile).
 */
const TICKET: unique symbol = Symbol('ticket');
type Ticketed = Release & { [TICKET]?: RateLimitTicket };

/**
 * A client-side limiter that learns the server's limit.
 *
 * - Your own budget: at most `maxRequests` starts in any `intervalMs` and
 *   `maxConcurrent` in flight, first come first served (retries first).
 * - The server's budget, learned from the rate-limit headers the client
 *   reports through {@link observe}: its limit and window, and `remaining`
 *   as a budget shared by the calls already in flight (see `ServerBudget`).
 *   With a `store`, that side is shared by every process using the store.
 * - Pauses: a 429's hint or the server's `remaining: 0` (or less) holds every request
 *   until the server's reset.
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
  readonly #server: RateLimitStore;

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
    let assumed: ServerLimit | undefined;
    if (options.serverLimit) {
      const { limit, windowMs, kind } = options.serverLimit;
      if (!(limit >= 1) || !(windowMs > 0))
        throw new RangeError('RateLimiter: serverLimit needs limit >= 1 and windowMs > 0');
      assumed = kind === 'token-bucket' ? { limit, windowMs, kind } : { limit, windowMs };
    }
    this.#server = options.store ?? new ServerBudget(assumed);
    this.#server.attach?.(() => this.#drain(), assumed);
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
    const until = Math.max(this.#pausedUntil, this.#server.pausedUntil ?? 0);
    return until > this.#now() ? until : 0;
  }

  /**
   * The server's limit as the limiter knows it: learned from headers
   * (`learned: true`), or the assumed `serverLimit`; `undefined` if neither.
   */
  get serverLimit(): (ServerLimit & { learned: boolean }) | undefined {
    return this.#server.limit;
  }

  /**
   * What the calls queued wait for now, in words (for the report of a slow
   * slot): a pause the API asked for, your own limits, or the API's budget
   * as the limiter models it.
   */
  waitReason(): string {
    const now = this.#now();
    const queued = `${this.#waiting} call(s) queued`;
    const paused = this.pausedUntil;
    if (paused > now) {
      const end = Number.isFinite(new Date(paused).getTime())
        ? new Date(paused).toISOString()
        : 'a date past year 275760';
      return `the API asked for a pause (a 429 or remaining 0) until ${end}; ${queued}`;
    }
    if (this.#ring && this.#ringCount >= this.#ring.length) {
      const oldest = this.#ring[this.#ringHead] as number;
      if (oldest + this.intervalMs > now)
        return `your own limit of ${this.maxRequests} per ${this.intervalMs} ms; ${queued}`;
    }
    if (this.#running >= this.maxConcurrent)
      return `your own maxConcurrent: ${this.#running} calls running; ${queued}`;
    const server = this.#server.waitReason?.(now);
    return server ? `${server}; ${queued}` : queued;
  }

  /**
   * Called by clients that read rate-limit headers: until their first answer
   * arrives, the limiter lets one call go at a time (a cold-start burst would
   * otherwise be sent before the server could say its limit).
   */
  expectRateLimitHeaders(): void {
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
   * budget (less the calls started after this one, which it may not have
   * counted yet), and a pause when the server's `remaining` is 0 or a 429
   * says when to come back. Returns the pause end (epoch ms) it set, if any.
   */
  observe(observation: RateLimitObservation | undefined, release?: Release): number | undefined {
    const now = this.#now();
    let pauseEnd = this.#server.observe(
      observation,
      (release as Ticketed | undefined)?.[TICKET],
      now,
    );
    const retryAt = observation?.retryAt;
    if (retryAt !== undefined && retryAt > now) pauseEnd = Math.max(pauseEnd ?? 0, retryAt);
    if (pauseEnd !== undefined) this.pauseUntil(pauseEnd);
    else this.#drain();
    return pauseEnd;
  }

  /** Ms until a start is allowed: pauses, your own budget, the server's side. */
  #waitMs(now: number): number {
    let wait = this.#pausedUntil - now;
    if (this.#ring && this.#ringCount >= this.#ring.length) {
      const oldest = this.#ring[this.#ringHead] as number;
      wait = Math.max(wait, oldest + this.intervalMs - now);
    }
    if (this.#running >= this.maxConcurrent) wait = Math.max(wait, Number.MIN_VALUE);
    // Asked last: a shared store may reserve a start when asked.
    return wait > 0 ? wait : this.#server.waitMs(now);
  }

  #start(): Release {
    this.#running++;
    const now = this.#now();
    const ticket = this.#server.start(now);
    const ring = this.#ring;
    if (ring) {
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
      this.#server.finish(ticket, receivedAt ?? this.#now());
      if (this.#waiting > 0) this.#drain();
    }) as Ticketed & { seq: number };
    release.seq = ticket.seq;
    release[TICKET] = ticket;
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
    this.#server.idle?.();
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

  #drain(): void {
    while (this.#waiting > 0) {
      const waiter = this.#peek();
      if (!waiter) break;
      const now = this.#now();
      const wait = this.#waitMs(now);
      if (wait > 0) {
        // Slot-bound waits resume on release (or a store's wake); time-bound ones need a timer.
        if (wait > Number.MIN_VALUE) this.#schedule(now, Math.ceil(wait));
        return;
      }
      if (this.#retries[0] === waiter) this.#retries.shift();
      else {
        this.#queue[this.#queueHead++] = undefined;
        this.#compact();
      }
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
    // setTimeout fires at once past its range (~24.8 days): wake then and wait again.
    waitMs = Math.min(waitMs, MAX_TIMEOUT);
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
