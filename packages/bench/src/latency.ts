// Latency of one getProject call per client, in one process: rounds of
// blocks, the clients' order rotating every round; each round gives each
// client's p50, and the ratios are taken within the round (so a slow moment
// of the shared machine affects both sides) and their median reported.
import { BARE, type Call, RAW } from './clients.ts';
import { median, percentile } from './stats.ts';

export interface LatencyResult {
  name: string;
  p50Us: number;
  p99Us: number;
  /** Median over rounds of (this client's p50 / raw fetch's p50) in the same round. */
  vsRaw: number;
  /** The same against the bare generated client. */
  vsBare: number;
  rounds: number;
  requests: number;
}

export async function measureLatency(
  clients: Record<string, Call>,
  options: { rounds: number; block: number; warmup: number },
): Promise<LatencyResult[]> {
  const names = Object.keys(clients);
  for (const name of names) for (let i = 0; i < options.warmup; i++) await clients[name]?.();
  const all: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const perRound: Record<string, number>[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length] as string);
    const p50s: Record<string, number> = {};
    for (const name of order) {
      const call = clients[name] as Call;
      const times: number[] = [];
      for (let i = 0; i < options.block; i++) {
        const start = performance.now();
        await call();
        times.push((performance.now() - start) * 1000);
      }
      p50s[name] = median(times);
      all[name]?.push(...times);
    }
    perRound.push(p50s);
  }
  return names.map((name) => ({
    name,
    p50Us: median(all[name] as number[]),
    p99Us: percentile(all[name] as number[], 99),
    vsRaw: median(perRound.map((r) => (r[name] as number) / (r[RAW] as number))),
    vsBare: median(perRound.map((r) => (r[name] as number) / (r[BARE] as number))),
    rounds: options.rounds,
    requests: options.rounds * options.block,
  }));
}
