/**
 * The IETF rate-limit header fields (draft-ietf-httpapi-ratelimit-headers):
 * `RateLimit-Policy: "default";q=100;w=60` states the quota and its window,
 * `RateLimit: "default";r=42;t=17` what remains and the seconds until reset.
 * Earlier drafts' forms are read too: `RateLimit-Policy: 100;w=60` with
 * `RateLimit-Limit` / `-Remaining` / `-Reset`, and
 * `RateLimit: limit=100, remaining=42, reset=17`.
 */

/** What the IETF fields say, in the units @x/core uses (reset as epoch ms). */
export interface IetfRateLimit {
  limit: number | undefined;
  remaining: number | undefined;
  resetAt: number | undefined;
  windowMs: number | undefined;
}

/** A `key=number` parameter of a structured field item (`;q=100`, `limit=100`). */
function param(item: string | undefined, key: string): number | undefined {
  const match = item?.match(new RegExp(`(?:^|[;,\\s])${key}=(\\d+(?:\\.\\d+)?)`));
  const n = match ? Number(match[1]) : Number.NaN;
  // Hundreds of digits read as Infinity: garbage, not an endless window.
  return Number.isFinite(n) ? n : undefined;
}

function num(value: string | null): number | undefined {
  const n = value === null || value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Reads the IETF fields; `undefined` when the response has none. */
export function readIetfRateLimit(headers: Headers, now: number): IetfRateLimit | undefined {
  const policies = headers.get('ratelimit-policy');
  const state = headers.get('ratelimit');
  let limit = num(headers.get('ratelimit-limit'));
  let remaining = num(headers.get('ratelimit-remaining'));
  let reset = num(headers.get('ratelimit-reset'));
  if (
    policies === null &&
    state === null &&
    [limit, remaining, reset].every((v) => v === undefined)
  )
    return undefined;
  // The state names its policy (`"default";r=..`), or is one dictionary (`limit=.., remaining=..`).
  const name = state?.match(/^\s*"([^"]*)"/)?.[1];
  if (state !== null) {
    limit = param(state, 'limit') ?? limit;
    remaining = param(state, 'r') ?? param(state, 'remaining') ?? remaining;
    reset = param(state, 't') ?? param(state, 'reset') ?? reset;
  }
  let windowSeconds: number | undefined;
  if (policies !== null) {
    const items = policies.split(',');
    const policy = items.find((p) => name !== undefined && p.includes(`"${name}"`)) ?? items[0];
    limit = param(policy, 'q') ?? limit ?? num(policy?.split(';')[0] ?? null);
    windowSeconds = param(policy, 'w');
  }
  return {
    limit,
    remaining,
    resetAt: reset === undefined ? undefined : now + reset * 1000,
    windowMs: windowSeconds === undefined ? undefined : windowSeconds * 1000,
  };
}
