import type { TokenProvider } from './types.js';

/** Headers never sent outside the API origin. */
export const CREDENTIAL_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
];

/** The default `authScheme`. */
export const bearer = (token: string): string => `Bearer ${token}`;

/** The token to send on this attempt (a provider is called every time), or `undefined` for none. */
export async function readToken(provider: TokenProvider | undefined): Promise<string | undefined> {
  const token = typeof provider === 'function' ? await provider() : provider;
  return token ? token : undefined;
}

/** Whether `url` is on `origin` (a string prefix check first, URL parsing only when unsure). */
export function isOnOrigin(url: string, origin: string): boolean {
  if (url.startsWith(origin) && (url.length === origin.length || url[origin.length] === '/')) {
    return true;
  }
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** Removes every credential header. */
export function stripCredentials(headers: Headers): void {
  for (const name of CREDENTIAL_HEADERS) headers.delete(name);
}
