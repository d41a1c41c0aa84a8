// The experiment of `bundle-experiment.ts` only: @x/core's `rate-limit.ts`
// replaced by a limiter that lets every call go at once and learns nothing,
// to measure a bundle with no rate limiting at all. Never shipped or run;
// it has the members @x/core's pipeline calls, so the bundle stays whole.
export class RateLimiter {
  readonly queued = 0;
  readonly running = 0;
  readonly pausedUntil = 0;
  readonly serverLimit = undefined;
  expectRateLimitHeaders(): void {}
  tryAcquire() {
    return Object.assign(() => {}, { seq: 0 });
  }
  acquire() {
    return Promise.resolve(this.tryAcquire());
  }
  observe(): undefined {
    return undefined;
  }
  pauseUntil(): void {}
  waitReason(): string {
    return '';
  }
}
