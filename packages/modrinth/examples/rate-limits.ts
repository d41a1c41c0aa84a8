import { createModrinthClient, MODRINTH_RATE_LIMIT, RateLimiter } from '@x/modrinth';

// Modrinth allows 300 requests/minute per IP. Each client has its own limiter
// by default (assuming that limit until the server states its own); share one
// when several clients run in the same process.
export async function sharedBudget() {
  const limiter = new RateLimiter({ serverLimit: MODRINTH_RATE_LIMIT });
  const launcher = createModrinthClient({ userAgent: 'my-launcher/1.2.0', rateLimiter: limiter });
  const indexer = createModrinthClient({
    userAgent: 'my-launcher-indexer/1.2.0',
    rateLimiter: limiter,
    retry: { maxRetries: 5, maxRetryAfterMs: 60_000 }, // 429s wait as their body says
  });
  const [loaders, versions] = await Promise.all([launcher.loaderList(), indexer.versionList()]);
  // One call with a shorter timeout and no retries, same limiter:
  const quick = await launcher.loaderList({ timeoutMs: 5_000, retry: false });
  return { loaders: loaders.length, versions: versions.length, quick: quick.length };
}
