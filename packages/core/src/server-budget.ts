import type {
  RateLimitObservation,
  RateLimitStore,
  RateLimitTicket,
  ServerLimit,
} from './rate-limit.js';

/**
 * The server's side of a limiter, in this process: what the server's
 * rate-limit headers taught (its limit and window, its `remaining` budget),
 * and which starts still count against its window. A start counts until its
 * answer arrived plus the window: the latest moment the server can have
 * counted it, so no window of the server's sees more than its limit, whatever
 * the phase of its windows or the network's jitter.
 *
 * Those arrivals are never trimmed by what `remaining` says: an answer can
 * be older than calls that reached the server after it (requests overtake
 * each other), and only the arrivals count those (the property tests in
 * `test/rate-limit-learning.test.ts` found the case).
 */
export class ServerBudget implements RateLimitStore {
  #server: ServerLimit | undefined;
  /** The limit came from the server's own headers (not assumed). */
  #learned = false;
  /** True until the first answer of a client that reads headers: one call at a time. */
  #probing = false;
  #observed = false;
  /** Calls started and not finished. */
  #inFlight = 0;
  /** Arrival times of finished calls still inside the server's window (sorted). */
  #received: number[] = [];
  #receivedHead = 0;
  /** Starts so far: a call's sequence number is this count when it started. */
  #started = 0;
  /** The newest-started call whose answer was applied. */
  #observedSeq = 0;
  /** Starts the server still allows before `#budgetUntil` (from `remaining`), or undefined. */
  #budget: number | undefined;
  #budgetUntil = 0;
  #lastRemaining = Number.POSITIVE_INFINITY;

  constructor(assumed: ServerLimit | undefined) {
    this.#server = assumed && { ...assumed };
  }

  /** The limit as known: learned from headers (`learned: true`) or assumed. */
  get limit(): (ServerLimit & { learned: boolean }) | undefined {
    return this.#server && { ...this.#server, learned: this.#learned };
  }

  /** The client reads rate-limit headers: one start at a time until the first answer. */
  expectHeaders(): void {
    if (!this.#learned && !this.#observed) this.#probing = true;
  }

  /** Ms until the server's side allows a start; `Number.MIN_VALUE`: until a call finishes. */
  waitMs(now: number): number {
    if (this.#probing && this.#inFlight > 0) return Number.MIN_VALUE;
    let wait = 0;
    if (this.#budget !== undefined) {
      if (now >= this.#budgetUntil) this.#budget = undefined;
      // Spent by our count: the calls in flight may have reached the server
      // before the answer we counted from, so wait for their answers (each
      // recounts); with none in flight, `remaining` itself was 0: the reset.
      else if (this.#budget <= 0)
        wait = this.#inFlight > 0 ? Number.MIN_VALUE : this.#budgetUntil - now;
    }
    const server = this.#server;
    if (!server) return wait;
    const received = this.#received;
    while (
      this.#receivedHead < received.length &&
      (received[this.#receivedHead] as number) + server.windowMs <= now
    ) {
      this.#receivedHead++;
    }
    if (this.#receivedHead > 1024 && this.#receivedHead * 2 > received.length) {
      this.#received = received.slice(this.#receivedHead);
      this.#receivedHead = 0;
    }
    if (this.#received.length - this.#receivedHead + this.#inFlight >= server.limit) {
      // Full: a slot frees when the oldest finished call leaves the window,
      // or (all still running) when one finishes.
      const oldest = this.#received[this.#receivedHead];
      wait = Math.max(
        wait,
        oldest === undefined ? Number.MIN_VALUE : oldest + server.windowMs - now,
      );
    }
    return wait;
  }

  /** Counts a start; its ticket carries its sequence number. */
  start(): RateLimitTicket {
    this.#inFlight++;
    if (this.#budget !== undefined) this.#budget--;
    return { seq: ++this.#started };
  }

  /** The call's answer arrived at `receivedAt` (or it failed then). */
  finish(_ticket: RateLimitTicket, receivedAt: number): void {
    this.#inFlight--;
    if (!this.#server) return;
    const received = this.#received;
    let i = received.length;
    while (i > this.#receivedHead && (received[i - 1] as number) > receivedAt) i--;
    if (i === received.length) received.push(receivedAt);
    else received.splice(i, 0, receivedAt);
  }

  /**
   * Applies one answer (`undefined`: it stated nothing) of the start
   * `ticket` (`undefined`: one this budget did not count, which only teaches
   * the limit). Returns the reset when the server said `remaining: 0`.
   */
  observe(
    observation: RateLimitObservation | undefined,
    ticket: RateLimitTicket | undefined,
    now: number,
  ): number | undefined {
    const seq = ticket?.seq ?? -1;
    this.#probing = false;
    if (!observation) return undefined;
    this.#observed = true;
    const { limit, remaining, resetAt } = observation;
    if (limit !== undefined && limit >= 1) this.#learn(limit, observation);
    if (seq < this.#observedSeq) return undefined;
    this.#observedSeq = seq;
    if (remaining === undefined || resetAt === undefined || resetAt <= now) return undefined;
    // A Reset in whole seconds is rounded up: answers read at different
    // moments of one fixed window each bound the same reset, so keep the
    // tightest. Only then: a fractional reset is exact, and a token bucket's
    // (time to full) moves later as its budget drains.
    const wholeSeconds = (resetAt - observation.receivedAt) % 1000 === 0;
    const sameMoment =
      wholeSeconds &&
      this.#budgetUntil > now &&
      remaining <= this.#lastRemaining &&
      Math.abs(resetAt - this.#budgetUntil) < 1000;
    this.#budgetUntil = sameMoment ? Math.min(this.#budgetUntil, resetAt) : resetAt;
    this.#lastRemaining = remaining;
    // The calls started after this one may not be in `remaining` yet.
    this.#budget = Math.max(0, remaining - (this.#started - seq));
    // Only the server's own 0 (or less: spent) is a pause: a budget spent by
    // our count is recounted from the answers of the calls in flight.
    return remaining <= 0 ? this.#budgetUntil : undefined;
  }

  #learn(limit: number, observation: RateLimitObservation): void {
    const { windowMs, resetAt, receivedAt, rejected } = observation;
    let window = windowMs !== undefined && windowMs > 0 ? windowMs : undefined;
    if (window === undefined) {
      // X-Ratelimit-* state no window. The time to the reset is at most one
      // window (a fixed window's reset, a token bucket's time to full), so the
      // largest seen is the estimate. A 429's reset may be a penalty: not a window.
      const resetIn = resetAt !== undefined && !rejected ? resetAt - receivedAt : 0;
      const known = this.#learned ? (this.#server?.windowMs ?? 0) : 0;
      window = Math.max(known, resetIn) || this.#server?.windowMs;
    }
    if (window === undefined) return;
    this.#server = { limit, windowMs: window };
    this.#learned = true;
  }
}
