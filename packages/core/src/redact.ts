import { REDACTED } from './redact-url.js';

export { isSensitiveParam, REDACTED, redactUrl } from './redact-url.js';

const SENSITIVE_HEADER = /authorization|cookie|token|key|secret|password|session|signature/i;

/** True when a header of this name may carry a credential (Authorization, Cookie, *token*, *key*...). */
export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name);
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
