import { createRequire } from 'node:module';
import type { RateLimitObservation, ServerLimit } from '@x/core';
import type { Redis, RedisOptions } from 'ioredis';
import { FINISH, GIVE_BACK, OBSERVE, PRESENCE, TAKE } from './scripts.js';

/**
 * ioredis, loaded when a store makes its own client from a URL: importing it
 * costs about three times an empty script's start-up (the cold-import
 * benchmark), which importing this package (or passing your own client)
 * should not. ioredis is CommonJS, so `require` loads it synchronously.
 */
function ioredis(): typeof import('ioredis') {
  return createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
}

/** Where the shared budget lives in Redis (options of {@link RedisRateLimitStore}). */
export interface RedisBudgetOptions {
  /**
   * A Redis URL (`redis://127.0.0.1:6379`), or your own ioredis client. A
   * client made from a URL fails commands at once while disconnected (no
   * offline queue), so a limiter never waits on a Redis that is down, and
   * reconnects by itself; `close()` ends it.
   */
  redis: string | Redis;
  /**
   * The prefix of the two Redis keys: every process with the same key shares
   * one budget. One per API and address (e.g. `x-ratelimit:modrinth`).
   * @default 'x-ratelimit:default'
   */
  key?: string;
  /**
   * How long a start that never finishes (its process died) keeps counting.
   * @default 120000
   */
  inFlightTtlMs?: number;
}

/** The last epoch ms a `Date` can hold. */
const LAST_DATE = 8.64e15;

type Command = (...args: (string | number)[]) => Promise<unknown>;

/** What {@link RedisBudget.take} asks for one start. */
export interface TakeRequest {
  /** Unique per start. */
  id: string;
  /** Epoch ms on the caller's clock (processes sharing a key need synchronised clocks). */
  now: number;
  /** The server's documented limit, used while none is learned. */
  assumed: ServerLimit | undefined;
  /** Before the first answer, one start at a time. */
  expectHeaders: boolean;
}

/** Granted with its sequence number, or how long to wait (0: ask again shortly) and the shared pause's end, if paused. */
export type Take =
  | { granted: true; seq: number }
  | { granted: false; waitMs: number; pausedUntil?: number };

/**
 * The server's side of a limiter in Redis, one atomic script per operation
 * (see `scripts.ts`): every process using the same key shares it.
 */
export class RedisBudget {
  readonly #redis: Redis;
  readonly #owned: boolean;
  readonly #keys: [string, string];
  readonly #ttl: number;
  readonly #take: Command;
  readonly #finish: Command;
  readonly #observe: Command;
  readonly #giveBack: Command;
  readonly #presence: Command;
  readonly #procsKey: string;

  constructor(options: RedisBudgetOptions) {
    if (typeof options.redis === 'string') {
      const redisOptions: RedisOptions = {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        // Connect in the background; commands before that fail fast.
        lazyConnect: false,
      };
      this.#redis = new (ioredis().Redis)(options.redis, redisOptions);
      // Errors surface through the limiter's warning; without a listener, ioredis logs each one.
      this.#redis.on('error', () => {});
      this.#owned = true;
    } else {
      this.#redis = options.redis;
      this.#owned = false;
    }
    const key = options.key ?? 'x-ratelimit:default';
    this.#keys = [`${key}:slots`, `${key}:state`];
    this.#ttl = options.inFlightTtlMs ?? 120_000;
    if (!(this.#ttl > 0)) throw new RangeError('RedisRateLimitStore: inFlightTtlMs must be > 0');
    this.#take = this.#define('xRateLimitTake', TAKE);
    this.#finish = this.#define('xRateLimitFinish', FINISH);
    this.#observe = this.#define('xRateLimitObserve', OBSERVE);
    this.#giveBack = this.#define('xRateLimitGiveBack', GIVE_BACK);
    this.#presence = this.#define('xRateLimitPresence', PRESENCE, 1);
    this.#procsKey = `${key}:procs`;
  }

  /**
   * Says this process (`id`) shares the key now; returns how many processes
   * did within the last `withinMs` (kept beside the budget, `<key>:procs`).
   */
  async presence(id: string, now: number, withinMs: number): Promise<number> {
    await this.#connected();
    return Number(await this.#presence(this.#procsKey, Math.floor(now), id, withinMs));
  }

  async take({ id, now, assumed, expectHeaders }: TakeRequest): Promise<Take> {
    await this.#connected();
    const [granted, value, pausedUntil] = (await this.#take(
      ...this.#keys,
      Math.floor(now),
      id,
      assumed?.limit ?? '',
      assumed?.windowMs ?? '',
      this.#ttl,
      expectHeaders ? 1 : 0,
    )) as [number, number, number?];
    if (granted === 1) return { granted: true, seq: value };
    return pausedUntil === undefined
      ? { granted: false, waitMs: value }
      : { granted: false, waitMs: value, pausedUntil };
  }

  async finish(id: string, receivedAt: number): Promise<void> {
    await this.#finish(...this.#keys, id, Math.ceil(receivedAt));
  }

  /** A granted start that was never sent (its call left): it stops counting at once. */
  async giveBack(id: string): Promise<void> {
    await this.#giveBack(...this.#keys, id);
  }

  async observe(observation: RateLimitObservation, seq: number): Promise<number | undefined> {
    const { limit, remaining, resetAt, windowMs, rejected, retryAt, receivedAt } = observation;
    // Clamped to the last date (a hostile `Reset: 1e300` s): Redis turns a
    // larger script number into a garbage integer, or refuses it as an expiry.
    const int = (n: number | undefined) =>
      n === undefined ? '' : Math.ceil(Math.max(-LAST_DATE, Math.min(n, LAST_DATE)));
    const paused = await this.#observe(
      ...this.#keys,
      Date.now(),
      seq,
      int(limit),
      int(remaining),
      int(resetAt),
      int(windowMs),
      rejected ? 1 : 0,
      int(retryAt),
      Math.floor(receivedAt),
    );
    return typeof paused === 'number' ? paused : undefined;
  }

  /** Ends the Redis connection, if this store made it from a URL. */
  async close(): Promise<void> {
    if (this.#owned) await this.#redis.quit().catch(() => this.#redis.disconnect());
  }

  /**
   * Waits out the first connection (commands fail at once without an
   * offline queue); a reconnect is not waited for: the limiter goes on
   * locally meanwhile.
   */
  async #connected(): Promise<void> {
    const { status } = this.#redis;
    if (status !== 'wait' && status !== 'connecting' && status !== 'connect') return;
    if (status === 'wait') void this.#redis.connect().catch(() => {});
    await new Promise<void>((resolve) => {
      const done = () => {
        this.#redis.off('ready', done);
        this.#redis.off('end', done);
        this.#redis.off('close', done);
        resolve();
      };
      this.#redis.once('ready', done);
      this.#redis.once('end', done);
      this.#redis.once('close', done);
    });
  }

  #define(name: string, lua: string, numberOfKeys = 2): Command {
    if (!(name in this.#redis)) this.#redis.defineCommand(name, { numberOfKeys, lua });
    const command = (this.#redis as unknown as Record<string, Command>)[name] as Command;
    return command.bind(this.#redis);
  }
}
