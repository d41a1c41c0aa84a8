import { CoreError } from './core-error.js';
import { redactHeaders, redactUrl, scrub } from './redact.js';

// `CoreError` lives in its own module: the code every call runs needs it, not the rest of this one.
export { CoreError };

// This module is also `@x/core/errors`: the error classes alone, for code
// that loads them with `import()` (the SDKs' failure paths) without the
// rest of `@x/core`.

/**
 * A 2xx answer that is not what the operation returns: HTML from a captive
 * portal or a misconfigured proxy, a truncated or invalid JSON body. Carries
 * the status, the `Content-Type` and the (redacted) URL; never the body.
 */
export class UnexpectedResponseError extends CoreError {
  static override readonly errorName: string = 'UnexpectedResponseError';
  readonly status: number;
  readonly contentType: string | undefined;
  readonly url: string;

  constructor(
    message: string,
    init: { status: number; contentType: string | null; url: string; cause?: unknown },
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.contentType = init.contentType ?? undefined;
    this.url = redactUrl(init.url);
  }
}

/** Everything known about an HTTP error response. */
export interface ApiErrorInit {
  status: number;
  statusText?: string;
  method: string;
  /** URL of the hop that failed; redacted by the constructor. */
  url: string;
  headers?: Headers;
  /** Parsed JSON body, or the raw text when it is not JSON, or `undefined` when empty. */
  body?: unknown;
  /** Message extracted from the body (SDK's `parseErrorBody`). */
  apiMessage?: string | undefined;
  /** The API's machine-readable error code, when the SDK's parser found one. */
  code?: string | undefined;
  /** The API's own description of the error, as it sent it. */
  description?: string | undefined;
  /** The error messages the API listed, as it sent them. */
  errors?: readonly string[] | undefined;
  /** Server wait hint, in ms. */
  retryAfterMs?: number | undefined;
  /** Secrets to scrub from the message and body (the token in use). */
  secrets?: readonly (string | undefined)[];
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  422: 'Unprocessable Entity',
  425: 'Too Early',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const REQUEST_ID_HEADERS = [
  'x-request-id',
  'request-id',
  'x-amzn-requestid',
  'cf-ray',
  'x-trace-id',
];

function scrubBody(body: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (!secrets.some((s) => s && s.length >= 4)) return body;
  if (typeof body === 'string') return scrub(body, secrets);
  if (body === null || typeof body !== 'object') return body;
  try {
    return JSON.parse(scrub(JSON.stringify(body), secrets));
  } catch {
    return undefined;
  }
}

/** An HTTP response with status >= 400. `ApiError.from` picks the subclass. */
export class ApiError extends CoreError {
  static override readonly errorName: string = 'ApiError';
  readonly status: number;
  readonly statusText: string;
  readonly method: string;
  /** The URL of the hop that answered with this status (after redirects), with sensitive query parameters redacted. */
  readonly url: string;
  /** Response headers (sensitive ones redacted). */
  readonly headers: Record<string, string>;
  /** Parsed JSON body, raw text if not JSON, `undefined` if empty. */
  readonly body: unknown;
  /** The message the SDK extracted from the body, if any. */
  readonly apiMessage: string | undefined;
  /**
   * The API's machine-readable error code from the body (Modrinth's `error`:
   * `not_found`, `invalid_input`...), when the SDK knows where it is; each SDK
   * re-exports the error classes with its codes typed.
   */
  readonly code: string | undefined;
  /** The API's own description of the error from the body (Modrinth's `description`), if any. */
  readonly description: string | undefined;
  /** The error messages the API listed in the body (itch's `errors`); empty when none. */
  readonly errors: readonly string[];
  /** From `x-request-id`, `request-id`, `cf-ray`... */
  readonly requestId: string | undefined;
  /** The server's wait hint in ms, when it sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit) {
    const secrets = init.secrets ?? [];
    const statusText = init.statusText || STATUS_TEXT[init.status] || '';
    const url = redactUrl(init.url);
    const method = init.method.toUpperCase();
    const head = `${init.status}${statusText ? ` ${statusText}` : ''}`;
    const apiMessage = init.apiMessage ? scrub(init.apiMessage, secrets) : undefined;
    super(apiMessage ? `${apiMessage} (${head}: ${method} ${url})` : `${head}: ${method} ${url}`);
    this.status = init.status;
    this.statusText = statusText;
    this.method = method;
    this.url = url;
    this.headers = init.headers ? redactHeaders(init.headers, secrets) : {};
    this.body = scrubBody(init.body, secrets);
    this.apiMessage = apiMessage;
    // The body's own words may echo a credential back: scrubbed like the message.
    this.code = init.code ? scrub(init.code, secrets) : undefined;
    this.description = init.description ? scrub(init.description, secrets) : undefined;
    this.errors = Object.freeze((init.errors ?? []).map((e) => scrub(e, secrets)));
    this.requestId =
      REQUEST_ID_HEADERS.map((h) => init.headers?.get(h)).find((v) => !!v) ?? undefined;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** The subclass for `init.status` (`NotFoundError` for 404, `InternalServerError` for 5xx...). */
  static from(init: ApiErrorInit): ApiError {
    const Subclass =
      BY_STATUS[init.status] ?? (init.status >= 500 ? InternalServerError : ApiError);
    return new Subclass(init);
  }
}

/** 400 */
export class BadRequestError extends ApiError {
  static override readonly errorName: string = 'BadRequestError';
}
/** 401 */
export class AuthenticationError extends ApiError {
  static override readonly errorName: string = 'AuthenticationError';
}
/** 403 */
export class PermissionDeniedError extends ApiError {
  static override readonly errorName: string = 'PermissionDeniedError';
}
/** 404 */
export class NotFoundError extends ApiError {
  static override readonly errorName: string = 'NotFoundError';
}
/** 409 */
export class ConflictError extends ApiError {
  static override readonly errorName: string = 'ConflictError';
}
/** 410 */
export class GoneError extends ApiError {
  static override readonly errorName: string = 'GoneError';
}
/** 422 */
export class UnprocessableEntityError extends ApiError {
  static override readonly errorName: string = 'UnprocessableEntityError';
}
/** 429; `retryAfterMs` holds the server's hint when it sent one. */
export class RateLimitError extends ApiError {
  static override readonly errorName: string = 'RateLimitError';
}
/** Any status >= 500. */
export class InternalServerError extends ApiError {
  static override readonly errorName: string = 'InternalServerError';
}

// Read only when an error is built, after the module has run.
const BY_STATUS: Record<number, new (init: ApiErrorInit) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  410: GoneError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The request never got a response: refused, reset, DNS failure, socket closed. `cause` is the runtime's error. */
export class ConnectionError extends CoreError {
  static override readonly errorName: string = 'ConnectionError';
  readonly method: string;
  readonly url: string;

  constructor(init: { method: string; url: string; cause?: unknown; message?: string }) {
    const url = redactUrl(init.url);
    const method = init.method.toUpperCase();
    super(init.message ?? `Connection failed: ${method} ${url}`, { cause: init.cause });
    this.method = method;
    this.url = url;
  }
}

/** An attempt took longer than `timeoutMs`, or the call passed `totalTimeoutMs`. */
export class TimeoutError extends CoreError {
  static override readonly errorName: string = 'TimeoutError';
  readonly method: string;
  readonly url: string;
  readonly timeoutMs: number;

  constructor(init: { method: string; url: string; timeoutMs: number }) {
    const url = redactUrl(init.url);
    const method = init.method.toUpperCase();
    super(`Request timed out after ${init.timeoutMs} ms: ${method} ${url}`);
    this.method = method;
    this.url = url;
    this.timeoutMs = init.timeoutMs;
  }
}
