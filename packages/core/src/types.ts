import type { CoreError } from './core-error.js';
import type { RateLimiter } from './rate-limit.js';

/** A credential: a static string, or a function called before every attempt (rotating keys, JWTs). */
export type TokenProvider =
  | string
  | (() => string | undefined | null | Promise<string | undefined | null>);

/** Retry policy. Every field is optional; unset fields keep the client's (or the default) value. */
export interface RetryOptions {
  /**
   * Retries after the first attempt (so `2` means up to 3 attempts).
   * @default 2
   */
  maxRetries?: number;
  /**
   * Backoff base: attempt `n` waits a random time in `[0, min(maxDelayMs, initialDelayMs * 2^(n-1))]` (full jitter).
   * @default 500
   */
  initialDelayMs?: number;
  /**
   * Backoff cap.
   * @default 8000
   */
  maxDelayMs?: number;
  /**
   * Smallest wait when the server hints one (`Retry-After: 0`, a reset that rounds to 0), so a client never spins.
   * @default 100
   */
  minRetryAfterMs?: number;
  /**
   * Largest server hint that is waited. A longer one is not waited: the error is thrown at once with `retryAfterMs`.
   * @default 60000
   */
  maxRetryAfterMs?: number;
  /**
   * Deadline for all attempts and waits of one call, in ms. Past it the last error is thrown (with `attempts`).
   * @default undefined (no deadline; each attempt still has `timeoutMs`)
   */
  totalTimeoutMs?: number;
  /**
   * Statuses that are retried (a response's `x-should-retry: true|false` overrides this list).
   * @default [408, 425, 429, 500, 502, 503, 504]
   */
  statusCodes?: readonly number[];
  /**
   * Methods retried without `retryNonIdempotent`.
   * @default ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']
   */
  methods?: readonly string[];
}

/** Names of the rate-limit headers an API sends, and how its reset header counts. */
export interface RateLimitHeaderNames {
  /** Requests allowed per window, e.g. `'x-ratelimit-limit'`. */
  limit?: string;
  /** Requests left in the window, e.g. `'x-ratelimit-remaining'`. */
  remaining?: string;
  /** When the window resets, e.g. `'x-ratelimit-reset'`. */
  reset?: string;
  /**
   * How `reset` counts: seconds from now (decimals allowed), Unix seconds, milliseconds from now, or Unix milliseconds.
   * @default 'delta-seconds'
   */
  resetKind?: 'delta-seconds' | 'epoch-seconds' | 'delta-ms' | 'epoch-ms';
}

/** Passed to `onRequest` hooks, before each attempt (and redirect hop) is sent. */
export interface BeforeRequestState {
  /** The request about to be sent (headers are mutable). Contains credentials: do not log it. */
  request: Request;
  /** 1 for the first attempt. */
  attempt: number;
}

/** Passed to `onResponse` hooks, for every response (including ones that will be retried or thrown). */
export interface AfterResponseState {
  request: Request;
  response: Response;
  attempt: number;
  /** Milliseconds from sending to response headers. */
  durationMs: number;
}

/** Passed to `onRetry` hooks before waiting for the next attempt. Holds no credential. */
export interface RetryState {
  /** The call's method. */
  method: string;
  /** The call's URL, with credentials in the query (`password`, `secret`, `token`...) redacted. */
  url: string;
  /** The error that caused the retry (an `ApiError` for an HTTP status). */
  error: CoreError;
  /** The attempt that failed (1 for the first). */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
}

/** Passed to `onRateLimitWait` hooks when a response pauses the limiter, or a call has waited long for its slot. */
export interface RateLimitWaitState {
  /**
   * Why: the window is used up (`remaining` reached 0), the server answered
   * 429 with a hint, or a call has been waiting for its slot for a while
   * (`'slow-slot'`: see `waitedMs` and `detail`).
   */
  reason: 'remaining-exhausted' | 'rate-limited' | 'slow-slot';
  /** For `'slow-slot'`: how long the call has waited so far (ms). */
  waitedMs?: number | undefined;
  /** For `'slow-slot'`: what it waits for, in words (the API's bucket, its window, a pause, your own limit...). */
  detail?: string | undefined;
  /** Epoch ms until which the limiter holds requests. */
  untilMs: number;
  /** Milliseconds from now. */
  waitMs: number;
  /** The limit the server reported, if any. */
  limit?: number | undefined;
}

/** A hook may be async; its result is awaited. */
export type Hook<S, R = void> = (state: S) => R | Promise<R>;

/** Lifecycle hooks; each point is an array run in order, each hook taking one state object. */
export interface Hooks {
  /** Before each attempt is sent. Return a `Request` to send that instead. @default [] */
  // biome-ignore lint/suspicious/noConfusingVoidType: a hook usually returns nothing
  onRequest?: Hook<BeforeRequestState, Request | undefined | void>[];
  /** After each response arrives. Return a `Response` to use that instead. @default [] */
  // biome-ignore lint/suspicious/noConfusingVoidType: a hook usually returns nothing
  onResponse?: Hook<AfterResponseState, Response | undefined | void>[];
  /** Before the wait that precedes a retry. @default [] */
  onRetry?: Hook<RetryState>[];
  /** When rate-limit headers or a 429 pause the limiter. @default [] */
  onRateLimitWait?: Hook<RateLimitWaitState>[];
}

/** A debug logger; `data` never contains credentials. */
export interface Logger {
  /** One event: `request`, `response`, `retry`, `rate limit pause` or `rate limit wait`, with redacted details. */
  debug(message: string, data?: Record<string, unknown>): void;
  /**
   * Something the user should know, said once: e.g. the API's rate-limit
   * headers are not readable (CORS) and what the client does instead.
   * @default debug
   */
  warn?(message: string, data?: Record<string, unknown>): void;
}

/** The fetch that really sends requests. */
export type FetchLike = (input: Request) => Promise<Response>;

/** Client configuration: the SDK's policy plus the user's options. */
export interface CoreConfig {
  /** API base URL, e.g. `https://api.modrinth.com/v2`. Credentials are only ever sent to this origin. Relative request paths are resolved against it. */
  baseUrl: string;
  /**
   * Credential, or a function called before every attempt. Empty/`undefined`/`null` sends no `Authorization`.
   * @default undefined (an `Authorization` header already on the request is kept, for the base origin only)
   */
  token?: TokenProvider;
  /**
   * Builds the `Authorization` value from the token (SDK policy).
   * @default (token) => `Bearer ${token}`
   */
  authScheme?: (token: string) => string;
  /**
   * `User-Agent` sent when the request has none. Skipped in browsers, which forbid it.
   * @default undefined (the runtime's own)
   */
  userAgent?: string;
  /**
   * Retry policy, or `false` for a single attempt.
   * @default { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8000, ... } (see RetryOptions)
   */
  retry?: RetryOptions | false;
  /**
   * Per-attempt timeout in ms (until response headers; an error body, and the whole answer of an SDK call, is read within it too).
   * @default 60000
   */
  timeoutMs?: number;
  /**
   * Client-side limiter (share one instance between clients to share a budget), or `false` for none.
   * @default a private unlimited limiter, only paused by rate-limit headers and 429 hints
   */
  rateLimiter?: RateLimiter | false;
  /**
   * The API's rate-limit headers; when `remaining` reaches 0, queued requests wait for the reset.
   * @default undefined (only `Retry-After`/`retry-after-ms` are read)
   */
  rateLimitHeaders?: RateLimitHeaderNames;
  /**
   * Turns an error response body into a message (`body` is parsed JSON, or
   * `undefined` when not JSON), or into a {@link ParsedErrorBody} whose fields
   * become the error's `apiMessage`, `code`, `description` and `errors`.
   * @default reads `message`, `description`, `error` or `errors[0]` string fields
   */
  parseErrorBody?: (body: unknown, rawText: string) => string | ParsedErrorBody | undefined;
  /**
   * Reads the wait a 429 states in its body (ms), for APIs that send no
   * `Retry-After` (Modrinth: "Please wait 1234 milliseconds"), or whose
   * headers a browser cannot read (CORS). Used only when no header gave a wait.
   * @default undefined (the body states no wait)
   */
  retryAfterFromBody?: (body: unknown, rawText: string) => number | undefined;
  /**
   * The underlying fetch.
   * @default globalThis.fetch (looked up at call time)
   */
  fetch?: FetchLike;
  /** Lifecycle hooks. @default {} */
  hooks?: Hooks;
  /**
   * Debug logging: `'debug'` for `console.debug`, or your own logger. Secrets are redacted.
   * @default undefined (silent)
   */
  logger?: Logger | 'debug';
  /**
   * Most redirects followed per attempt (by hand: credentials go to the base origin only, and never again once a redirect has left it).
   * @default 10
   */
  maxRedirects?: number;
}

/** Per-call overrides for {@link CoreFetch.withOptions}. */
export interface CallOptions {
  /** Merged over the client's retry policy; `false` for a single attempt. @default the client's */
  retry?: RetryOptions | false;
  /** Per-attempt timeout in ms. @default the client's (60000) */
  timeoutMs?: number;
  /** Aborts the call (in flight, queued, or while waiting to retry). Combined with the request's own signal. */
  signal?: AbortSignal;
  /** Also retry POST/PATCH (make sure the operation is safe to repeat). @default false */
  retryNonIdempotent?: boolean;
  /**
   * The body is a one-shot stream: sent once, never buffered, never retried.
   * @default false (true when the body is a `ReadableStream`)
   */
  oneShotBody?: boolean;
  /** Another limiter (or none) for these calls. @default the client's */
  rateLimiter?: RateLimiter | false;
  /** Hooks appended after the client's. */
  hooks?: Hooks;
}

/** The configuration a CoreFetch exposes: everything but the credential. */
export type PublicCoreConfig = Readonly<Omit<CoreConfig, 'token'> & { hasToken: boolean }>;

/** A `fetch` with retries, rate limiting, auth, timeouts and typed errors. */
export type CoreFetch = ((
  input: Request | URL | string,
  init?: RequestInit,
) => Promise<Response>) & {
  /** A fetch sharing this one's limiter and settings, with per-call overrides. */
  withOptions(overrides: CallOptions): CoreFetch;
  /** The configuration, without the credential (only `hasToken`). */
  readonly config: PublicCoreConfig;
};

/** What an SDK's `parseErrorBody` found in an error body; every field optional. */
export interface ParsedErrorBody {
  /** The error's message (`ApiError.apiMessage`). */
  message?: string | undefined;
  /** A machine-readable error code (`ApiError.code`). */
  code?: string | undefined;
  /** The API's description of the error (`ApiError.description`). */
  description?: string | undefined;
  /** The error messages the API listed (`ApiError.errors`). */
  errors?: readonly string[] | undefined;
}
