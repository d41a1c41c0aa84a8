import type { RateLimitObservation, RateLimitStore, RateLimitTicket, ServerLimit } from '@x/core';
import { ServerBudget } from '@x/core/internal';
import { RedisBudget, type RedisBudgetOptions } from './redis-budget.js';

/** Options of {@link RedisRateLimitStore}. */
export interface RedisRateLimitStoreOptions extends RedisBudgetOptions {
  /**
   * How long a Redis call may take before the limiter goes on without it.
   * @default 250
   */
  timeoutMs?: number;
  /**
   * Told once when Redis fails (the limiter then limits in this process),
   * and once when it answers again.
   * @default console.warn
   */
  onWarning?: (message: string) => void;
}

/** After a failure, how long the store limits locally before asking Redis again. */
const RETRY_MS = 1000;
/** How soon to ask again when Redis says "wait for a call in flight to finish". */
const POLL_MS = 20;
/** How often a process says, in Redis, that it shares the key. */
const PRESENCE_EVERY_MS = 1000;
/** A process counts as sharing the key for this long after it last said so. */
const PRESENCE_MS = 10_000;

/** A start Redis granted: its number there and its member in the slots set. */
interface Grant extends RateLimitTicket {
  readonly id: string;
}

/** A start made through Redis; this process's budget counts it too (`local`), its fallback. */
interface SharedTicket extends Grant {
  readonly local: RateLimitTicket;
}

let stores = 0;

/**
 * A `RateLimitStore` on Redis: the server's side of `@x/core`'s
 * `RateLimiter` (the limit and window learned from the API's headers, the
 * starts counting against the window, the `remaining` budget, the pauses)
 * kept in Redis and updated by atomic scripts, so every process using the
 * same key shares one budget.
 *
 * The limiter asks synchronously; this store asks Redis for one start at a
 * time in the background and wakes the limiter when Redis answers. When
 * Redis fails or is slow, it warns once and limits in this process (with
 * what this process learned) until Redis answers again.
 */
export class RedisRateLimitStore implements RateLimitStore {
  readonly #redis: RedisBudget;
  #local: ServerBudget;
  readonly #timeoutMs: number;
  readonly #warn: (message: string) => void;
  readonly #idPrefix = `${process.pid}-${Date.now().toString(36)}-${++stores}`;
  #ids = 0;
  #wake: () => void = () => {};
  #assumed: ServerLimit | undefined;
  #expectHeaders = false;
  /** This process told Redis of an answer that stated nothing (the end of the probe). */
  #probeEnded = false;
  /** Starts Redis granted that no call has taken yet. */
  #granted: Grant[] = [];
  #asking = false;
  /** Not before this (epoch ms) does the store ask Redis for a start again. */
  #askAt = 0;
  /** The shared pause Redis reported (epoch ms). */
  #pausedUntil = 0;
  /** Redis failed: limit locally until then (epoch ms). */
  #downUntil = 0;
  #warned = false;
  /** Processes seen sharing the key lately (this one included), as Redis last said. */
  #peers = 1;
  #presenceAt = 0;
  /** After an outage, this process keeps to its share until then (epoch ms) while Redis relearns. */
  #shareUntil = 0;

  constructor(options: RedisRateLimitStoreOptions) {
    this.#redis = new RedisBudget(options);
    this.#local = new ServerBudget(undefined);
    this.#timeoutMs = options.timeoutMs ?? 250;
    this.#warn = options.onWarning ?? ((message) => console.warn(message));
  }

  attach(wake: () => void, assumed: ServerLimit | undefined): void {
    this.#wake = wake;
    this.#assumed = assumed;
    this.#local = new ServerBudget(assumed);
    if (this.#expectHeaders) this.#local.expectHeaders();
  }

  get limit(): (ServerLimit & { learned: boolean }) | undefined {
    return this.#local.limit;
  }

  /** The shared pause Redis reported (epoch ms; 0 when none). */
  get pausedUntil(): number {
    return this.#pausedUntil;
  }

  expectHeaders(): void {
    this.#expectHeaders = true;
    this.#local.expectHeaders();
  }

  /** Processes seen sharing the key lately, as Redis last said (1 until it said). */
  get peers(): number {
    return this.#peers;
  }

  waitMs(now: number): number {
    // Asked every time: it also drops the starts that left its window.
    const local = this.#local.waitMs(now);
    if (now < this.#downUntil) return local;
    if (this.#local.share > 1) {
      // Back from an outage: Redis may have lost the budget (a restart), so
      // keep to this process's share for one more window as well.
      if (now >= this.#shareUntil) this.#local.share = 1;
      else if (local > 0) return local;
    }
    if (now >= this.#presenceAt + PRESENCE_EVERY_MS) this.#sayPresent(now);
    if (this.#pausedUntil > now) return this.#pausedUntil - now;
    if (this.#granted.length > 0) return 0;
    if (!this.#asking && now >= this.#askAt) this.#ask(now);
    return this.#askAt > now ? this.#askAt - now : Number.MIN_VALUE;
  }

  waitReason(now: number): string | undefined {
    const local = this.#local.waitReason(now);
    if (now < this.#downUntil)
      return `Redis is unreachable: this process limits itself to 1/${this.#local.share} of the budget${local ? `; ${local}` : ''}`;
    return local ?? 'waiting for Redis to grant a start';
  }

  start(): RateLimitTicket {
    // This process's budget counts every start, so that it limits right when Redis fails.
    const local = this.#local.start();
    const grant = Date.now() < this.#downUntil ? undefined : this.#granted.shift();
    if (!grant) return local;
    const shared: SharedTicket = { ...grant, local };
    return shared;
  }

  finish(ticket: RateLimitTicket, receivedAt: number): void {
    this.#local.finish(isShared(ticket) ? ticket.local : ticket, receivedAt);
    if (!isShared(ticket)) return;
    this.#call(this.#redis.finish(ticket.id, receivedAt)).catch((e: unknown) => this.#failed(e));
  }

  observe(
    observation: RateLimitObservation | undefined,
    ticket: RateLimitTicket | undefined,
    now: number,
  ): number | undefined {
    const shared = ticket !== undefined && isShared(ticket);
    // This process's budget (the fallback) learns from every answer of its
    // own; its pause (the server's own 0) makes this process's calls fail
    // fast at once, as without Redis; Redis pauses the others.
    const pause = this.#local.observe(observation, shared ? ticket.local : ticket, now);
    // An answer that states nothing still ends the shared cold-start probe
    // (as it ends this process's), until Redis heard it: seq -1 teaches it nothing else.
    const endsProbe = shared && !observation && this.#expectHeaders && !this.#probeEnded;
    if ((shared && observation) || endsProbe) {
      const seq = observation && ticket ? ticket.seq : -1;
      this.#call(this.#redis.observe(observation ?? { receivedAt: now }, seq)).then(
        (until) => {
          if (endsProbe) this.#probeEnded = true;
          if (until !== undefined && until > this.#pausedUntil) {
            this.#pausedUntil = until;
            this.#wake();
          }
        },
        (e: unknown) => this.#failed(e),
      );
    }
    return pause;
  }

  idle(): void {
    // Give back starts granted to calls that left meanwhile (aborted).
    for (const ticket of this.#granted.splice(0)) {
      this.#call(this.#redis.giveBack(ticket.id)).catch((e: unknown) => this.#failed(e));
    }
  }

  /** Ends the Redis connection, if this store made it from a URL. */
  close(): Promise<void> {
    return this.#redis.close();
  }

  #ask(now: number): void {
    this.#asking = true;
    const id = `${this.#idPrefix}-${++this.#ids}`;
    const request = { id, now, assumed: this.#assumed, expectHeaders: this.#expectHeaders };
    this.#call(this.#redis.take(request)).then(
      (answer) => {
        this.#asking = false;
        if (answer.granted) this.#granted.push({ seq: answer.seq, id });
        else {
          this.#askAt = Date.now() + (answer.waitMs > 0 ? answer.waitMs : POLL_MS);
          // Another process's pause: the limiter's calls fail fast during it, as in that process.
          if (answer.pausedUntil !== undefined && answer.pausedUntil > this.#pausedUntil)
            this.#pausedUntil = answer.pausedUntil;
        }
        this.#wake();
      },
      (e: unknown) => {
        this.#asking = false;
        this.#failed(e);
      },
    );
  }

  /** A Redis call bounded by `timeoutMs`; a success after a failure says Redis is back. */
  async #call<T>(call: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${this.#timeoutMs} ms`)),
        this.#timeoutMs,
      );
    });
    try {
      const result = await Promise.race([call, timeout]);
      if (this.#warned && Date.now() >= this.#downUntil) {
        this.#warned = false;
        this.#warn('@x/ratelimit-redis: Redis answers again; sharing the budget');
      }
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Tells Redis this process shares the key, and learns how many do. */
  #sayPresent(now: number): void {
    this.#presenceAt = now;
    this.#call(this.#redis.presence(this.#idPrefix, now, PRESENCE_MS)).then(
      (peers) => {
        if (peers >= 1) this.#peers = peers;
      },
      (e: unknown) => this.#failed(e),
    );
  }

  #failed(error: unknown): void {
    const now = Date.now();
    this.#downUntil = now + RETRY_MS;
    // Alone, each process would take the whole budget: its share instead,
    // until Redis answers (and one window after, while it relearns).
    this.#local.share = this.#peers;
    const windowMs = this.#local.limit?.windowMs ?? 0;
    this.#shareUntil = this.#downUntil + Math.min(windowMs, 60_000);
    this.#askAt = this.#downUntil;
    if (!this.#warned) {
      this.#warned = true;
      const reason = error instanceof Error ? error.message : String(error);
      const share =
        this.#peers > 1
          ? ` to 1/${this.#peers} of the budget (${this.#peers} processes share it)`
          : '';
      this.#warn(
        `@x/ratelimit-redis: Redis failed (${reason}); limiting in this process${share} until it answers again`,
      );
    }
    this.#wake();
  }
}

function isShared(ticket: RateLimitTicket): ticket is SharedTicket {
  return 'id' in ticket;
}
