import type { RetryOptions } from './types.js';

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
