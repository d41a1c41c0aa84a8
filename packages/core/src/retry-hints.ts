// What answers say about waiting (`Retry-After`, rate-limit headers), read
// only on the paths that need it: an error answer, or an answer carrying
// rate-limit headers (loaded lazily by the browser build, see `lazy.ts`).
import { readIetfRateLimit } from './ietf-rate-limit.js';
import type { ResolvedRetryOptions } from './retry-policy.js';
import type { RateLimitHeaderNames } from './types.js';

function parseNumber(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : undefined;
}

/** The reset time (epoch ms) from a rate-limit reset header value. */
export function parseReset(
  value: string | null,
  kind: RateLimitHeaderNames['resetKind'] = 'delta-seconds',
  now: number = Date.now(),
): number | undefined {
  const n = parseNumber(value);
  if (n === undefined) return undefined;
  switch (kind) {
    case 'epoch-seconds':
      return n * 1000;
    case 'epoch-ms':
      return n;
    case 'delta-ms':
      return now + n;
    default:
      return now + n * 1000;
  }
}

/** Rate-limit state read from a response. */
export interface RateLimitInfo {
  limit: number | undefined;
  remaining: number | undefined;
  /** Epoch ms. */
  resetAt: number | undefined;
  /** The window length, when the server states it (IETF `RateLimit-Policy`). */
  windowMs?: number | undefined;
}

/** Reads the SDK's rate-limit headers; `undefined` when none are configured or present. */
export function readRateLimitHeaders(
  headers: Headers,
  names: RateLimitHeaderNames | undefined,
  now: number = Date.now(),
): RateLimitInfo | undefined {
  if (!names) return undefined;
  const limit = names.limit ? parseNumber(headers.get(names.limit)) : undefined;
  const remaining = names.remaining ? parseNumber(headers.get(names.remaining)) : undefined;
  const resetAt = names.reset
    ? parseReset(headers.get(names.reset), names.resetKind, now)
    : undefined;
  // A server that states its limit in the IETF fields instead (or as well:
  // only they can say the window) is read too.
  const ietf = readIetfRateLimit(headers, now);
  if (ietf) {
    return {
      limit: limit ?? ietf.limit,
      remaining: remaining ?? ietf.remaining,
      resetAt: resetAt ?? ietf.resetAt,
      windowMs: ietf.windowMs,
    };
  }
  if (limit === undefined && remaining === undefined && resetAt === undefined) return undefined;
  return { limit, remaining, resetAt };
}

/**
 * The server's wait hint in ms, unclamped: `retry-after-ms`, then `Retry-After`
 * (seconds or HTTP date), then the rate-limit reset (only on 429 or when
 * `remaining` is 0). `undefined` when there is none.
 */
export function retryAfterHint(
  headers: Headers,
  status: number,
  rateLimitHeaders?: RateLimitHeaderNames,
  now: number = Date.now(),
): number | undefined {
  const ms = parseNumber(headers.get('retry-after-ms'));
  if (ms !== undefined) return ms;
  const ra = headers.get('retry-after');
  if (ra !== null && ra.trim() !== '') {
    const seconds = parseNumber(ra);
    if (seconds !== undefined) return seconds * 1000;
    const date = Date.parse(ra);
    if (!Number.isNaN(date)) return date - now;
  }
  const info = readRateLimitHeaders(headers, rateLimitHeaders, now);
  if (info?.resetAt !== undefined && (status === 429 || info.remaining === 0)) {
    return info.resetAt - now;
  }
  return undefined;
}

/** A hint clamped to at least `minRetryAfterMs` (a 0 or past hint must not make the client spin). */
export function clampHint(hintMs: number, options: Pick<ResolvedRetryOptions, 'minRetryAfterMs'>) {
  return Math.max(options.minRetryAfterMs, Math.ceil(hintMs));
}
