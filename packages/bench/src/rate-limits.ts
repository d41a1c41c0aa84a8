// The rate-limit scenarios of issue 14: a cold burst of 1,000 `getProject`
// calls with the default client (no limiter configured) against servers that
// enforce a limit and state it in their headers, each its own way. Reported:
// time against the theoretical minimum, 429s the server sent, calls that failed.
import { createModrinthClient } from '@x/modrinth';
import {
  startWindowServer,
  type WindowServerOptions,
} from '../../core/test/helpers/window-worker.ts';

export interface RateLimitScenario {
  name: string;
  options: WindowServerOptions;
}

export interface RateLimitResult {
  name: string;
  calls: number;
  elapsedMs: number;
  minimumMs: number;
  rejected: number;
  failed: number;
  /** When the last batch's first call reached the server, from the start (ms). */
  lastBatchAtMs: number;
}

export const CALLS = 1000;

export const SCENARIOS: RateLimitScenario[] = [
  {
    name: 'fixed windows, 100 per 2 s, X-Ratelimit-* (Reset in whole seconds, as Modrinth)',
    options: { kind: 'fixed', integerReset: true, limit: 100, windowMs: 2000 },
  },
  {
    name: 'fixed windows, 600 per 2 s (more than the assumed 300/min), X-Ratelimit-*',
    options: { kind: 'fixed', integerReset: true, limit: 600, windowMs: 2000 },
  },
  {
    name: 'fixed windows, 100 per 2 s, IETF RateLimit / RateLimit-Policy',
    options: { kind: 'ietf', limit: 100, windowMs: 2000 },
  },
  {
    name: 'token bucket (sliding, GCRA-like), 100 per 2 s, X-Ratelimit-*',
    options: { kind: 'bucket', limit: 100, windowMs: 2000 },
  },
];

export async function runScenario(scenario: RateLimitScenario): Promise<RateLimitResult> {
  const server = await startWindowServer(scenario.options);
  try {
    // The default client: Modrinth's assumed 300/minute until the server says otherwise.
    const client = createModrinthClient({ baseUrl: `${server.baseUrl}/v2` });
    const started = Date.now();
    const results = await Promise.allSettled(
      Array.from({ length: CALLS }, () => client.getProject('sodium')),
    );
    const elapsedMs = Date.now() - started;
    const { limit, windowMs } = scenario.options;
    const stats = await server.stats();
    const arrivals = [...stats.arrivals].sort((a, b) => a - b);
    const lastBatch = (Math.ceil(CALLS / limit) - 1) * limit;
    return {
      lastBatchAtMs: (arrivals[lastBatch] ?? Number.NaN) - started,
      name: scenario.name,
      calls: CALLS,
      elapsedMs,
      // The last batch can start no earlier than (batches - 1) windows after the first.
      minimumMs: (Math.ceil(CALLS / limit) - 1) * windowMs,
      rejected: stats.rejected,
      failed: results.filter((r) => r.status === 'rejected').length,
    };
  } finally {
    await server.close();
  }
}
