import type { TokenProvider } from './types.js';

/** Headers never forwarded to another origin than the API's. */
export const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/** Resolves a token provider to a non-empty token, or `undefined`. */
export async function resolveToken(
  provider: TokenProvider | undefined,
): Promise<string | undefined> {
  if (provider === undefined) return undefined;
  const token = typeof provider === 'function' ? await provider() : provider;
  return token ? token : undefined;
}

/** The default `authScheme`. */
export const bearer = (token: string): string => `Bearer ${token}`;

/**
 * Sets or strips credentials on `headers` for a request to `url`: on the API
 * origin, `Authorization` is set from the token (or an existing one is kept
 * when there is no token); on any other origin every credential header is
 * removed.
 */
export function applyAuth(
  headers: Headers,
  url: string,
  apiOrigin: string,
  token: string | undefined,
  scheme: (token: string) => string,
): void {
  if (!isApiOrigin(url, apiOrigin)) {
    for (const name of CREDENTIAL_HEADERS) headers.delete(name);
    return;
  }
  if (token !== undefined) headers.set('authorization', scheme(token));
}

/** The origin of a URL (`'null'` when it does not parse). */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

/** Whether `url` is on the API origin (a string prefix check first, URL parsing only when unsure). */
export function isApiOrigin(url: string, apiOrigin: string): boolean {
  if (
    url.startsWith(apiOrigin) &&
    (url.length === apiOrigin.length || url[apiOrigin.length] === '/')
  ) {
    return true;
  }
  return originOf(url) === apiOrigin;
}
