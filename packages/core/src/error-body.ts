// The default reading of an error body, apart from `error-response.ts`: the
// SDKs share it through `@x/core/internal` without loading the error classes.

/** The default `parseErrorBody`: a `message`, `description`, `error` or `detail` string, or `errors[]` strings. */
export function defaultParseErrorBody(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const fields = body as Record<string, unknown>;
  for (const key of ['message', 'description', 'error', 'detail']) {
    const value = fields[key];
    if (typeof value === 'string' && value) return value;
    const nested = (value as { message?: unknown } | null | undefined)?.message;
    if (typeof nested === 'string' && nested) return nested;
  }
  const errors = fields.errors;
  if (Array.isArray(errors) && typeof errors[0] === 'string') return errors.join('; ');
  return undefined;
}
