import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createCoreFetch, RateLimiter } from '@x/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWindowServer, type WindowServer } from '../../core/test/helpers/window-worker.js';
import { worker as exampleWorker } from '../examples/workers.js';
import { RedisRateLimitStore } from '../src/index.js';
import { describeRedis, type RedisServer, startRedis } from './redis-server.js';

interface WorkerResult {
  ok: number;
  failed: number;
  first: number;
  last: number;
}

/** One worker process (Node, the built packages) making `calls` calls through the store. */
function worker(
  baseUrl: string,
  redisUrl: string,
  key: string,
  calls: number,
  startAt: number,
): Promise<WorkerResult> {
  const script = fileURLToPath(new URL('./fixtures/worker.mjs', import.meta.url));
  const child = spawn(
    process.execPath,
    [script, baseUrl, redisUrl, key, String(calls), String(startAt)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as WorkerResult)
        : reject(new Error(`worker exited ${code}`)),
    );
  });
}

describeRedis('one budget across processes, on Redis', () => {
  let redis: RedisServer;
  let api: WindowServer | undefined;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
  });

  it('4 worker processes x 250 calls against 100 per 2 s: no 429, no worker starved, within 1.15x the minimum', async () => {
    api = await startWindowServer({
      kind: 'fixed',
      integerReset: true,
      limit: 100,
      windowMs: 2000,
    });
    // The workers start up (a node process takes a moment), then burst together.
    const startAt = Date.now() + 2000;
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        worker(api!.baseUrl, redis.url, 'x-ratelimit:four', 250, startAt),
      ),
    );
    const stats = await api.stats();
    await api.close();
    api = undefined;
    expect(stats.rejected).toBe(0);
    expect(stats.ok).toBe(1000);
    expect(results.map((r) => [r.ok, r.failed])).toEqual(Array(4).fill([250, 0]));
    // 10 windows of 100: the last batch starts at least 9 windows after the first.
    const minimum = 9 * 2000;
    const elapsed = Math.max(...stats.arrivals) - Math.min(...stats.arrivals);
    expect(elapsed).toBeGreaterThanOrEqual(minimum);
    const first = Math.min(...stats.arrivals);
    const batches = [...stats.arrivals]
      .sort((x, y) => x - y)
      .filter((_, i) => i % 100 === 0)
      .map((t) => t - first);
    console.log(
      `shared budget: 1,000 calls in ${elapsed} ms (${(elapsed / minimum).toFixed(3)}x the minimum); windows opened at ${batches.join(' ')} ms`,
    );
    expect(elapsed, `elapsed ${elapsed} ms for a minimum of ${minimum} ms`).toBeLessThanOrEqual(
      minimum * 1.15,
    );
    // No worker starved: each got calls through from the first windows, none waited until the end.
    for (const r of results) expect(r.first - first).toBeLessThan(minimum / 2);
  });

  it('Redis killed mid-run: one warning, local limiting, no hang; it resumes sharing when Redis is back', async () => {
    api = await startWindowServer({ kind: 'fixed', limit: 20, windowMs: 500 });
    const warnings: string[] = [];
    const store = new RedisRateLimitStore({
      redis: redis.url,
      key: 'x-ratelimit:killed',
      onWarning: (m) => void warnings.push(m),
    });
    const f = createCoreFetch({
      baseUrl: api.baseUrl,
      rateLimiter: new RateLimiter({ store }),
      rateLimitHeaders: {
        limit: 'x-ratelimit-limit',
        remaining: 'x-ratelimit-remaining',
        reset: 'x-ratelimit-reset',
      },
    });
    const call = async (i: number) => (await f(`/item?i=${i}`)).status;
    try {
      expect(await Promise.all(Array.from({ length: 30 }, (_, i) => call(i)))).toEqual(
        Array(30).fill(200),
      );
      expect(warnings).toEqual([]);
      await redis.kill();
      const started = Date.now();
      const during = await Promise.all(Array.from({ length: 60 }, (_, i) => call(100 + i)));
      expect(during.every((s) => s === 200)).toBe(true);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/Redis failed .*limiting in this process/);
      await redis.restart();
      // The store is asked again after its back-off; wait for the client to reconnect.
      await new Promise((r) => setTimeout(r, 1500));
      expect(await Promise.all(Array.from({ length: 10 }, (_, i) => call(200 + i)))).toEqual(
        Array(10).fill(200),
      );
      expect(warnings.at(-1)).toMatch(/Redis answers again; sharing the budget/);
      const check = new (await import('ioredis')).Redis(redis.url);
      try {
        expect(Number(await check.hget('x-ratelimit:killed:state', 'seq'))).toBeGreaterThan(0);
      } finally {
        check.disconnect();
      }
      const stats = await api.stats();
      expect(stats.ok).toBe(100);
    } finally {
      await store.close();
    }
  });

  it('the README example: a worker sharing the budget through Redis', async () => {
    api = await startWindowServer({ kind: 'fixed', limit: 5, windowMs: 1000 });
    expect(await exampleWorker(api.baseUrl, redis.url, ['/a', '/b', '/c'])).toEqual([
      200, 200, 200,
    ]);
    expect((await api.stats()).ok).toBe(3);
    await api.close();
    api = undefined;
  });

  it('4 processes x 250 calls, 100 per 2 s, redis-server killed 5 s in and back 4 s later: no call fails, all done within 60 s, each keeps to its share meanwhile', async () => {
    api = await startWindowServer({
      kind: 'fixed',
      integerReset: true,
      limit: 100,
      windowMs: 2000,
    });
    const startAt = Date.now() + 2000;
    const runs = Promise.all(
      Array.from({ length: 4 }, () =>
        worker(api!.baseUrl, redis.url, 'x-ratelimit:outage', 250, startAt),
      ),
    );
    await new Promise((r) => setTimeout(r, startAt + 5000 - Date.now()));
    await redis.kill();
    const killedAt = Date.now();
    await new Promise((r) => setTimeout(r, 4000));
    await redis.restart();
    const results = await runs;
    const stats = await api.stats();
    await api.close();
    api = undefined;
    const done = Math.max(...results.map((r) => r.last)) - startAt;
    // Starts per fixed window of the server while Redis was down: each process
    // kept to a quarter, so no window saw much more than the limit.
    const during = stats.arrivals.filter((t) => t >= killedAt && t < killedAt + 4000).length;
    console.log(
      `outage: ${stats.ok} ok, ${stats.rejected} x 429, all done ${done} ms after the start; ${during} starts during the 4 s outage`,
    );
    expect(results.map((r) => r.failed)).toEqual([0, 0, 0, 0]);
    expect(stats.ok).toBe(1000);
    expect(done).toBeLessThan(60_000);
    // Each process's share (25 per 2 s) rather than the whole budget each (400 per 2 s).
    expect(during).toBeLessThanOrEqual(2 * 100 + 100);
  }, 90_000);
});
