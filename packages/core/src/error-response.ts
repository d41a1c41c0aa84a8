import { defaultParseErrorBody } from './error-body.js';
import { type ApiError, ApiError as ApiErrorClass } from './errors.js';
import type { ParsedErrorBody } from './types.js';

export { defaultParseErrorBody };

/** What {@link errorFromResponse} needs besides the response. */
export interface ErrorContext {
  method: string;
  /** The hop that answered. */
  url: string;
  /** Credentials in use, scrubbed from everything the error holds. */
  secrets: readonly (string | undefined)[];
  retryAfterMs: number | undefined;
  parseErrorBody:
    | ((body: unknown, rawText: string) => string | ParsedErrorBody | undefined)
    | undefined;
  /** Reads a 429's wait from its body when no header gave one (ms). */
  retryAfterFromBody?: ((body: unknown, rawText: string) => number | undefined) | undefined;
  /** The wait when neither `retryAfterMs` nor the body gives one (the rate-limit reset). */
  fallbackRetryAfterMs?: number | undefined;
  /** Applies the retry policy's floor to a wait read from the body. */
  clampHint?: ((ms: number) => number) | undefined;
}

/**
 * The typed error for a response with status >= 400, its body read (so an
 * error is complete whether it is retried, thrown at the deadline or given
 * to `onRetry`) and parsed into `apiMessage` (and `code`, `description`,
 * `errors` when the SDK's parser finds them). A body that cannot be read
 * leaves `body` undefined; a throwing `parseErrorBody` leaves the parsed fields so.
 */
export async function errorFromResponse(
  response: Response,
  context: ErrorContext,
): Promise<ApiError> {
  // A body cut off (timeout, reset) still leaves the status to report.
  const raw = await response.text().catch(() => '');
  const body = parseBody(raw);
  let parsed: ParsedErrorBody = {};
  if (raw !== '') {
    try {
      const result = (context.parseErrorBody ?? defaultParseErrorBody)(
        typeof body === 'string' ? undefined : body,
        raw,
      );
      parsed = typeof result === 'string' ? { message: result } : (result ?? {});
    } catch {
      parsed = {};
    }
  }
  let { retryAfterMs } = context;
  if (retryAfterMs === undefined && response.status === 429 && context.retryAfterFromBody && raw) {
    try {
      const ms = context.retryAfterFromBody(typeof body === 'string' ? undefined : body, raw);
      if (ms !== undefined && Number.isFinite(ms) && ms >= 0) {
        retryAfterMs = context.clampHint ? context.clampHint(ms) : Math.ceil(ms);
      }
    } catch {
      // A parser that throws gives no wait: the retry policy's backoff applies.
    }
  }
  retryAfterMs ??= context.fallbackRetryAfterMs;
  return ApiErrorClass.from({
    status: response.status,
    statusText: response.statusText,
    method: context.method,
    url: context.url,
    headers: response.headers,
    body,
    apiMessage: parsed.message || undefined,
    code: parsed.code,
    description: parsed.description,
    errors: parsed.errors,
    retryAfterMs,
    secrets: context.secrets,
  });
}

/** Parses an error body: JSON when it parses, otherwise the text, `undefined` when empty. Never throws. */
export function parseBody(rawText: string): unknown {
  if (rawText.trim() === '') return undefined;
  try {
    return JSON.parse(rawText);
  } catch {
    return rawText;
  }
}
