import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWindowServer, type WindowServer } from '../../core/test/helpers/window-worker.js';
import { describeRedis, type RedisServer, startRedis } from './redis-server.js';

interface WorkerResult {
  ok: number;
  failed: number;
  first: number;
  last: number;
}

/** One worker process (Node, the built packages): `calls` calls through the store, all at `startAt`. */
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
    { stdio: ['ignore', 'pipe', 'ignore'] },
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

describeRedis('a Redis outage with several processes sharing one key', () => {
  let redis: RedisServer;
  let api: WindowServer | undefined;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
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
