import type { Release } from './rate-limit.js';
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
  /** Whether the client's token is sent (to trusted hops); false for `sendWithoutToken` requests. */
  readonly useToken: boolean;
  /** The slot the call already holds, taken before its `Request` was built. */
  readonly reservation: Reservation | undefined;
}

/** Bodies SDK requests were built from (see `rememberBody`). */
const originalBodies = new WeakMap<Request, RequestBody>();

/**
 * Records the replayable body (`Blob`, string, `FormData`...) a `Request` was
 * built from: attempts send it again instead of reading the request's stream,
 * so nothing is copied and a `Blob` keeps its `Content-Length`.
 */
export function rememberBody(request: Request, body: RequestBody): void {
  originalBodies.set(request, body);
}

/** A limiter slot taken before the call's `Request` was built (see `reserveSlot`). */
export interface Reservation {
  /** Frees the slot; `undefined` when the client has no limiter. */
  readonly release: Release | undefined;
  /** Epoch ms past which no attempt starts, counted from when the call was queued. */
  readonly deadline: number | undefined;
  /**
   * The call's own signal, if it has one. The `Request` hey-api builds always
   * carries a signal, one that can never abort when the caller gave none:
   * with this, an attempt does not follow it (`AbortSignal.any`) for nothing.
   */
  readonly signal: AbortSignal | undefined;
}

/**
 * The `init` key under which the SDK adapter passes a call's reservation:
 * `coreFetch(request, { [RESERVATION]: reservation })`.
 */
export const RESERVATION: unique symbol = Symbol.for('@x/core.reservation');

/** The fetch `init` of a call that already holds its first slot. */
export type ReservedInit = RequestInit & { [RESERVATION]?: Reservation | undefined };

/** SDK requests of operations that take no credential (see `sendWithoutToken`). */
const anonymousRequests = new WeakSet<Request>();

/**
 * Marks a `Request` as one that must not carry the client's token (an
 * operation whose spec requires none, such as a login).
 */
export function sendWithoutToken(request: Request): void {
  anonymousRequests.add(request);
}

/**
 * A copy of an SDK `Request` at another URL that keeps what the adapter
 * recorded for it (its original body, no token). An SDK that rewrites a URL
 * between hey-api and @x/core must use this (and pass `init` on, which
 * carries the call's reserved slot).
 */
export function withUrl(request: Request, url: string): Request {
  const copy = new Request(url, request);
  const body = originalBodies.get(request);
  if (body !== undefined) originalBodies.set(copy, body);
  if (anonymousRequests.has(request)) anonymousRequests.add(copy);
  return copy;
}

function isRequest(input: unknown): input is Request {
  return typeof Request !== 'undefined' && input instanceof Request;
}

function isStream(body: unknown): boolean {
  return typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
}

/** A relative path is resolved against the base URL (`'/project/x'` -> `<baseUrl>/project/x`). */
function absoluteUrl(input: string, baseUrl: string): string {
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

function initExtras(init: ReservedInit | undefined): RequestInit {
  if (!init) return {};
  const {
    [RESERVATION]: _reservation,
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
 * fields override its own (as `new Request(request, init)` would): an SDK
 * passes the original body there so it is replayed, never copied. A
 * `Request` whose body is a stream is read into memory once only when the
 * call may be retried; otherwise its stream is sent as it is, once. A body
 * registered with `rememberBody` is replayed as it is.
 */
export async function prepareCall(
  settings: Settings,
  input: Request | URL | string,
  init: ReservedInit | undefined,
  mayRetry: (method: string) => boolean,
): Promise<PreparedCall> {
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
      useToken: true,
      reservation: init?.[RESERVATION],
    };
  }
  const method = (init?.method ?? input.method).toUpperCase();
  let body: RequestBody | null = init?.body ?? null;
  if (init?.body === undefined && input.body !== null) {
    body = originalBodies.get(input) ?? null;
    // A stream of unknown origin: read into memory once only if it may be sent again.
    body ??= mayRetry(method) && !settings.oneShotBody ? await input.arrayBuffer() : input.body;
  }
  const reservation = init?.[RESERVATION];
  return {
    url: input.url,
    method,
    headers: init?.headers ?? input.headers,
    body,
    replayable: body === null || (!isStream(body) && !settings.oneShotBody),
    signal: init?.signal ?? (reservation ? reservation.signal : input.signal),
    redirect: init?.redirect ?? input.redirect,
    extras: { ...requestExtras(input), ...initExtras(init) },
    useToken: !anonymousRequests.has(input),
    reservation,
  };
}
