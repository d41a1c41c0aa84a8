// The redaction every call may need (URLs in logs and errors), apart from
// `redact.ts` (headers and secrets in error bodies), which only the error
// path loads.

/** What replaces a secret. */
export const REDACTED = '[REDACTED]';

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
