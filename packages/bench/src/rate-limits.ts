// The rate-limit scenarios: a cold burst of `getProject` calls with the
// default client (`createModrinthClient({ baseUrl, userAgent })`, no limiter
// configured) against servers that enforce a limit and state it in their
// headers, each its own way (issue 14), and against a server with Modrinth's
// own rules (labrinth's GCRA, issue 20), its headers visible or hidden as a
// browser sees them. Reported: time against the optimum, 429s the server
// sent, calls that failed.
import {
  corsFetch,
  startWindowServer,
  type WindowServer,
  type WindowServerOptions,
} from '../../core/test/helpers/window-worker.ts';
import { loadSdk } from './packed.ts';

// The tarballs installed by the run (see packed.ts), else the workspace's build.
const { createModrinthClient } = await loadSdk<typeof import('@x/modrinth')>('@x/modrinth');

export interface RateLimitScenario {
  name: string;
  options: WindowServerOptions;
  calls: number;
  /** Read the answers through a fetch that keeps only CORS-safelisted headers (a browser's view). */
  hidden?: boolean;
  /** The ratio target (time / optimum); `undefined`: none (reported only). */
  target?: number;
  /**
   * The machine's floor instead of our client: raw `fetch`, each fixed
   * window's batch sent by hand exactly at the optimum (no limiter, no SDK).
   */
  rawAtOptimum?: boolean;
}

export interface RateLimitResult {
  name: string;
  calls: number;
  elapsedMs: number;
  /** The optimum: when the last call may start at the earliest. */
  minimumMs: number;
  rejected: number;
  failed: number;
  /** When the call that may start last reached the server, from the start (ms). */
  lastBatchAtMs: number;
  target: number | undefined;
}

const WINDOW_TARGET = 1.1;
const GCRA_TARGET = 1.25;

export const SCENARIOS: RateLimitScenario[] = [
  {
    name: 'fixed windows, 100 per 2 s, X-Ratelimit-* (Reset in whole seconds, as Modrinth)',
    options: { kind: 'fixed', integerReset: true, limit: 100, windowMs: 2000 },
    calls: 1000,
    target: WINDOW_TARGET,
  },
  {
    name: 'fixed windows, 600 per 2 s (more than the assumed 300/min), X-Ratelimit-*',
    options: { kind: 'fixed', integerReset: true, limit: 600, windowMs: 2000 },
    calls: 1000,
    target: WINDOW_TARGET,
  },
  {
    name: 'the floor of the case above: raw fetch, each batch sent by hand the moment its window opens',
    options: { kind: 'fixed', integerReset: true, limit: 600, windowMs: 2000 },
    calls: 1000,
    rawAtOptimum: true,
  },
  {
    name: 'fixed windows, 100 per 2 s, IETF RateLimit / RateLimit-Policy',
    options: { kind: 'ietf', limit: 100, windowMs: 2000 },
    calls: 1000,
    target: WINDOW_TARGET,
  },
  {
    name: 'token bucket (Reset = time to full, 3 decimals), 100 per 2 s, X-Ratelimit-*',
    options: { kind: 'bucket', limit: 100, windowMs: 2000 },
    calls: 1000,
    target: WINDOW_TARGET,
  },
  {
    name: "labrinth's GCRA as Modrinth runs it: 300/min, burst 300",
    options: { kind: 'gcra', limit: 300, windowMs: 60_000 },
    calls: 310,
    target: GCRA_TARGET,
  },
  ...[150, 400, 1000].map((calls) => ({
    name: "labrinth's GCRA scaled: 100 per 2 s, burst 100",
    options: { kind: 'gcra', limit: 100, windowMs: 2000 } as WindowServerOptions,
    calls,
    target: GCRA_TARGET,
  })),
  {
    name: "labrinth's GCRA scaled, headers hidden (CORS: a fetch keeping only safelisted headers)",
    options: { kind: 'gcra', limit: 100, windowMs: 2000 },
    calls: 400,
    hidden: true,
  },
];

/** The optimum for `calls` against `options`: a fixed window's batches, or a bucket's burst then one per interval. */
export function optimumMs(options: WindowServerOptions, calls: number): number {
  const { limit, windowMs, kind } = options;
  if (kind === 'gcra' || kind === 'bucket') {
    return Math.max(0, calls - limit) * (windowMs / limit);
  }
  return (Math.ceil(calls / limit) - 1) * windowMs;
}

/** The index (in arrival order) of the call that may start last at the earliest. */
function lastIndex(options: WindowServerOptions, calls: number): number {
  if (options.kind === 'gcra' || options.kind === 'bucket') return calls - 1;
  return (Math.ceil(calls / options.limit) - 1) * options.limit;
}

/**
 * Raw `fetch` calls paced by hand as well as anyone can: the first batch of
 * a fixed window's `limit` at once, then batch `b` the moment its window
 * opens, `b` windows after the server saw the first request (the server's
 * own clock, read from its stats: no client can know better).
 */
function rawAtOptimum(
  server: WindowServer,
  options: WindowServerOptions,
  calls: number,
): Promise<unknown>[] {
  const send = async () => {
    const response = await fetch(`${server.baseUrl}/v2/project/sodium`);
    if (!response.ok) throw new Error(`status ${response.status}`);
    return response.json();
  };
  const firstArrival = (async () => {
    for (;;) {
      const { arrivals } = await server.stats();
      if (arrivals.length > 0) return Math.min(...arrivals);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  })();
  return Array.from({ length: calls }, async (_, i) => {
    const batch = Math.floor(i / options.limit);
    if (batch > 0) {
      const due = (await firstArrival) + batch * options.windowMs + 1;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
    }
    return send();
  });
}

export async function runScenario(scenario: RateLimitScenario): Promise<RateLimitResult> {
  const server = await startWindowServer(scenario.options);
  try {
    // The default client: Modrinth's assumed limit until the server says otherwise.
    const client = createModrinthClient({
      baseUrl: `${server.baseUrl}/v2`,
      userAgent: 'x-bench/rate-limits',
      ...(scenario.hidden ? { fetch: corsFetch } : {}),
    });
    const started = Date.now();
    const results = await Promise.allSettled(
      scenario.rawAtOptimum
        ? rawAtOptimum(server, scenario.options, scenario.calls)
        : Array.from({ length: scenario.calls }, () => client.getProject('sodium')),
    );
    const elapsedMs = Date.now() - started;
    const stats = await server.stats();
    const accepted = [...stats.arrivals].sort((a, b) => a - b);
    return {
      lastBatchAtMs:
        (accepted[lastIndex(scenario.options, scenario.calls)] ?? Number.NaN) - started,
      name: scenario.name,
      calls: scenario.calls,
      elapsedMs,
      minimumMs: optimumMs(scenario.options, scenario.calls),
      rejected: stats.rejected,
      failed: results.filter((r) => r.status === 'rejected').length,
      target: scenario.target,
    };
  } finally {
    await server.close();
  }
}
