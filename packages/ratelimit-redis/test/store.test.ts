import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RedisBudget } from '../src/redis-budget.js';
import { describeRedis, type RedisServer, startRedis } from './redis-server.js';

describeRedis('the shared budget’s Redis scripts, against a real redis-server', () => {
  let redis: RedisServer;
  let client: Redis;
  let n = 0;
  const store = () => new RedisBudget({ redis: client, key: `test-${++n}` });
  const take = (
    s: RedisBudget,
    now: number,
    expectHeaders = false,
    id = `c${now}-${Math.random()}`,
  ) => s.take({ id, now, assumed: { limit: 3, windowMs: 1000 }, expectHeaders });

  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url);
  });
  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
  });

  it('holds to the assumed limit per window, counting a finished start to its arrival + window', async () => {
    const s = store();
    const now = 1_000_000;
    const granted = [];
    for (let i = 0; i < 3; i++) granted.push(await take(s, now, false, `a${i}`));
    expect(granted.map((g) => g.granted)).toEqual([true, true, true]);
    expect(granted.map((g) => g.granted && g.seq)).toEqual([1, 2, 3]);
    // All three in flight: ask again shortly.
    expect(await take(s, now + 1)).toEqual({ granted: false, waitMs: 0 });
    await s.finish('a0', now + 100);
    expect(await take(s, now + 200)).toEqual({ granted: false, waitMs: 900 });
    expect((await take(s, now + 1100)).granted).toBe(true);
  });

  it('lets one start through before the first answer, when the client reads headers', async () => {
    const s = store();
    const now = 2_000_000;
    expect((await take(s, now, true, 'probe')).granted).toBe(true);
    expect(await take(s, now, true)).toEqual({ granted: false, waitMs: 0 });
    await s.observe({ limit: 10, remaining: 9, resetAt: now + 2000, receivedAt: now }, 1);
    expect((await take(s, now + 1, true)).granted).toBe(true);
  });

  it('learns the limit and window, shares remaining as a budget, and pauses when it is spent', async () => {
    const s = store();
    const now = Date.now();
    const first = await take(s, now, false, 'x1');
    expect(first.granted).toBe(true);
    // The server says 2 left, resetting in 5 s; one more call already started.
    expect((await take(s, now, false, 'x2')).granted).toBe(true);
    expect(
      await s.observe({ limit: 3, remaining: 2, resetAt: now + 5000, receivedAt: now }, 1),
    ).toBeUndefined();
    // 2 - (1 started after the observed one) = 1 left.
    expect((await take(s, now + 1, false, 'x3')).granted).toBe(true);
    const denied = await take(s, now + 2);
    expect(denied.granted).toBe(false);
    const paused = await s.observe(
      { limit: 3, remaining: 0, resetAt: now + 5000, receivedAt: now + 2 },
      3,
    );
    expect(paused).toBe(now + 5000);
    expect(await take(s, now + 3)).toEqual({
      granted: false,
      waitMs: 4997,
      pausedUntil: now + 5000,
    });
  });

  it('a negative remaining (spent) pauses like 0', async () => {
    const s = store();
    const now = Date.now();
    expect((await take(s, now, false, 'n1')).granted).toBe(true);
    const paused = await s.observe(
      { limit: 3, remaining: -1, resetAt: now + 5000, receivedAt: now },
      1,
    );
    expect(paused).toBe(now + 5000);
  });

  it('a reset too far for a Date (Reset: 1e300 s) pauses until the last date, not a garbage integer', async () => {
    const a = store();
    const b = new RedisBudget({ redis: client, key: `test-${n}` });
    const now = Date.now();
    expect((await take(a, now)).granted).toBe(true);
    const end = 8.64e15;
    expect(
      await a.observe({ limit: 3, remaining: 0, resetAt: now + 1e303, receivedAt: now }, 1),
    ).toBe(end);
    expect(await take(b, now + 10)).toEqual({
      granted: false,
      waitMs: end - now - 10,
      pausedUntil: end,
    });
    // With budget left, the window learned from that reset still lets Redis take starts.
    const c = store();
    expect((await take(c, now, false, 'far1')).granted).toBe(true);
    await c.observe({ limit: 3, remaining: 2, resetAt: now + 1e303, receivedAt: now }, 1);
    expect((await take(c, now + 1, false, 'far2')).granted).toBe(true);
  });

  it('a stated limit without a reset or window replaces the assumed one (the assumed window kept)', async () => {
    const s = store();
    const now = 3_000_000;
    expect((await take(s, now, false, 'l0')).granted).toBe(true);
    await s.observe({ limit: 10, receivedAt: now }, 1);
    await s.finish('l0', now);
    const granted = [];
    for (let i = 1; i < 10; i++) granted.push((await take(s, now + i, false, `l${i}`)).granted);
    expect(granted).toEqual(Array(9).fill(true));
    expect((await take(s, now + 20)).granted).toBe(false);
  });

  it('a 429’s wait pauses every process on the key', async () => {
    const a = store();
    const b = new RedisBudget({ redis: client, key: `test-${n}` });
    const now = Date.now();
    expect((await take(a, now)).granted).toBe(true);
    await a.observe({ rejected: true, retryAt: now + 3000, receivedAt: now }, 1);
    expect(await take(b, now + 10)).toEqual({
      granted: false,
      waitMs: 2990,
      pausedUntil: now + 3000,
    });
  });
});
