// The "Rate limits" section of BENCHMARKS.md, from the rate-limit runs;
// `pnpm bench` writes it with everything else, `pnpm bench:rate-limits`
// (this file run directly) measures only the rate limits and replaces that
// section alone.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { installPacked } from './packed.ts';
import type { RateLimitResult } from './rate-limits.ts';
import { fixed } from './stats.ts';

const here = (file: string) => new URL(file, import.meta.url).pathname;

/** Runs the scenarios (each runner in a process of its own). */
export function measureRateLimits(): { local: RateLimitResult[]; redis: RateLimitResult[] } {
  // Through the packed tarballs, as users install them (issue 20's condition).
  const packed = installPacked();
  try {
    return measureEach();
  } finally {
    packed.cleanup();
  }
}

function measureEach(): { local: RateLimitResult[]; redis: RateLimitResult[] } {
  const node = (file: string) =>
    JSON.parse(
      execFileSync(process.execPath, [here(file)], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    ) as RateLimitResult[];
  return { local: node('./rate-limits-child.ts'), redis: node('./rate-limits-redis.ts') };
}

const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function rows(results: RateLimitResult[]) {
  return results.map((r) => {
    const ratio = r.minimumMs > 0 ? r.elapsedMs / r.minimumMs : Number.NaN;
    const met =
      r.target === undefined
        ? r.failed === 0
        : r.rejected === 0 && r.failed === 0 && ratio <= r.target;
    return [
      r.name,
      r.calls,
      fixed(r.elapsedMs / 1000, 2),
      fixed(r.minimumMs / 1000, 1),
      fixed(r.lastBatchAtMs / 1000, 2),
      `${fixed(ratio, 3)}x`,
      r.target === undefined ? '0 failed' : `0 x 429, <= ${fixed(r.target, 2)}x`,
      r.rejected,
      r.failed,
      met ? 'met' : '**not met**',
    ];
  });
}

const HEAD = [
  'server',
  'calls',
  'time (s)',
  'optimum (s)',
  'last start at (s)',
  'ratio',
  'target',
  '429s',
  'failed',
  '',
];

/** The section, from its heading to the end of its text. */
export function rateLimitSection(local: RateLimitResult[], redis: RateLimitResult[]): string {
  return `## Rate limits (issues 14 and 20)

A cold burst of concurrent \`getProject\` calls, through the packed tarballs (the packages packed by \`pnpm pack\` and installed by npm into a throwaway project, \`packages/bench/src/packed.ts\`), with the default client (\`createModrinthClient({ baseUrl, userAgent })\`: it assumes Modrinth's documented 300 per minute, a token bucket, until the server states its limit) against a local server, in its own thread, that enforces a limit and answers 429 beyond it. "optimum" is when the last call may start at the earliest: for fixed windows, one window per batch after the first; for a token bucket or labrinth's GCRA, the burst at once, then one start per refill interval. "time" runs until the last call has its answer; "last start at" is when the server received the request the optimum is about (the first of the last batch, or the last call), so "last start at" minus "optimum" is the limiter's own lateness, and "time" minus "last start at" is this machine sending and answering the calls still in flight.

The GCRA server implements exactly the rules of Modrinth's labrinth (\`apps/labrinth/src/util/ratelimit.rs\` in modrinth/code): a stored TAT, refused when \`now - tat < -burst x interval\`, else \`tat = max(tat + interval, now)\`; \`X-Ratelimit-Limit\` = the burst, \`Remaining\` = whole requests left, \`Reset\` = whole seconds until the bucket is full, truncated (\`Reset: 0\` when idle); a 429 carries no \`Retry-After\`, and its JSON body says \`You are being rate-limited. Please wait <ms> milliseconds. 0/<burst> remaining.\`. Its CORS exposes no header, so "headers hidden" reads the answers through a fetch that keeps only the CORS-safelisted headers, as a browser does: the client then paces at the documented default (a burst of 300, one call per 200 ms) and waits as the 429 bodies say.

${table(HEAD, rows(local))}

A short run (600 per 2 s: one 2 s window) cannot amortise the time this machine takes to send and answer one batch of hundreds of concurrent calls: the "floor" row sends the same calls with raw \`fetch\`, each batch by hand at the optimum, with no limiter and no SDK, so its ratio is what this machine allows for that case, in the same run.

### Several processes on one Redis key

4 processes (250 calls each, all at once), one \`RedisRateLimitStore\` key, the default Modrinth client plus only the store, against fixed windows of 100 per 2 s; then the same with the throwaway redis-server SIGKILLed 5 s in and started again 4 s later (empty: no persistence). While Redis is unreachable each process keeps to its share of the budget (the number of processes seen sharing the key lately, kept in Redis beside the budget), and to that share for one window after Redis answers again. "time" runs from the common start to the last answer of any process.

${table(HEAD, rows(redis))}
`;
}

/** Replaces the rate-limit section of `markdown` (up to the next `## ` heading). */
export function replaceSection(markdown: string, section: string): string {
  const start = markdown.indexOf('## Rate limits');
  if (start < 0) return `${markdown.trimEnd()}\n\n${section}`;
  const next = markdown.indexOf('\n## ', start + 3);
  return `${markdown.slice(0, start)}${section}${next < 0 ? '' : markdown.slice(next)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { local, redis } = measureRateLimits();
  const file = new URL('../../../BENCHMARKS.md', import.meta.url);
  const section = rateLimitSection(local, redis).replace(
    '## Rate limits (issues 14 and 20)\n',
    `## Rate limits (issues 14 and 20)\n\nMeasured by \`pnpm bench:rate-limits\` on ${new Date().toISOString()} (only this section; the rest of the file is from the run named at its top).\n`,
  );
  writeFileSync(file, replaceSection(readFileSync(file, 'utf8'), section));
}
