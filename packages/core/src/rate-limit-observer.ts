import { runHooks } from './hooks.js';
import { DEFAULT_RETRY, readRateLimitHeaders } from './retry-policy.js';
import type { Settings } from './settings.js';

/**
 * Reads one API response for rate-limit news and pauses the client's limiter:
 * until the window resets when `remaining` reached 0, or for the server's
 * hint (`retryAfterMs`, already clamped) on a 429. A pause never exceeds
 * `maxRetryAfterMs` (a misconfigured reset header must not stall a client).
 */
export function observeRateLimit(
  settings: Settings,
  response: Response,
  retryAfterMs: number | undefined,
): void {
  const { limiter } = settings;
  if (!limiter) return;
  const now = Date.now();
  const maxWait = (settings.retry || DEFAULT_RETRY).maxRetryAfterMs;
  if (response.status === 429 && retryAfterMs !== undefined && retryAfterMs <= maxWait) {
    pause(settings, now + retryAfterMs, 'rate-limited', undefined);
    return;
  }
  const info = readRateLimitHeaders(response.headers, settings.config.rateLimitHeaders, now);
  if (info?.remaining !== 0 || info.resetAt === undefined) return;
  pause(settings, Math.min(info.resetAt, now + maxWait), 'remaining-exhausted', info.limit);
}

function pause(
  settings: Settings,
  untilMs: number,
  reason: 'remaining-exhausted' | 'rate-limited',
  limit: number | undefined,
): void {
  const limiter = settings.limiter;
  if (!limiter) return;
  const before = limiter.pausedUntil;
  limiter.pauseUntil(untilMs);
  if (limiter.pausedUntil <= before) return;
  const waitMs = Math.max(0, untilMs - Date.now());
  settings.logger?.debug('rate limit pause', { reason, waitMs, untilMs });
  if (settings.hooks.length > 0) {
    const state = { reason, untilMs, waitMs, limit };
    void runHooks(settings.hooks, 'onRateLimitWait', state).catch(() => {});
  }
}
