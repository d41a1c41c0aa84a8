/**
 * Tells a token bucket (GCRA, as Modrinth's labrinth runs) from a fixed
 * window, from the `X-Ratelimit-*` answers alone, and bounds the bucket's
 * refill interval.
 *
 * In a bucket of `limit` tokens refilled one per interval `T`, an answer's
 * `remaining` is the whole tokens left and its reset the time until the
 * bucket is full again, `d`, both read at the same instant. So
 * `(limit - remaining - 1) * T < d <= (limit - remaining) * T`, whatever the
 * timing of the calls, and the reset bounds `d` to within its precision
 * (whole seconds, truncated by labrinth and rounded up by others: +-1 s).
 * Every answer narrows the interval `T` may lie in; a fixed window's answers
 * (a reset that does not grow with the tokens used) soon leave it empty.
 */
export class BucketInference {
  /** Bounds of the refill interval (ms): `lo <= T < hi`. */
  #lo = 0;
  #hi = Number.POSITIVE_INFINITY;
  /** Answers whose reset grew while their remaining fell (a bucket's signature). */
  #grew = 0;
  #contradicted = false;
  #last: { seq: number; remaining: number; resetIn: number } | undefined;
  #limit = 0;
  #answers = 0;
  #restarted = false;

  /** The refill interval to pace by (the upper bound: never faster than the server). */
  get intervalMs(): number | undefined {
    return Number.isFinite(this.#hi) ? this.#hi : undefined;
  }

  /** What the answers so far say: `undefined` while they cannot tell. */
  get kind(): 'token-bucket' | 'fixed-window' | undefined {
    if (this.#contradicted) return 'fixed-window';
    if (this.#grew >= 1 && Number.isFinite(this.#hi) && this.#hi > 0) return 'token-bucket';
    return undefined;
  }

  /** Forgets everything (the server's limit changed). */
  reset(limit: number): void {
    this.#lo = 0;
    this.#hi = Number.POSITIVE_INFINITY;
    this.#grew = 0;
    this.#contradicted = false;
    this.#last = undefined;
    this.#limit = limit;
    this.#answers = 0;
  }

  /**
   * One successful answer of the start `seq`: the limit, whole tokens left,
   * and the reset's delta in ms (`wholeSeconds`: stated in whole seconds).
   */
  add(seq: number, limit: number, remaining: number, resetIn: number, wholeSeconds: boolean): void {
    if (limit !== this.#limit) this.reset(limit);
    // A verdict is not for ever: a server can change how it limits.
    if (++this.#answers > 1000) this.reset(limit);
    if (this.#contradicted) return;
    const left = Math.max(0, Math.min(limit, remaining));
    const used = limit - left;
    const slack = wholeSeconds ? 1000 : 1;
    const dLo = Math.max(0, resetIn - slack);
    const dHi = resetIn + slack;
    // At 0 left, labrinth lets one more start in (its check is `<=`): d may reach (used + 1) * T.
    const lo = dLo / (left === 0 ? used + 1 : Math.max(used, 1));
    if (lo > this.#lo) this.#lo = lo;
    if (used >= 2) {
      const hi = dHi / (used - 1);
      if (hi < this.#hi) this.#hi = hi;
    }
    if (this.#lo >= this.#hi) {
      // A bucket that contradicts what it said changed (its interval, its
      // size): start over from this answer. Otherwise it is no bucket.
      if (this.kind === 'token-bucket' && !this.#restarted) {
        this.reset(limit);
        this.#restarted = true;
        this.add(seq, limit, remaining, resetIn, wholeSeconds);
        this.#restarted = false;
        return;
      }
      this.#contradicted = true;
      return;
    }
    // Growth beyond the noise of timing (a reset read in decimals moves by
    // a few ms between answers of one fixed window).
    const last = this.#last;
    const step = wholeSeconds ? 1000 : 50;
    if (last && seq > last.seq && left < last.remaining && resetIn >= last.resetIn + step) {
      this.#grew++;
    }
    if (!last || seq > last.seq) this.#last = { seq, remaining: left, resetIn };
  }
}
