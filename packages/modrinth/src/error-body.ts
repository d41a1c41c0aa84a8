// Modrinth's error body, read on the failure path; apart from `errors.ts` (the
// classes), which only `@x/modrinth`'s index needs.
import type { ParsedErrorBody } from '@x/core';

/**
 * Reads Modrinth's `{"error": "...", "description": "..."}`: the code and the
 * description become the error's `code` and `description`, and its message
 * `error: description`. A body that is not that JSON gives its text (when
 * short and not HTML) as the message.
 */
export function parseModrinthError(body: unknown, rawText: string): ParsedErrorBody | undefined {
  if (body && typeof body === 'object') {
    const { error, description } = body as { error?: unknown; description?: unknown };
    const code = typeof error === 'string' && error ? error : undefined;
    const text = typeof description === 'string' && description ? description : undefined;
    if (code || text) {
      return {
        message: code && text ? `${code}: ${text}` : (text ?? code),
        code,
        description: text,
      };
    }
  }
  const text = rawText.trim();
  return text && text.length <= 500 && !text.startsWith('<') ? { message: text } : undefined;
}
