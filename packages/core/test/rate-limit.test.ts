import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../src/index.js';

const tick = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('RateLimiter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('limits concurrency and serves FIFO', async () => {
    const limiter = new RateLimiter({ maxConcurrent: 2 });
    const order: number[] = [];
    const r1 = await limiter.acquire();
    const r2 = await limiter.acquire();
    const p3 = limiter.acquire().then((r) => {
      order.push(3);
      return r;
    });
    const p4 = limiter.acquire().then((r) => {
      order.push(4);
      return r;
    });
    expect(limiter.queued).toBe(2);
    r1();
    r1(); // idempotent
    const r3 = await p3;
    expect(limiter.running).toBe(2);
    r2();
    const r4 = await p4;
    expect(order).toEqual([3, 4]);
    r3();
    r4();
    expect(limiter.running).toBe(0);
  });

  it('allows maxRequests starts per sliding window', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = new RateLimiter({ maxRequests: 3, intervalMs: 1000 });
    const starts: number[] = [];
    const all = Array.from({ length: 7 }, () =>
      limiter.acquire().then((release) => {
        starts.push(Date.now());
        release();
      }),
    );
    await vi.runAllTimersAsync();
    await Promise.all(all);
    expect(starts).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('pauseUntil holds every request until the reset', async () => {
    vi.useFakeTimers({ now: 10_000 });
    const limiter = new RateLimiter();
    limiter.pauseUntil(12_500);
    expect(limiter.pausedUntil).toBe(12_500);
    expect(limiter.tryAcquire()).toBeUndefined();
    let startedAt = 0;
    const p = limiter.acquire().then((release) => {
      startedAt = Date.now();
      release();
    });
    await vi.advanceTimersByTimeAsync(2_499);
    expect(startedAt).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await p;
    expect(startedAt).toBe(12_500);
    expect(limiter.pausedUntil).toBe(0);
  });

  it('rejects queued acquires when their signal aborts, with the reason', async () => {
    const limiter = new RateLimiter({ maxConcurrent: 1 });
    const release = await limiter.acquire();
    const ac = new AbortController();
    const p = limiter.acquire(ac.signal);
    const reason = new Error('stop');
    ac.abort(reason);
    await expect(p).rejects.toBe(reason);
    expect(limiter.queued).toBe(0);
    release();
    await expect(limiter.acquire(AbortSignal.abort())).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('schedule() runs a task in a slot', async () => {
    const limiter = new RateLimiter({ maxConcurrent: 1 });
    expect(await limiter.schedule(() => 42)).toBe(42);
    expect(limiter.running).toBe(0);
  });

  it('rejects invalid options', () => {
    expect(() => new RateLimiter({ maxRequests: 0 })).toThrow(RangeError);
  });

  it('property: never more than maxRequests starts in any window, never more than maxConcurrent running', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 10, max: 500 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 2000 }),
            hold: fc.integer({ min: 0, max: 300 }),
          }),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        async (maxRequests, intervalMs, maxConcurrent, jobs) => {
          vi.useFakeTimers({ now: 1_000_000 });
          try {
            const limiter = new RateLimiter({ maxRequests, intervalMs, maxConcurrent });
            const starts: number[] = [];
            let running = 0;
            let peak = 0;
            const tasks = jobs.map(async ({ at, hold }) => {
              await tick(at);
              const release = await limiter.acquire();
              starts.push(Date.now());
              running++;
              peak = Math.max(peak, running);
              await tick(hold);
              running--;
              release();
            });
            await vi.runAllTimersAsync();
            await Promise.all(tasks);
            starts.sort((a, b) => a - b);
            for (let i = 0; i + maxRequests < starts.length; i++) {
              expect(
                (starts[i + maxRequests] as number) - (starts[i] as number),
              ).toBeGreaterThanOrEqual(intervalMs);
            }
            expect(peak).toBeLessThanOrEqual(maxConcurrent);
            expect(starts.length).toBe(jobs.length);
            expect(vi.getTimerCount()).toBe(0);
          } finally {
            vi.useRealTimers();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
