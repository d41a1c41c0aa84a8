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

interface Item {
  /** The item's bare value: a policy name (string) or, in older drafts, the quota. */
  value: string;
  params: Map<string, string>;
}

/** Splits a structured-field list into items with their `;key=value` parameters (quotes respected). */
function parseList(field: string): Item[] {
  const items: Item[] = [];
  for (const raw of splitOutsideQuotes(field, ',')) {
    const [head = '', ...rest] = splitOutsideQuotes(raw, ';').map((p) => p.trim());
    const params = new Map<string, string>();
    for (const p of rest) {
      const eq = p.indexOf('=');
      if (eq > 0) params.set(p.slice(0, eq).trim().toLowerCase(), unquote(p.slice(eq + 1).trim()));
    }
    items.push({ value: unquote(head), params });
  }
  return items;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' && text[i - 1] !== '\\') quoted = !quoted;
    else if (c === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.filter((p) => p.trim() !== '');
}

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"') && value.length >= 2
    ? value.slice(1, -1).replace(/\\(.)/g, '$1')
    : value;
}

function num(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Reads the IETF fields; `undefined` when the response has none. */
export function readIetfRateLimit(headers: Headers, now: number): IetfRateLimit | undefined {
  const policyField = headers.get('ratelimit-policy');
  const stateField = headers.get('ratelimit');
  const oldLimit = num(headers.get('ratelimit-limit') ?? undefined);
  const oldRemaining = num(headers.get('ratelimit-remaining') ?? undefined);
  const oldReset = num(headers.get('ratelimit-reset') ?? undefined);
  if (
    policyField === null &&
    stateField === null &&
    oldLimit === undefined &&
    oldRemaining === undefined &&
    oldReset === undefined
  ) {
    return undefined;
  }
  let limit = oldLimit;
  let remaining = oldRemaining;
  let resetSeconds = oldReset;
  let windowSeconds: number | undefined;
  let name: string | undefined;

  if (stateField !== null) {
    const items = parseList(stateField);
    const draft7 = items.find((i) => /^(limit|remaining|reset)=/.test(i.value));
    if (draft7) {
      // `limit=100, remaining=42, reset=17`: one dictionary, one member per item.
      for (const item of items) {
        const [key, value] = item.value.split('=');
        if (key === 'limit') limit = num(value);
        if (key === 'remaining') remaining = num(value);
        if (key === 'reset') resetSeconds = num(value);
      }
    } else if (items[0]) {
      name = items[0].value;
      remaining = num(items[0].params.get('r')) ?? remaining;
      resetSeconds = num(items[0].params.get('t')) ?? resetSeconds;
    }
  }
  if (policyField !== null) {
    const policies = parseList(policyField);
    const policy = policies.find((p) => name !== undefined && p.value === name) ?? policies[0];
    if (policy) {
      limit = num(policy.params.get('q')) ?? limit ?? num(policy.value);
      windowSeconds = num(policy.params.get('w'));
    }
  }
  return {
    limit,
    remaining,
    resetAt: resetSeconds === undefined ? undefined : now + resetSeconds * 1000,
    windowMs: windowSeconds === undefined ? undefined : windowSeconds * 1000,
  };
}
