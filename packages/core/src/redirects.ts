import { isOnOrigin } from './auth.js';
import { CoreError } from './core-error.js';
import { redactUrl } from './redact-url.js';

/** Redirects followed per attempt when none is configured. */
export const DEFAULT_MAX_REDIRECTS = 10;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** One request of a call: the first, or one a redirect led to. */
export interface Hop {
  readonly url: string;
  readonly method: string;
  /** Whether the request keeps its body (a 303, or a 301/302 after a POST, turns it into a bodyless GET). */
  readonly keepsBody: boolean;
  /**
   * Whether credentials may be sent. Sticky: true only while every hop so far
   * stayed on the API origin. Once a call has left it, a redirect back (to a
   * path and method the foreign host chose) gets no credentials.
   */
  readonly trusted: boolean;
  /** 0 for the first request, then 1, 2... */
  readonly index: number;
}

/** The first hop of a call to `url`. */
export function firstHop(url: string, method: string, apiOrigin: string): Hop {
  return { url, method, keepsBody: true, trusted: isOnOrigin(url, apiOrigin), index: 0 };
}

/**
 * Where `response` redirects the request `hop` made, or `undefined` when it
 * is not a redirect to follow (not a 3xx redirect status, or no `Location`).
 * Throws a `CoreError` past `maxRedirects`.
 */
export function nextHop(
  hop: Hop,
  response: Response,
  apiOrigin: string,
  maxRedirects: number = DEFAULT_MAX_REDIRECTS,
): Hop | undefined {
  if (!REDIRECT_STATUSES.has(response.status)) return undefined;
  const location = response.headers.get('location');
  if (!location) return undefined;
  if (hop.index >= maxRedirects) {
    throw new CoreError(
      `Too many redirects (more than ${maxRedirects}): ${hop.method} ${redactUrl(hop.url)}`,
    );
  }
  const url = new URL(location, hop.url).toString();
  const status = response.status;
  const toGet =
    (status === 303 && hop.method !== 'HEAD') ||
    ((status === 301 || status === 302) && hop.method === 'POST');
  return {
    url,
    method: toGet ? 'GET' : hop.method,
    keepsBody: hop.keepsBody && !toGet,
    trusted: hop.trusted && isOnOrigin(url, apiOrigin),
    index: hop.index + 1,
  };
}

/**
 * Sends `first`, then follows redirects by hand: `send` gets each hop and
 * decides its headers from `hop.trusted`. Returns the last response and the
 * hop that produced it.
 */
export async function followRedirects(
  first: Hop,
  send: (hop: Hop) => Promise<Response>,
  apiOrigin: string,
  maxRedirects: number = DEFAULT_MAX_REDIRECTS,
): Promise<{ response: Response; hop: Hop }> {
  let hop = first;
  let response = await send(hop);
  for (;;) {
    const next = nextHop(hop, response, apiOrigin, maxRedirects);
    if (!next) return { response, hop };
    await response.body?.cancel().catch(() => {});
    hop = next;
    response = await send(hop);
  }
}
