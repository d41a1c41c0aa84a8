/**
 * Redirects where the platform follows them: browsers (and webviews,
 * Electron renderers) answer `redirect: 'manual'` with an opaque redirect
 * (`type: 'opaqueredirect'`, status 0, no headers, no `Location`), so a
 * redirect cannot be followed by hand there. The call is sent with
 * `redirect: 'follow'` and the platform follows it; by the Fetch standard it
 * removes `Authorization` on a redirect to another origin, and `Cookie` and
 * `Proxy-Authorization` cannot be set by a page at all.
 *
 * What the platform does NOT remove is any other header: a credential sent
 * under its own name (`X-Api-Key` set with `setConfig({ headers })`) would
 * follow a redirect anywhere. A call that carries a header outside
 * {@link FOLLOW_SAFE_HEADERS} is sent with `redirect: 'manual'` instead; if
 * the answer is a redirect, the browser stops there (the header never
 * leaves the API's origin) and the call fails with an
 * `UnexpectedResponseError` that says why (`opaque-error.ts`, loaded only then).
 */

/** Headers the platform may carry along a redirect: not credentials, or (`authorization`) removed by the platform on a cross-origin hop. */
export const FOLLOW_SAFE_HEADERS: ReadonlySet<string> = new Set([
  'accept',
  'accept-language',
  'authorization',
  'cache-control',
  'content-language',
  'content-type',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-unmodified-since',
  'pragma',
  'range',
  'user-agent',
]);

/** The names of `headers` (lower case) the platform would carry to another origin. */
export function unsafeToFollow(names: Iterable<string>): string[] {
  const out: string[] = [];
  for (const name of names) if (!FOLLOW_SAFE_HEADERS.has(name)) out.push(name);
  return out;
}

/**
 * Whether `response` hides what it is (status 0: an opaque redirect, an
 * opaque `no-cors` answer, a `Response.error()`): never data.
 */
export function isOpaque(response: Response): boolean {
  return response.status === 0 || response.type === 'opaque' || response.type === 'opaqueredirect';
}
