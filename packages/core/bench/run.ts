// Benchmarks @x/core against the built package (dist). Run: pnpm run bench
// (node --expose-gc bench/run.ts; Node 24 strips the types).
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCoreFetch, RateLimiter } from '@x/core';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const PAYLOAD = JSON.stringify({
  data: Array.from({ length: 16 }, (_, i) => ({
    id: i,
    slug: `project-${i}`,
    downloads: i * 1000,
  })),
}).padEnd(1024, ' ');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(PAYLOAD),
    });
    res.end(PAYLOAD);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

interface Pair {
  label: string;
  raw: () => Promise<Response>;
  core: () => Promise<Response>;
}

interface PairResult {
  label: string;
  rawP50: number;
  rawP95: number;
  coreP50: number;
  coreP95: number;
  /** Median over the passes of p50(core) / p50(raw) within each pass. */
  ratioP50: number;
  ratioP95: number;
  passRatios: number[];
}

const PASSES = 5;
const WARMUP = 300;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[values.length >> 1] as number;

/**
 * Each pair is measured on its own: `PASSES` passes of `rounds` requests per
 * side, raw and core alternating (order flipped every round) so both see the
 * same machine state; the ratio is taken within a pass, and the median pass
 * is reported. Mixing all variants in one loop let one variant's garbage be
 * collected on another's time, which moved ratios by several percent.
 */
async function overhead(url: string, rounds: number): Promise<PairResult[]> {
  const target = `${url}/data`;
  const bare = createCoreFetch({ baseUrl: url });
  const withAuth = createCoreFetch({ baseUrl: url, token: 'bench-token', userAgent: 'bench/1.0' });
  const sameHeaders = { authorization: 'Bearer bench-token', 'user-agent': 'bench/1.0' };
  // What any client that can cancel a stalled request pays per attempt, with no
  // library at all: an AbortController, a timer, and manual redirects.
  // (async/await with try/finally: measurably cheaper than `.finally()`.)
  const rawWithTimeout = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      return await fetch(target, { signal: controller.signal, redirect: 'manual' });
    } finally {
      clearTimeout(timer);
    }
  };
  const pairs: Pair[] = [
    {
      label: 'URL, defaults (limiter, retry policy, 60 s timeout) vs bare fetch(url)',
      raw: () => fetch(target),
      core: () => bare(target),
    },
    {
      label: 'floor: fetch with a 60 s cancelling timeout (no library) vs bare fetch(url)',
      raw: () => fetch(target),
      core: rawWithTimeout,
    },
    {
      label: 'URL, defaults vs fetch with the same 60 s cancelling timeout',
      raw: rawWithTimeout,
      core: () => bare(target),
    },
    {
      label: 'URL + token + User-Agent (raw sends the same headers)',
      raw: () => fetch(target, { headers: sameHeaders }),
      core: () => withAuth(target),
    },
    {
      label: 'Request object (hey-api call shape), defaults vs fetch(request)',
      raw: () => fetch(new Request(target)),
      core: () => bare(new Request(target)),
    },
  ];
  const time = async (f: () => Promise<Response>) => {
    const t0 = performance.now();
    const res = await f();
    await res.arrayBuffer();
    return performance.now() - t0;
  };
  const results: PairResult[] = [];
  for (const pair of pairs) {
    const raw: number[] = [];
    const core: number[] = [];
    const p50s: number[] = [];
    const p95s: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      const r: number[] = [];
      const c: number[] = [];
      for (let i = 0; i < WARMUP + rounds; i++) {
        const first = i % 2 === 0 ? pair.raw : pair.core;
        const second = first === pair.raw ? pair.core : pair.raw;
        const t1 = await time(first);
        const t2 = await time(second);
        if (i < WARMUP) continue;
        r.push(first === pair.raw ? t1 : t2);
        c.push(first === pair.raw ? t2 : t1);
      }
      r.sort((a, b) => a - b);
      c.sort((a, b) => a - b);
      p50s.push(percentile(c, 50) / percentile(r, 50));
      p95s.push(percentile(c, 95) / percentile(r, 95));
      raw.push(...r);
      core.push(...c);
    }
    raw.sort((a, b) => a - b);
    core.sort((a, b) => a - b);
    results.push({
      label: pair.label,
      rawP50: percentile(raw, 50),
      rawP95: percentile(raw, 95),
      coreP50: percentile(core, 50),
      coreP95: percentile(core, 95),
      ratioP50: median(p50s),
      ratioP95: median(p95s),
      passRatios: p50s,
    });
  }
  return results;
}

async function limiterThroughput() {
  const limiter = new RateLimiter({ maxConcurrent: 4, maxRequests: 1_000_000, intervalMs: 1000 });
  const N = 200_000;
  let t0 = performance.now();
  for (let i = 0; i < N; i++) (await limiter.acquire())();
  const uncontended = N / ((performance.now() - t0) / 1000);

  // Contended: 50,000 queued behind 4 slots, each released as soon as it starts.
  const contendedLimiter = new RateLimiter({ maxConcurrent: 4 });
  const M = 50_000;
  t0 = performance.now();
  await Promise.all(
    Array.from({ length: M }, () => contendedLimiter.acquire().then((release) => release())),
  );
  const contended = M / ((performance.now() - t0) / 1000);
  return { uncontended, contended };
}

async function heapPerQueued() {
  const QUEUED = 10_000;
  // 1. Bare limiter entries.
  gc?.();
  let before = process.memoryUsage().heapUsed;
  const limiter = new RateLimiter({ maxConcurrent: 1 });
  const hold = await limiter.acquire();
  const pending = Array.from({ length: QUEUED }, () => limiter.acquire());
  gc?.();
  const limiterBytes = process.memoryUsage().heapUsed - before;
  hold();
  for (const p of pending) (await p)();

  // 2. Whole CoreFetch calls (Request, call state, promises) queued in the limiter.
  gc?.();
  before = process.memoryUsage().heapUsed;
  const resolvers: ((r: Response) => void)[] = [];
  const f = createCoreFetch({
    baseUrl: 'http://127.0.0.1:9',
    token: 'bench-token',
    rateLimiter: new RateLimiter({ maxConcurrent: 1 }),
    fetch: () => new Promise<Response>((r) => resolvers.push(r)),
  });
  const calls = Array.from({ length: QUEUED + 1 }, (_, i) => f(`/item/${i}`));
  await new Promise((r) => setTimeout(r, 50));
  gc?.();
  const callBytes = process.memoryUsage().heapUsed - before;
  // Drain.
  let done = 0;
  while (done <= QUEUED) {
    while (resolvers.length > 0) {
      resolvers.shift()?.(new Response('{}'));
      done++;
    }
    await new Promise((r) => setImmediate(r));
  }
  await Promise.all(calls);
  return { queued: QUEUED, limiterBytes, callBytes };
}

const ROUNDS = 2000;
const server = await startServer();
const pairs = await overhead(server.url, ROUNDS);
await server.close();
const l = await limiterThroughput();
const h = await heapPerQueued();

const MB = 1024 * 1024;
const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
const rows: string[][] = [];
for (const [i, p] of pairs.entries()) {
  const r50 = p.ratioP50;
  rows.push([
    `overhead: ${p.label}`,
    `raw ${us(p.rawP50)} / ${us(p.rawP95)}; measured ${us(p.coreP50)} / ${us(p.coreP95)}`,
    `p50 ${r50.toFixed(3)}x (passes ${p.passRatios.map((x) => x.toFixed(3)).join(', ')}), p95 ${p.ratioP95.toFixed(3)}x`,
    i === 0 ? 'p50 <= 1.05x' : '',
    i === 0 ? (r50 <= 1.05 ? 'pass' : 'FAIL') : '',
  ]);
}
rows.push(
  [
    'limiter acquire+release, uncontended',
    `${Math.round(l.uncontended).toLocaleString('en')} /s`,
    '',
    '',
    '',
  ],
  [
    'limiter acquire+release, 50k queued behind 4 slots',
    `${Math.round(l.contended).toLocaleString('en')} /s`,
    '',
    '',
    '',
  ],
  [
    `heap: ${h.queued.toLocaleString('en')} queued limiter entries`,
    `${(h.limiterBytes / MB).toFixed(2)} MB`,
    `${Math.round(h.limiterBytes / h.queued)} B each`,
    '< 20 MB',
    h.limiterBytes < 20 * MB ? 'pass' : 'FAIL',
  ],
  [
    `heap: ${h.queued.toLocaleString('en')} CoreFetch calls queued in the limiter`,
    `${(h.callBytes / MB).toFixed(2)} MB`,
    `${Math.round(h.callBytes / h.queued)} B each`,
    '< 20 MB',
    h.callBytes < 20 * MB ? 'pass' : 'FAIL',
  ],
);

const table = [
  '# @x/core benchmark',
  '',
  `${new Date().toISOString()} · Node ${process.version} · ${process.platform}/${process.arch} · each pair: ${PASSES} passes of ${ROUNDS} alternating requests per side to a local node:http server (keep-alive); ratios are within-pass, median pass`,
  '',
  '| Measure | Result (p50 / p95) | Ratio / detail | Target | |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
].join('\n');

mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true });
writeFileSync(new URL('../bench-results/latest.md', import.meta.url), table);
console.log(table);
