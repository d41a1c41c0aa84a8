import { readIetfRateLimit } from './ietf-rate-limit.js';
import type { RateLimitHeaderNames, RetryOptions } from './types.js';

/** Retry policy with every field set. */
export type ResolvedRetryOptions = Required<Omit<RetryOptions, 'totalTimeoutMs'>> & {
  totalTimeoutMs: number | undefined;
};

/**
 * The defaults (openai-node's and ky's, with full jitter). Marked pure so a
 * bundle that imports `@x/core/internal` without the retry helpers drops it.
 */
export const DEFAULT_RETRY: ResolvedRetryOptions = /* @__PURE__ */ Object.freeze({
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8000,
  minRetryAfterMs: 100,
  maxRetryAfterMs: 60_000,
  totalTimeoutMs: undefined,
  statusCodes: /* @__PURE__ */ Object.freeze([408, 425, 429, 500, 502, 503, 504]),
  methods: /* @__PURE__ */ Object.freeze(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']),
});

/** Layers retry options (later wins per field); `false` anywhere disables retries from there on. */
export function resolveRetry(
  ...layers: (RetryOptions | false | undefined)[]
): ResolvedRetryOptions | false {
  let out: ResolvedRetryOptions | false = DEFAULT_RETRY;
  for (const layer of layers) {
    if (layer === undefined) continue;
    if (layer === false) {
      out = false;
      continue;
    }
    const base: ResolvedRetryOptions = out === false ? DEFAULT_RETRY : out;
    const merged: ResolvedRetryOptions = { ...base };
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
    }
    out = merged;
  }
  return out;
}

/**
 * Full-jitter exponential backoff: a random wait in
 * `[0, min(maxDelayMs, initialDelayMs * 2^(retry-1))]`. `retry` starts at 1.
 */
export function backoffDelay(
  retry: number,
  options: Pick<ResolvedRetryOptions, 'initialDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const exp = options.initialDelayMs * 2 ** Math.max(0, retry - 1);
  const ceiling = Math.max(0, Math.min(options.maxDelayMs, Number.isFinite(exp) ? exp : Infinity));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

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
