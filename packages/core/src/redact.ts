/** What replaces a secret. */
export const REDACTED = '[REDACTED]';

const SENSITIVE_HEADER = /authorization|cookie|token|key|secret|password|session|signature/i;

const SENSITIVE_PARAMS = new Set([
  'api_key',
  'apikey',
  'api-key',
  'key',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'auth',
  'jwt',
  'client_secret',
  'secret',
  'password',
  'signature',
  'sig',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
]);

/** True when a header of this name may carry a credential (Authorization, Cookie, *token*, *key*...). */
export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name);
}

/** True when a query parameter of this name may carry a credential. */
export function isSensitiveParam(name: string): boolean {
  const lower = name.toLowerCase();
  return SENSITIVE_PARAMS.has(lower) || /token|secret|password|api_?key/.test(lower);
}

/** The URL with credentials (user info, sensitive query values) replaced by `[REDACTED]`. */
export function redactUrl(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    return String(input).replace(/([?&][^=&#]*=)[^&#]*/g, (m, k: string) =>
      isSensitiveParam(k.slice(1, -1)) ? `${k}${REDACTED}` : m,
    );
  }
  if (url.username) url.username = REDACTED;
  if (url.password) url.password = REDACTED;
  let changed = false;
  for (const name of new Set(url.searchParams.keys())) {
    if (isSensitiveParam(name)) {
      url.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  // URLSearchParams re-encodes the brackets; keep them readable.
  return changed ? url.toString().replaceAll('%5BREDACTED%5D', REDACTED) : url.toString();
}

/**
 * A plain object of the headers with sensitive values redacted: headers whose
 * name may carry a credential, and any header whose value contains one of
 * `secrets` (a server that echoes the token back, under any name).
 */
export function redactHeaders(
  headers: Headers,
  secrets: readonly (string | undefined)[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = isSensitiveHeader(name) || containsSecret(value, secrets) ? REDACTED : value;
  });
  return out;
}

function containsSecret(text: string, secrets: readonly (string | undefined)[]): boolean {
  return secrets.some(
    (secret) => secret !== undefined && secret.length >= 4 && text.includes(secret),
  );
}

/** `text` with every occurrence of each secret (4+ characters) replaced. */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4 && out.includes(secret))
      out = out.replaceAll(secret, REDACTED);
  }
  return out;
}
