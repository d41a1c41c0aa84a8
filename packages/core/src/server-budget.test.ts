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

  /**
   * A fixed window of 600 per 2 s as window-server.mjs runs it (opened by the
   * first arrival, Reset in whole seconds rounded up): the probe, then the
   * other 599 answered over 350 ms.
   */
  function fullWindow() {
    const budget = new ServerBudget({ limit: 300, windowMs: 60_000, kind: 'token-bucket' });
    const t0 = 1_000_000;
    const windowEnd = t0 + 2 + 2000;
    const answer = (ticket: RateLimitTicket, remaining: number, receivedAt: number) => {
      const resetIn = Math.max(1, Math.ceil((windowEnd - receivedAt) / 1000)) * 1000;
      budget.observe(
        { limit: 600, remaining, resetAt: receivedAt + resetIn, receivedAt },
        ticket,
        receivedAt,
      );
      budget.finish(ticket, receivedAt);
    };
    budget.expectHeaders();
    const [probe] = startAll(budget, t0);
    answer(probe as RateLimitTicket, 599, t0 + 5);
    const batch = startAll(budget, t0 + 5);
    batch.forEach((ticket, j) => {
      answer(ticket, 598 - j, t0 + 10 + Math.floor((j * 350) / 599));
    });
    return { budget, t0, batch, answer };
  }

  it("the next batch goes at once when the new window's first answer vouches for it, not one slot per aging answer", () => {
    const { budget, t0, batch, answer } = fullWindow();
    expect(batch.length).toBe(599);
    expect(startAll(budget, t0 + 2004).length).toBe(0);
    // The probe's answer (t0 + 5) ages out of the window: one start.
    const [first] = startAll(budget, t0 + 2005);
    expect(startAll(budget, t0 + 2005).length).toBe(0);
    // Its answer, from the new window: 599 left.
    answer(first as RateLimitTicket, 599, t0 + 2008);
    expect(startAll(budget, t0 + 2008).length).toBe(599);
  });

  it("a sliding window's answer vouches only for the slots that freed", () => {
    const { budget, t0, answer } = fullWindow();
    const [first] = startAll(budget, t0 + 2005);
    // A sliding log: only the two oldest slots freed, and this call took one.
    answer(first as RateLimitTicket, 1, t0 + 2008);
    expect(startAll(budget, t0 + 2008).length).toBe(1);
  });

  it('calls in flight when the answered one started are not vouched for: they may reach the server after it', () => {
    const { budget, t0, answer } = fullWindow();
    startAll(budget, t0 + 2005);
    // Answers received by t0 + 10 age out: more calls go, while the first is in flight.
    const more = startAll(budget, t0 + 2010);
    expect(more.length).toBeGreaterThan(0);
    // The last of them answers first (it overtook the others): 599 left.
    answer(more[more.length - 1] as RateLimitTicket, 599, t0 + 2012);
    // Less the calls in flight when it started (the first, and the others of its batch).
    expect(startAll(budget, t0 + 2012).length).toBe(599 - more.length);
  });

  it('a share of the budget while limiting alone for several processes', () => {
    const budget = new ServerBudget({ limit: 100, windowMs: 2000 });
    budget.share = 4;
    expect(startAll(budget, 1_000_000).length).toBe(25);
  });
});
