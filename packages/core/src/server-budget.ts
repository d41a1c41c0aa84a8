import { BucketInference } from './bucket-inference.js';
import type {
  RateLimitObservation,
  RateLimitStore,
  RateLimitTicket,
  ServerLimit,
} from './rate-limit.js';

/** A start as this budget counts it. */
interface Ticket extends RateLimitTicket {
  /** Calls in flight when it started (they may reach the server after it). */
  readonly flying: number;
}

/**
 * The server's side of a limiter, in this process: what the server's
 * rate-limit headers taught (its limit and window, its `remaining` budget),
 * and which starts still count against its window. A start counts until its
 * answer arrived plus the window: the latest moment the server can have
 * counted it, so no window of the server's sees more than its limit, whatever
 * the phase of its windows or the network's jitter. Beyond that count, what
 * the newest answer's `remaining` vouches for may start (`#proven`).
 *
 * Those arrivals are never trimmed by what `remaining` says: an answer can
 * be older than calls that reached the server after it (requests overtake
 * each other), and only the arrivals count those (the property tests in
 * `test/rate-limit-learning.test.ts` found the case).
 *
 * A server whose answers show a token bucket (see `bucket-inference.ts`), or
 * an assumed limit of kind `'token-bucket'`, is paced instead by a model of
 * that bucket: its theoretical arrival time (`#tat`: when it is full again)
 * moves one interval per start and is pulled forward by what each answer's
 * `remaining` proves; a start goes when the bucket holds a token beyond a
 * small margin for the network's jitter. After the burst: one start per
 * interval, not a wait for a whole window.
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
  readonly #inference = new BucketInference();
  /** Largest reset deltas seen recently (a fixed window's length), newest last, values falling. */
  #resets: { at: number; ms: number }[] = [];
  /** The bucket model: epoch ms at which the server's bucket is full again. */
  #tat = 0;
  /** The latest start times (at most 1,024), to replay into the bucket model once the answers show one. */
  #startTimes: number[] = [];
  /** Processes sharing the server's budget while this one limits alone (a store's outage). */
  #share = 1;
  #lastNow = 0;
  /** The bucket model's margin for jitter (ms): doubled by each 429, up to a quarter of the bucket. */
  #jitterMs = 60;
  #jitterBumpedAt = 0;
  /** The answers showed a token bucket (not only assumed). */
  #bucketLearned = false;
  /** Learned a limit, but no answer has said its window yet (only `Reset: 0`). */
  #windowUnknown = false;
  /** Starts the server's own `remaining` vouches for beyond the window count (see `observe`); each start spends one. */
  #proven = 0;

  constructor(assumed: ServerLimit | undefined) {
    this.#server = assumed && { ...assumed };
  }

  /** The limit as known: learned from headers (`learned: true`) or assumed. */
  get limit(): (ServerLimit & { learned: boolean }) | undefined {
    return this.#server && { ...this.#server, learned: this.#learned };
  }

  /**
   * Limit this process to `1 / processes` of the server's budget (a shared
   * store is unreachable and that many processes were seen sharing it).
   */
  set share(processes: number) {
    this.#share = Math.max(1, Math.floor(processes) || 1);
  }

  get share(): number {
    return this.#share;
  }

  /** The bucket's refill interval to pace by, when the server is known (or assumed) to be one. */
  #bucket(): { limit: number; intervalMs: number } | undefined {
    const server = this.#server;
    if (server?.kind !== 'token-bucket') return undefined;
    const share = this.#share;
    return {
      limit: Math.max(1, Math.floor(server.limit / share)),
      intervalMs: (server.windowMs / server.limit) * share,
    };
  }

  /** Why a start waits now, in a few words. */
  waitReason(now: number): string | undefined {
    if (this.#probing && this.#inFlight > 0)
      return 'the first call is out: waiting for its answer to learn the limit';
    const bucket = this.#bucket();
    if (bucket)
      return `the API's token bucket is empty: one start every ${Math.ceil(bucket.intervalMs)} ms`;
    if (this.#budget !== undefined && this.#budget <= 0 && now < this.#budgetUntil)
      return "the API's remaining budget is spent until its reset";
    const server = this.#server;
    if (server)
      return `the API's limit: ${Math.floor(server.limit / this.#share)} per ${server.windowMs} ms`;
    return undefined;
  }

  /** The client reads rate-limit headers: one start at a time until the first answer. */
  expectHeaders(): void {
    if (!this.#learned && !this.#observed) this.#probing = true;
  }

  /** Ms until the server's side allows a start; `Number.MIN_VALUE`: until a call finishes. */
  waitMs(now: number): number {
    this.#lastNow = now;
    if (this.#probing && this.#inFlight > 0) return Number.MIN_VALUE;
    const bucket = this.#bucket();
    if (bucket) {
      // Keep a token or more (60 ms at first, doubled after a 429) for the
      // jitter of the network and of both ends' event loops: a start that
      // reaches the server later than the next one must still find one.
      const margin = Math.min(
        bucket.limit - 1,
        Math.max(1, Math.ceil(this.#jitterMs / bucket.intervalMs)),
      );
      return Math.max(0, this.#tat - (bucket.limit - 1 - margin) * bucket.intervalMs - now);
    }
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
    // Until the answers tell a window from a bucket, the learned limit is
    // paced by `remaining` alone: an assumed window does not apply to it.
    if (this.#learned && this.#windowUnknown) return wait;
    const limit = Math.max(1, Math.floor(server.limit / this.#share));
    if (this.#received.length - this.#receivedHead + this.#inFlight >= limit && this.#proven <= 0) {
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
  start(now: number = this.#lastNow || Date.now()): RateLimitTicket {
    this.#inFlight++;
    if (this.#budget !== undefined) this.#budget--;
    if (this.#proven > 0) this.#proven--;
    const bucket = this.#bucket();
    if (bucket) this.#tat = Math.max(this.#tat, now) + bucket.intervalMs;
    else {
      const times = this.#startTimes;
      if (times.length >= 1024) times.splice(0, 512);
      times.push(now);
    }
    // `flying`: the calls in flight as this one starts, which may reach the server after it.
    const ticket: Ticket = { seq: ++this.#started, at: now, flying: this.#inFlight - 1 };
    return ticket;
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
    const { limit, remaining, resetAt, rejected, retryAt } = observation;
    if (limit !== undefined && limit >= 1) this.#learn(limit, observation, seq);
    const bucket = this.#bucket();
    if (bucket) {
      // A 429 says when one start is allowed again: the bucket is empty until then.
      // One 429 (or a burst of them from one moment) doubles it once.
      if (rejected && now >= this.#jitterBumpedAt + 1000) {
        this.#jitterBumpedAt = now;
        this.#jitterMs = Math.min(this.#jitterMs * 2, (bucket.limit * bucket.intervalMs) / 4);
      }
      if (rejected && retryAt !== undefined) {
        this.#tat = Math.max(this.#tat, retryAt + bucket.limit * bucket.intervalMs);
      } else if (remaining !== undefined && ticket?.at !== undefined && this.#share === 1) {
        // What `remaining` proves: the server's bucket, when it answered
        // (no earlier than this start), held fewer than remaining + 1
        // tokens, and each start since takes one more (at least: starts
        // that overtook this one are counted twice, those it overtook not
        // at all, so this only corrects the model upwards, e.g. for other
        // clients sharing the budget).
        const left = Math.max(0, Math.min(bucket.limit, remaining));
        const proven =
          ticket.at + (bucket.limit - left - 1 + (this.#started - seq)) * bucket.intervalMs;
        if (proven > this.#tat) this.#tat = proven;
      }
      if (seq > this.#observedSeq) this.#observedSeq = seq;
      this.#budget = undefined;
      return undefined;
    }
    if (seq < this.#observedSeq) return undefined;
    this.#observedSeq = seq;
    // What the server vouches for, whatever it runs (fixed or sliding
    // windows, a bucket): it could take `remaining` more when it answered,
    // and gains capacity as time passes, less every start it may not have
    // counted: those started after this one, and those in flight when this
    // one started (they may have reached it later). So when a new fixed
    // window's first answer says so, the next batch goes at once, not one
    // slot per aging answer of the previous batch (issue 20: 600 per 2 s was
    // 1.18x its optimum); a sliding window's answer vouches only for the
    // slots that really freed.
    const flying = (ticket as Ticket | undefined)?.flying;
    this.#proven =
      remaining === undefined || rejected || flying === undefined
        ? 0
        : Math.max(0, Math.floor(remaining / this.#share) - (this.#started - seq) - flying);
    if (remaining === undefined || resetAt === undefined) return undefined;
    const wholeSeconds = (resetAt - observation.receivedAt) % 1000 === 0;
    // A reset in whole seconds may be truncated (labrinth's `Reset: 0` while
    // its bucket refills): `remaining` holds for that second at least.
    const resetEnd = wholeSeconds ? Math.max(resetAt, observation.receivedAt + 1000) : resetAt;
    if (resetEnd <= now) return undefined;
    // A Reset in whole seconds is rounded up: answers read at different
    // moments of one fixed window each bound the same reset, so keep the
    // tightest. Only then: a fractional reset is exact, and a token bucket's
    // (time to full) moves later as its budget drains.
    const sameMoment =
      wholeSeconds &&
      this.#budgetUntil > now &&
      remaining <= this.#lastRemaining &&
      Math.abs(resetEnd - this.#budgetUntil) < 1000;
    this.#budgetUntil = sameMoment ? Math.min(this.#budgetUntil, resetEnd) : resetEnd;
    this.#lastRemaining = remaining;
    // The calls started after this one may not be in `remaining` yet. Nor
    // may those in flight that started before it but reached the server
    // after it (an answer of a late start can say a high `remaining`): a
    // known window's count bounds those; with none known yet, count them
    // too. While this process limits alone for several, its share of it.
    const after = this.#started - seq;
    const uncounted = this.#windowUnknown ? Math.max(after, this.#inFlight - 1) : after;
    this.#budget = Math.max(0, Math.floor(remaining / this.#share) - uncounted);
    // Only the server's own 0 (or less: spent) is a pause: a budget spent by
    // our count is recounted from the answers of the calls in flight.
    return remaining <= 0 ? this.#budgetUntil : undefined;
  }

  /**
   * What one answer teaches of the server's limit: the window a server
   * states (IETF `w=`), else whether its answers show a token bucket
   * (then its refill interval), else a fixed window as long as the largest
   * reset seen lately. A reset of 0 (an idle bucket, a window just ended)
   * says nothing of the window; a window learned can shrink as well as grow.
   */
  #learn(limit: number, observation: RateLimitObservation, seq: number): void {
    const { windowMs, resetAt, receivedAt, rejected, remaining } = observation;
    if (windowMs !== undefined && windowMs > 0) {
      this.#server = { limit, windowMs };
      this.#learned = true;
      this.#bucketLearned = false;
      this.#windowUnknown = false;
      return;
    }
    // A 429's reset may be a penalty: not a window.
    const resetIn =
      resetAt !== undefined && !rejected ? Math.max(0, resetAt - receivedAt) : undefined;
    if (resetIn !== undefined && remaining !== undefined && Number.isFinite(resetIn)) {
      this.#inference.add(seq, limit, remaining, resetIn, resetIn % 1000 === 0);
    }
    const interval = this.#inference.kind === 'token-bucket' && this.#inference.intervalMs;
    if (interval) {
      const was = this.#server?.kind === 'token-bucket' ? this.#server : undefined;
      // The interval narrows as answers come: the tokens the model holds taken stay taken.
      if (was && this.#tat > receivedAt) {
        this.#tat = receivedAt + ((this.#tat - receivedAt) * interval * was.limit) / was.windowMs;
      }
      this.#server = { limit, windowMs: interval * limit, kind: 'token-bucket' };
      this.#bucketLearned = true;
      this.#learned = true;
      this.#windowUnknown = false;
      // Entering the bucket model: this process's starts so far, as the
      // bucket counted them (it was full before the first, as the first
      // answer's `remaining` said, else the answers correct it).
      if (!was) {
        let tat = 0;
        for (const at of this.#startTimes) tat = Math.max(tat, at) + interval;
        this.#tat = tat;
        this.#startTimes = [];
      }
      return;
    }
    // Started over (the bucket changed): keep pacing it as learned meanwhile
    // (an assumed bucket is not learned: the answers replace it).
    if (this.#inference.kind === undefined && this.#bucketLearned && this.#server) {
      this.#server = { ...this.#server, limit };
      return;
    }
    this.#bucketLearned = false;
    const window = this.#largestReset(receivedAt, resetIn ?? 0);
    this.#windowUnknown = window === 0;
    const known = window || this.#server?.windowMs;
    if (known === undefined) return;
    this.#server = { limit, windowMs: known };
    this.#learned = true;
  }

  /** The largest reset delta seen lately: one is forgotten two of its lengths after it was seen. */
  #largestReset(at: number, ms: number): number {
    const resets = this.#resets;
    while (resets.length > 0 && (resets[resets.length - 1] as { ms: number }).ms <= ms)
      resets.pop();
    resets.push({ at, ms });
    while (
      resets.length > 1 &&
      (resets[0] as { at: number; ms: number }).at + 2 * (resets[0] as { ms: number }).ms < at
    )
      resets.shift();
    return (resets[0] as { ms: number }).ms;
  }
}
