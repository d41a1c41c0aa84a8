import { runHooks } from './hooks.js';
import type { RateLimiter, Release } from './rate-limit.js';
import { readRateLimitHeaders } from './retry-hints.js';
import type { Settings } from './settings.js';
import type { RateLimitHeaderNames } from './types.js';

/** Limiters whose clients were told the API's rate-limit headers are not readable (said once). */
const toldHidden = new WeakSet<RateLimiter>();

/**
 * The API answered without the rate-limit headers its SDK names: in a
 * browser, its CORS does not expose them (Modrinth's exposes none). Said
 * once per limiter, with what the client does instead.
 */
function reportHiddenHeaders(
  settings: Settings,
  limiter: RateLimiter,
  names: RateLimitHeaderNames,
): void {
  if (toldHidden.has(limiter) || !settings.logger) return;
  toldHidden.add(limiter);
  const assumed = limiter.serverLimit;
  const pacing = !assumed
    ? 'no limit is assumed: only 429s and their waits slow it down'
    : assumed.kind === 'token-bucket'
      ? `it paces at the documented limit: a burst of ${assumed.limit}, then one call every ${Math.ceil(assumed.windowMs / assumed.limit)} ms`
      : `it keeps to the documented limit: ${assumed.limit} calls per ${assumed.windowMs} ms`;
  const headers = [names.limit, names.remaining, names.reset].filter(Boolean).join(', ');
  const log = settings.logger.warn ?? settings.logger.debug;
  log.call(
    settings.logger,
    `rate limit headers not readable (${headers}): ${pacing}, and waits as long as a 429 says (header or body) before retrying. In a browser the API must list them in Access-Control-Expose-Headers.`,
    { headers, assumed },
  );
}

/**
 * Reports one answer to the client's limiter (see `rate-limit.ts` for what it
 * learns): the rate-limit headers when the client reads them, and a 429's
 * wait (`retryAfterMs`, already clamped). `fromApi`: only the API's own
 * origin speaks for its budget (a CDN's 429 after a redirect pauses nothing);
 * an answer from elsewhere still ends a cold start's one-call probe.
 */
export function observeRateLimit(
  settings: Settings,
  response: Response,
  retryAfterMs: number | undefined,
  release: Release | undefined,
  receivedAt: number,
  fromApi: boolean,
): void {
  const { limiter } = settings;
  if (!limiter) return;
  const names = settings.config.rateLimitHeaders;
  const rejected = response.status === 429;
  if (!names && !rejected) return;
  if (!fromApi) {
    if (names) limiter.observe(undefined, release);
    return;
  }
  const info = readRateLimitHeaders(response.headers, names, receivedAt);
  if (names && !info) reportHiddenHeaders(settings, limiter, names);
  const retryAt = rejected && retryAfterMs !== undefined ? receivedAt + retryAfterMs : undefined;
  const pausedBefore = limiter.pausedUntil;
  const untilMs = limiter.observe(
    info || retryAt !== undefined ? { ...info, rejected, retryAt, receivedAt } : undefined,
    release,
  );
  if (untilMs === undefined || limiter.pausedUntil <= pausedBefore) return;
  const reason = rejected ? 'rate-limited' : 'remaining-exhausted';
  const waitMs = Math.max(0, untilMs - Date.now());
  settings.logger?.debug('rate limit pause', { reason, waitMs, untilMs });
  if (settings.hooks.length > 0) {
    const state = { reason, untilMs, waitMs, limit: info?.limit } as const;
    void runHooks(settings.hooks, 'onRateLimitWait', state).catch(() => {});
  }
}
