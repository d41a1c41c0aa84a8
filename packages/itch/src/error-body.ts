// itch's error body, read on the failure path; apart from `errors.ts` (the
// classes), which only `@x/itch`'s index needs.
import type { ParsedErrorBody } from '@x/core';

/** itch's error body `{"errors": ["..."]}` -> the error's `errors`, and its message (joined by `; `). */
export function parseItchErrorBody(body: unknown): ParsedErrorBody | undefined {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return undefined;
  const messages = errors.filter((e): e is string => typeof e === 'string');
  return messages.length > 0 ? { message: messages.join('; '), errors: messages } : undefined;
}
