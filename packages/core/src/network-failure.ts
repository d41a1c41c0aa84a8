/** Error codes of a failed connection: Node system errors (`ECONNRESET`, `ENOTFOUND`...) and undici's (`UND_ERR_SOCKET`...). */
const NETWORK_CODE = /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/;

/** What fetch implementations say when the network failed: undici, Chromium, Firefox, Safari. */
const NETWORK_MESSAGE =
  /^(fetch failed|failed to fetch|networkerror when attempting to fetch resource|load failed|network error|the network connection was lost)/i;

function hasNetworkCode(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && NETWORK_CODE.test(code);
}

/**
 * Whether `error`, thrown by a fetch, means the request never got a response
 * (refused, reset, DNS, TLS, socket closed), which is worth retrying. Fetch
 * rejects with a `TypeError` then, but also for an invalid header value, and
 * a bug in a custom fetch is often a `TypeError` too: those are the caller's
 * errors, passed through and never retried.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (hasNetworkCode(error)) return true;
  if (!(error instanceof TypeError)) return false;
  return hasNetworkCode(error.cause) || NETWORK_MESSAGE.test(error.message);
}
