import type { Settings } from './settings.js';

// Named from `RequestInit`, not the DOM's `HeadersInit`/`BodyInit`, so the
// declarations also compile for users without the DOM lib (Node types only).
type RequestBody = NonNullable<RequestInit['body']>;
type HeadersLike = NonNullable<RequestInit['headers']>;
type RedirectMode = NonNullable<RequestInit['redirect']>;

/**
 * What one call sends, described once before its first attempt. No `Request`
 * is built here: each attempt builds its own when it is sent, so a call
 * waiting in the limiter's queue holds only this description.
 */
export interface PreparedCall {
  readonly url: string;
  /** Upper case. */
  readonly method: string;
  /** The caller's headers (never modified: each hop copies them). */
  readonly headers: HeadersLike | undefined;
  /** The body as the caller gave it, sent again as-is by each attempt when `replayable`. */
  readonly body: RequestBody | null;
  /** Whether the body can be sent more than once (no body, a string, Blob, FormData, bytes...). */
  readonly replayable: boolean;
  /** The caller's own signal (from the Request or `init`). */
  readonly signal: AbortSignal | undefined;
  /** `'follow'` (by hand), or the caller's `'manual'` / `'error'`. */
  readonly redirect: RedirectMode;
  /** Other `RequestInit` fields to keep (credentials, cache, mode, keepalive...). */
  readonly extras: RequestInit;
  /** Whether the client's token is sent (to trusted hops); false for `WITHOUT_TOKEN` calls. */
  readonly useToken: boolean;
  /** How a 2xx body is read within the attempt (`READ_BODY` calls), or `undefined` to leave it. */
  readonly readBody: ReadBody | undefined;
}

/**
 * An `init` key for SDK clients: `coreFetch(url, { ..., [WITHOUT_TOKEN]: true })`
 * sends the call without the client's token (an operation whose spec
 * requires none, such as a login).
 */
export const WITHOUT_TOKEN: unique symbol = Symbol.for('@x/core.without-token');

/**
 * An `init` key for SDK clients that read the whole answer: a 2xx body is
 * read within the attempt, so its timeout covers a body that stalls, and a
 * connection cut mid-body is a `ConnectionError`, retried like any.
 */
export const READ_BODY: unique symbol = Symbol.for('@x/core.read-body');

/** The fetch `init` of @x/core: `RequestInit`, perhaps marked {@link WITHOUT_TOKEN} or {@link READ_BODY}. */
export type CoreInit = RequestInit & { [WITHOUT_TOKEN]?: boolean; [READ_BODY]?: ReadBody };

/** `'text'` for what is decoded as text (JSON...), `'bytes'` for a `Blob` or `ArrayBuffer`. */
export type ReadBody = 'text' | 'bytes';

function isRequest(input: unknown): input is Request {
  return typeof Request !== 'undefined' && input instanceof Request;
}

function isStream(body: unknown): boolean {
  return typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
}

/** A relative path is resolved against the base URL (`'/project/x'` -> `<baseUrl>/project/x`). */
function absoluteUrl(input: string, baseUrl: string): string {
  // The common cases first, without a regular expression (SDK calls are absolute).
  if (input.startsWith('https://') || input.startsWith('http://')) return input;
  return /^[a-z][a-z\d+.-]*:/i.test(input) ? input : `${baseUrl}/${input.replace(/^\/+/, '')}`;
}

/** The `RequestInit` fields of a `Request` that are neither its URL, method, headers, body, signal nor redirect mode. */
function requestExtras(request: Request): RequestInit {
  const extras: RequestInit = {
    credentials: request.credentials,
    cache: request.cache,
    integrity: request.integrity,
    keepalive: request.keepalive,
    referrerPolicy: request.referrerPolicy,
  };
  if (request.mode !== 'navigate') extras.mode = request.mode;
  if (request.referrer !== 'about:client' && request.referrer !== '') {
    extras.referrer = request.referrer;
  }
  return extras;
}

/** The init fields `prepareCall` reads itself; any other is an extra kept for each hop. */
const OWN_FIELDS = new Set(['body', 'headers', 'method', 'signal', 'redirect']);
const NO_EXTRAS: RequestInit = Object.freeze({});

function hasExtras(init: CoreInit): boolean {
  for (const key in init) if (!OWN_FIELDS.has(key)) return true;
  return false;
}

function initExtras(init: CoreInit | undefined): RequestInit {
  // Most calls (every SDK call) have no extra: share one empty object.
  if (!init || !hasExtras(init)) return NO_EXTRAS;
  const {
    [WITHOUT_TOKEN]: _withoutToken,
    [READ_BODY]: _readBody,
    body: _body,
    headers: _headers,
    method: _method,
    signal: _signal,
    redirect: _redirect,
    ...extras
  } = init;
  return extras;
}

/**
 * Describes a call from `fetch`-style arguments. With a `Request`, `init`
 * fields override its own (as `new Request(request, init)` would). A
 * `Request` whose body is a stream is read into memory once only when the
 * call may be retried; otherwise its stream is sent as it is, once. A body
 * given in `init` (a `Blob`, string, `FormData`...) is sent again as it is
 * by each attempt, never copied.
 */
export function prepareCall(
  settings: Settings,
  input: Request | URL | string,
  init: CoreInit | undefined,
  mayRetry: (method: string) => boolean,
): PreparedCall | Promise<PreparedCall> {
  const useToken = init?.[WITHOUT_TOKEN] !== true;
  const readBody = init?.[READ_BODY];
  // A URL call is described at once: no promise (a queued call holds less).
  if (!isRequest(input)) {
    const body = init?.body ?? null;
    return {
      url: absoluteUrl(String(input), settings.baseUrl),
      method: (init?.method ?? 'GET').toUpperCase(),
      headers: init?.headers,
      body,
      replayable: body === null || (!isStream(body) && !settings.oneShotBody),
      signal: init?.signal ?? undefined,
      redirect: init?.redirect ?? 'follow',
      extras: initExtras(init),
      useToken,
      readBody,
    };
  }
  return fromRequest(settings, input, init, mayRetry, useToken, readBody);
}

async function fromRequest(
  settings: Settings,
  input: Request,
  init: CoreInit | undefined,
  mayRetry: (method: string) => boolean,
  useToken: boolean,
  readBody: ReadBody | undefined,
): Promise<PreparedCall> {
  const method = (init?.method ?? input.method).toUpperCase();
  let body: RequestBody | null = init?.body ?? null;
  if (init?.body === undefined && input.body !== null) {
    // A stream of unknown origin: read into memory once only if it may be sent again.
    body = mayRetry(method) && !settings.oneShotBody ? await input.arrayBuffer() : input.body;
  }
  return {
    url: input.url,
    method,
    headers: init?.headers ?? input.headers,
    body,
    replayable: body === null || (!isStream(body) && !settings.oneShotBody),
    signal: init?.signal ?? input.signal,
    redirect: init?.redirect ?? input.redirect,
    extras: { ...requestExtras(input), ...initExtras(init) },
    useToken,
    readBody,
  };
}
