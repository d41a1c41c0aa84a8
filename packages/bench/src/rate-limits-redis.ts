// The Redis rate-limit cases: 4 processes share one `RedisRateLimitStore`
// key against a server of 100 per 2 s (fixed windows, X-Ratelimit-*),
// 1,000 calls in all; then the same with redis-server killed 5 s in and
// started again 4 s later. redis-server is a throwaway one (no persistence).
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { startWindowServer } from '../../core/test/helpers/window-worker.ts';
import type { RateLimitResult } from './rate-limits.ts';

const PROCESSES = 4;
const CALLS = 1000;
const LIMIT = 100;
const WINDOW_MS = 2000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function startRedis(port: number): ChildProcess {
  return spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
}

async function stopRedis(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await gone;
}

function worker(baseUrl: string, redisUrl: string, key: string, calls: number, startAt: number) {
  const child = spawn(
    process.execPath,
    [
      new URL('./rate-limits-redis-child.ts', import.meta.url).pathname,
      baseUrl,
      redisUrl,
      key,
      String(calls),
      String(startAt),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  return new Promise<{ ok: number; failed: number; last: number }>((resolve, reject) => {
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker exited ${code}`)),
    );
  });
}

async function run(name: string, outage: boolean): Promise<RateLimitResult> {
  const port = await freePort();
  let redis = startRedis(port);
  await new Promise((r) => setTimeout(r, 300));
  const api = await startWindowServer({
    kind: 'fixed',
    integerReset: true,
    limit: LIMIT,
    windowMs: WINDOW_MS,
  });
  try {
    const startAt = Date.now() + 2000;
    const key = `x-ratelimit:bench-${outage ? 'outage' : 'shared'}`;
    const runs = Promise.all(
      Array.from({ length: PROCESSES }, () =>
        worker(api.baseUrl, `redis://127.0.0.1:${port}`, key, CALLS / PROCESSES, startAt),
      ),
    );
    if (outage) {
      await new Promise((r) => setTimeout(r, startAt + 5000 - Date.now()));
      await stopRedis(redis, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 4000));
      redis = startRedis(port);
    }
    const results = await runs;
    const stats = await api.stats();
    const arrivals = [...stats.arrivals].sort((a, b) => a - b);
    const lastBatch = (Math.ceil(CALLS / LIMIT) - 1) * LIMIT;
    return {
      name,
      calls: CALLS,
      elapsedMs: Math.max(...results.map((r) => r.last)) - startAt,
      minimumMs: (Math.ceil(CALLS / LIMIT) - 1) * WINDOW_MS,
      rejected: stats.rejected,
      failed: results.reduce((n, r) => n + r.failed, 0),
      lastBatchAtMs: (arrivals[lastBatch] ?? Number.NaN) - startAt,
      target: outage ? undefined : 1.15,
    };
  } finally {
    await api.close();
    await stopRedis(redis, 'SIGTERM');
  }
}

const results = [
  await run(`${PROCESSES} processes, one Redis key, fixed windows of 100 per 2 s`, false),
  await run(
    `${PROCESSES} processes, one Redis key, 100 per 2 s; redis-server killed 5 s in, back 4 s later`,
    true,
  ),
];
process.stdout.write(JSON.stringify(results));
