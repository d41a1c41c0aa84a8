// One process of the Redis rate-limit cases: `calls` concurrent `getProject`
// calls with the default Modrinth client plus only the shared store, all at
// `startAt`. Prints one JSON line: calls done and failed, and when the last ended.
import { loadSdk } from './packed.ts';

// The tarballs installed by the run (see packed.ts), else the workspace's build.
const { createModrinthClient, MODRINTH_RATE_LIMIT, RateLimiter } =
  await loadSdk<typeof import('@x/modrinth')>('@x/modrinth');
const { RedisRateLimitStore } =
  await loadSdk<typeof import('@x/ratelimit-redis')>('@x/ratelimit-redis');

const [baseUrl, redisUrl, key, count, startAt] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const store = new RedisRateLimitStore({ redis: redisUrl, key, onWarning: () => {} });
const client = createModrinthClient({
  baseUrl: `${baseUrl}/v2`,
  userAgent: 'x-bench/rate-limits-redis',
  rateLimiter: new RateLimiter({ serverLimit: MODRINTH_RATE_LIMIT, store }),
});
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
let ok = 0;
let failed = 0;
let last = 0;
await Promise.all(
  Array.from({ length: Number(count) }, async () => {
    try {
      await client.getProject('sodium');
      ok++;
    } catch {
      failed++;
    }
    last = Math.max(last, Date.now());
  }),
);
await store.close();
process.stdout.write(`${JSON.stringify({ ok, failed, last })}\n`);
