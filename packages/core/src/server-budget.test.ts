import { describe, expect, it } from 'vitest';
import type { RateLimitTicket } from './rate-limit.js';
import { ServerBudget } from './server-budget.js';

/** Starts as many as the budget allows at `now`. */
function startAll(budget: ServerBudget, now: number, max = 10_000): RateLimitTicket[] {
  const tickets: RateLimitTicket[] = [];
  while (tickets.length < max && budget.waitMs(now) <= 0) tickets.push(budget.start(now));
  return tickets;
}

describe('ServerBudget, a token bucket', () => {
  it('assumed (Modrinth: 300 per minute, a bucket): the burst at once, then one start per 200 ms, not a window', () => {
    const budget = new ServerBudget({ limit: 300, windowMs: 60_000, kind: 'token-bucket' });
    const t0 = 1_000_000;
    const burst = startAll(budget, t0);
    // A token kept for the network's jitter.
    expect(burst.length).toBe(299);
    const wait = budget.waitMs(t0);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(400);
    let now = t0 + wait;
    const starts: number[] = [];
    for (let i = 0; i < 10; i++) {
      now += Math.max(0, budget.waitMs(now));
      budget.start(now);
      starts.push(now);
    }
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    for (const gap of gaps) expect(gap).toBeCloseTo(200, 5);
  });

  it('learned from answers: a bucket paced by its interval; Reset: 0 never fixes the window', () => {
    const budget = new ServerBudget({ limit: 300, windowMs: 60_000 });
    const t0 = 1_000_000;
    budget.expectHeaders();
    const [probe] = startAll(budget, t0);
    // An idle bucket of 100, one token per 20 ms: Remaining 99, Reset 0.
    budget.observe(
      { limit: 100, remaining: 99, resetAt: t0 + 5, receivedAt: t0 + 5 },
      probe,
      t0 + 5,
    );
    budget.finish(probe as RateLimitTicket, t0 + 5);
    expect(budget.limit).toMatchObject({ limit: 100, learned: true });
    const burst = startAll(budget, t0 + 5);
    expect(burst.length).toBe(99);
    // Their answers, as labrinth computes them (all at t0 + 10: 20 ms per start used).
    burst.forEach((ticket, i) => {
      const used = i + 2;
      const d = used * 20 - 10;
      budget.observe(
        {
          limit: 100,
          remaining: Math.max(0, Math.trunc((2000 - d) / 20)),
          resetAt: t0 + 10 + Math.trunc(d / 1000) * 1000,
          receivedAt: t0 + 10,
        },
        ticket,
        t0 + 10,
      );
      budget.finish(ticket, t0 + 10);
    });
    expect(budget.limit?.kind).toBe('token-bucket');
    // One start per ~20 ms (its upper bound), not a window's wait.
    const interval = (budget.limit?.windowMs ?? 0) / 100;
    expect(interval).toBeGreaterThanOrEqual(20);
    expect(interval).toBeLessThan(21);
    let now = t0 + 10;
    now += budget.waitMs(now);
    expect(now - t0).toBeLessThan(200);
    budget.start(now);
    const next = budget.waitMs(now);
    expect(next).toBeCloseTo(interval, 5);
  });
});

describe('ServerBudget, a fixed window', () => {
  it('the window learned shrinks when the resets seen lately are shorter', () => {
    const budget = new ServerBudget(undefined);
    const t0 = 1_000_000;
    budget.observe(
      { limit: 10, remaining: 9, resetAt: t0 + 60_000, receivedAt: t0 },
      undefined,
      t0,
    );
    expect(budget.limit?.windowMs).toBe(60_000);
    const later = t0 + 130_000;
    budget.observe(
      { limit: 10, remaining: 9, resetAt: later + 2000, receivedAt: later },
      undefined,
      later,
    );
    expect(budget.limit?.windowMs).toBe(2000);
  });

  it('a share of the budget while limiting alone for several processes', () => {
    const budget = new ServerBudget({ limit: 100, windowMs: 2000 });
    budget.share = 4;
    expect(startAll(budget, 1_000_000).length).toBe(25);
  });
});
