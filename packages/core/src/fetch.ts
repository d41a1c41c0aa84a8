import {
  applyAuth,
  bearer,
  CREDENTIAL_HEADERS,
  isApiOrigin,
  originOf,
  resolveToken,
} from './auth.js';
import {
  type ApiError,
  ConnectionError,
  CoreError,
  createApiError,
  defaultParseErrorBody,
  TimeoutError,
} from './errors.js';
import { runHooks } from './hooks.js';
import { isBrowserLike } from './internal/env.js';
import { sleep } from './internal/sleep.js';
import { RateLimiter, type Release } from './rate-limit.js';
import { redactUrl } from './redact.js';
import {
  backoffDelay,
  clampHint,
  DEFAULT_RETRY,
  isRetryableResponse,
  type ResolvedRetryOptions,
  readRateLimitHeaders,
  resolveRetry,
  retryAfterHint,
} from './retry.js';
import { type LinkedSignal, linkSignals } from './timeout.js';
import type {
  CallOptions,
  CoreConfig,
  CoreFetch,
  FetchLike,
  Hooks,
  Logger,
  PublicCoreConfig,
} from './types.js';

/** Per-attempt timeout when none is configured. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Redirects followed per attempt when none is configured. */
export const DEFAULT_MAX_REDIRECTS = 10;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** State shared by a CoreFetch and every `.with()` derived from it. */
interface Shared {
  readonly config: CoreConfig;
  readonly publicConfig: PublicCoreConfig;
  readonly baseUrl: string;
  readonly apiOrigin: string;
  readonly limiter: RateLimiter | false;
  readonly logger: Logger | undefined;
  readonly browser: boolean;
  readonly scheme: (token: string) => string;
}

/** `.with()` options after merging: signals accumulate, hooks append. */
interface Overrides extends Omit<CallOptions, 'signal' | 'hooks'> {
  signals: AbortSignal[];
  hooks: Hooks[];
}

/** Settings of one CoreFetch, computed once (not per call). */
interface Settings {
  readonly shared: Shared;
  readonly overrides: Overrides;
  readonly retry: ResolvedRetryOptions | false;
  readonly hooks: Hooks[];
  readonly hasRequestHooks: boolean;
  readonly hasResponseHooks: boolean;
  /** A custom fetch, or `undefined` to call `globalThis.fetch(input, init)` directly. */
  readonly fetchImpl: FetchLike | undefined;
  /** No custom fetch, hooks or logger: hops go straight to `globalThis.fetch`. */
  readonly direct: boolean;
  readonly limiter: RateLimiter | false;
  readonly timeoutMs: number;
  readonly retryNonIdempotent: boolean;
  readonly maxRedirects: number;
}

/**
 * Creates a `fetch` that adds auth (API origin only), `User-Agent`, a
 * rate limiter, per-attempt timeouts, retries with backoff, manual redirects
 * and typed errors: any response with status >= 400 (after retries) is
 * thrown as an `ApiError` subclass; 2xx/3xx responses are returned as-is.
 */
export function createCoreFetch(config: CoreConfig): CoreFetch {
  let base: URL;
  try {
    base = new URL(config.baseUrl);
  } catch {
    throw new TypeError(
      `createCoreFetch: baseUrl is not an absolute URL: ${redactUrl(config.baseUrl)}`,
    );
  }
  const { token: _token, ...rest } = config;
  const publicConfig: PublicCoreConfig = Object.freeze({
    ...rest,
    hasToken: config.token !== undefined && config.token !== '',
  });
  const shared: Shared = {
    config,
    publicConfig,
    baseUrl: config.baseUrl.replace(/\/+$/, ''),
    apiOrigin: base.origin,
    limiter: config.rateLimiter === undefined ? new RateLimiter() : config.rateLimiter,
    logger:
      config.logger === 'debug'
        ? { debug: (message, data) => console.debug(`[@x/core] ${message}`, data ?? '') }
        : config.logger,
    browser: isBrowserLike(),
    scheme: config.authScheme ?? bearer,
  };
  return make(shared, { signals: [], hooks: [] });
}

function make(shared: Shared, overrides: Overrides): CoreFetch {
  const { config } = shared;
  const hooks = config.hooks ? [config.hooks, ...overrides.hooks] : overrides.hooks;
  const hasRequestHooks = hooks.some((h) => (h.onRequest?.length ?? 0) > 0);
  const hasResponseHooks = hooks.some((h) => (h.onResponse?.length ?? 0) > 0);
  const settings: Settings = {
    shared,
    overrides,
    retry: resolveRetry(config.retry, overrides.retry),
    hooks,
    hasRequestHooks,
    hasResponseHooks,
    fetchImpl: config.fetch,
    direct: !config.fetch && !hasRequestHooks && !hasResponseHooks && !shared.logger,
    limiter: overrides.rateLimiter ?? shared.limiter,
    timeoutMs: overrides.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retryNonIdempotent:
      overrides.retryNonIdempotent === true || overrides.allowRetryNonIdempotent === true,
    maxRedirects: config.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
  };
  const coreFetch = (input: Request | URL | string, init?: RequestInit) =>
    send(settings, input, init);
  Object.defineProperties(coreFetch, {
    with: { value: (next: CallOptions) => make(shared, mergeOverrides(overrides, next)) },
    config: { value: shared.publicConfig, enumerable: true },
    toJSON: { value: () => ({ config: shared.publicConfig }) },
  });
  return coreFetch as CoreFetch;
}

function mergeOverrides(current: Overrides, next: CallOptions): Overrides {
  const { signal, hooks, retry, ...rest } = next;
  const merged: Overrides = {
    ...current,
    ...rest,
    signals: signal ? [...current.signals, signal] : current.signals,
    hooks: hooks ? [...current.hooks, hooks] : current.hooks,
  };
  if (retry === false) merged.retry = false;
  else if (retry !== undefined) {
    merged.retry = current.retry ? { ...current.retry, ...retry } : { ...retry };
  }
  return merged;
}

function isRequest(input: unknown): input is Request {
  return (
    typeof input === 'object' &&
    input !== null &&
    !(input instanceof URL) &&
    typeof (input as Request).method === 'string' &&
    typeof (input as Request).url === 'string' &&
    typeof (input as Request).clone === 'function'
  );
}

function isStream(body: unknown): boolean {
  return typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
}

/**
 * One call's request, kept as light as possible: a `Request` only when the
 * caller gave one or there is a body; otherwise the URL and init.
 */
interface Source {
  readonly url: string;
  readonly method: string;
  readonly headers: HeadersInit | undefined;
  readonly request: Request | undefined;
  readonly init: RequestInit | undefined;
  readonly signal: AbortSignal | undefined;
  readonly redirect: RequestRedirect;
  readonly hasBody: boolean;
}

/** The parts of a bodyless Request that `fetch(url, init)` needs to send the same request. */
function requestInit(request: Request): RequestInit {
  const init: RequestInit = {
    method: request.method,
    headers: request.headers,
    credentials: request.credentials,
    cache: request.cache,
    integrity: request.integrity,
    keepalive: request.keepalive,
    referrerPolicy: request.referrerPolicy,
  };
  if (request.mode !== 'navigate') init.mode = request.mode;
  if (request.referrer !== 'about:client') init.referrer = request.referrer;
  return init;
}

function toSource(
  input: Request | URL | string,
  init: RequestInit | undefined,
  baseUrl: string,
  decompose: boolean,
): Source {
  let request: Request | undefined;
  if (isRequest(input)) {
    request = init ? new Request(input, init) : input;
    if (decompose && request.body === null) {
      // Re-sending a bodyless Request from its parts is about twice as cheap
      // in undici as copying it with a new signal.
      return {
        url: request.url,
        method: request.method.toUpperCase(),
        headers: request.headers,
        request: undefined,
        init: requestInit(request),
        signal: request.signal,
        redirect: request.redirect,
        hasBody: false,
      };
    }
  } else {
    const s = String(input);
    const url = /^[a-z][a-z\d+.-]*:/i.test(s) ? s : `${baseUrl}/${s.replace(/^\/+/, '')}`;
    if (init?.body === undefined || init.body === null) {
      return {
        url,
        method: (init?.method ?? 'GET').toUpperCase(),
        headers: init?.headers,
        request: undefined,
        init,
        signal: init?.signal ?? undefined,
        redirect: init?.redirect ?? 'follow',
        hasBody: false,
      };
    }
    request = new Request(url, init);
  }
  return {
    url: request.url,
    method: request.method.toUpperCase(),
    headers: request.headers,
    request,
    init: undefined,
    signal: request.signal,
    redirect: request.redirect,
    hasBody: request.body !== null,
  };
}

/** Everything one call needs, computed once before the first attempt. */
interface Call {
  readonly settings: Settings;
  readonly source: Source;
  /** Request with a replayable body: cloned once before the first send, cloned again per attempt. */
  readonly template: Request | undefined;
  readonly oneShot: boolean;
  readonly signals: AbortSignal[];
  /** Why a retryable failure is not retried, when the reason is the body. */
  readonly noRetryNote: string | undefined;
  readonly maxAttempts: number;
  readonly totalTimeoutMs: number | undefined;
  /** Epoch ms past which no attempt starts (from `retry.totalTimeoutMs`). */
  readonly deadline: number | undefined;
  /** Redirects are followed here (not by fetch) so credentials stay on the API origin. */
  readonly followByHand: boolean;
}

/** A failed attempt that will be retried after `delayMs` (a class: `instanceof` cannot mistake a Response for it). */
class Retry {
  constructor(
    readonly error: CoreError,
    readonly delayMs: number,
  ) {}
}

function prepareCall(
  settings: Settings,
  input: Request | URL | string,
  init: RequestInit | undefined,
): Call {
  const { shared, overrides, retry } = settings;
  const source = toSource(input, init, shared.baseUrl, !shared.browser);
  const oneShot = source.hasBody && (overrides.oneShotBody === true || isStream(init?.body));
  const signals = overrides.signals.length
    ? source.signal
      ? [source.signal, ...overrides.signals]
      : overrides.signals
    : source.signal
      ? [source.signal]
      : [];
  const retryMethod =
    retry !== false && (retry.methods.includes(source.method) || settings.retryNonIdempotent);
  const totalTimeoutMs = retry ? retry.totalTimeoutMs : undefined;
  return {
    settings,
    source,
    // Clone before the first send: every attempt sends a fresh clone, so the body can be replayed.
    template: source.hasBody && !oneShot ? source.request?.clone() : undefined,
    oneShot,
    signals,
    noRetryNote:
      oneShot && retry && retryMethod && retry.maxRetries > 0
        ? 'not retried: the request body is a one-shot stream that cannot be replayed'
        : undefined,
    maxAttempts: retry && retryMethod && !oneShot ? retry.maxRetries + 1 : 1,
    totalTimeoutMs,
    deadline: totalTimeoutMs !== undefined ? Date.now() + totalTimeoutMs : undefined,
    followByHand: !shared.browser && source.redirect === 'follow',
  };
}

/**
 * The retry loop. One attempt's happy path (slot, timeout, token, fetch,
 * status check) stays inline in this one async function on purpose: each
 * extra async layer between the caller and `fetch` measured ~1.4 µs per
 * request in `pnpm bench`; redirects, failures and hooks take helpers.
 */
async function send(
  settings: Settings,
  input: Request | URL | string,
  init: RequestInit | undefined,
): Promise<Response> {
  const call = prepareCall(settings, input, init);
  const { shared, limiter } = settings;
  for (let attempt = 1; ; attempt++) {
    throwIfAborted(call.signals);
    const mayRetry = attempt < call.maxAttempts;
    let release: Release | undefined;
    let link: LinkedSignal | undefined;
    let outcome: Response | Retry;
    let timeoutMs = settings.timeoutMs;
    try {
      if (limiter) {
        release = limiter.tryAcquire() ?? (await acquire(call, limiter, attempt - 1));
      }
      timeoutMs =
        call.deadline === undefined
          ? settings.timeoutMs
          : Math.min(settings.timeoutMs, call.deadline - Date.now());
      link = linkSignals(call.signals, timeoutMs);
      // Read per attempt, so a rotated key or a provider's new JWT is used on retries.
      const provider = shared.config.token;
      const token =
        typeof provider === 'function' ? await resolveToken(provider) : provider || undefined;
      let result: Response | Retry;
      try {
        const first = firstHop(call, link.signal, token);
        result = await sendHop(call, first.input, first.init, attempt, first.url, first.method, 0);
        if (call.followByHand && REDIRECT_STATUSES.has(result.status)) {
          result = await followRedirects(call, result, attempt, link.signal, token);
        }
      } catch (error) {
        result = transportFailure(call, error, link, timeoutMs, attempt, mayRetry);
      }
      if (!(result instanceof Retry) && shared.config.rateLimitHeaders && settings.limiter) {
        observeRateLimit(call, result, settings.limiter);
      }
      outcome =
        result instanceof Retry || result.status < 400
          ? result
          : await responseFailure(call, result, attempt, mayRetry, token);
    } catch (error) {
      throwIfAborted(call.signals);
      const { method, url } = call.source;
      const final =
        link?.timedOut && !(error instanceof CoreError)
          ? new TimeoutError({ method, url, timeoutMs })
          : error;
      if (final instanceof CoreError) final.attempts ??= attempt;
      throw final;
    } finally {
      link?.clear();
      release?.();
    }
    if (!(outcome instanceof Retry)) return outcome;
    await waitToRetry(call, attempt, outcome);
  }
}

/** Logs and announces a retry, then sleeps (abortably) unless the deadline would pass first. */
async function waitToRetry(call: Call, attempt: number, { error, delayMs }: Retry): Promise<void> {
  const { settings, source, deadline } = call;
  error.attempts = attempt;
  if (deadline !== undefined && Date.now() + delayMs >= deadline) throw error;
  settings.shared.logger?.debug('retry', {
    method: source.method,
    url: redactUrl(source.url),
    attempt,
    delayMs,
    error: error.message,
  });
  if (settings.hooks.length > 0) {
    await runHooks(settings.hooks, 'onRetry', {
      request: publicRequest(source),
      error,
      attempt,
      delayMs,
    });
  }
  await sleepOrAbort(delayMs, call.signals);
}

function throwIfAborted(signals: readonly AbortSignal[]): void {
  for (const s of signals) if (s.aborted) throw s.reason;
}

async function sleepOrAbort(ms: number, signals: AbortSignal[]): Promise<void> {
  if (signals.length <= 1) return sleep(ms, signals[0]);
  const link = linkSignals(signals, undefined);
  try {
    await sleep(ms, link.signal);
  } finally {
    link.clear();
  }
}

/** Waits for a limiter slot, abortable by the caller and bounded by the deadline. */
async function acquire(call: Call, limiter: RateLimiter, attemptsSoFar: number): Promise<Release> {
  const { deadline } = call;
  if (deadline === undefined && call.signals.length <= 1) {
    return limiter.acquire(call.signals[0]);
  }
  const link = linkSignals(
    call.signals,
    deadline === undefined ? undefined : deadline - Date.now(),
  );
  try {
    return await limiter.acquire(link.signal);
  } catch (error) {
    if (link.timedOut) {
      const timeout = new TimeoutError({
        method: call.source.method,
        url: call.source.url,
        timeoutMs: call.totalTimeoutMs ?? 0,
      });
      timeout.attempts = attemptsSoFar;
      throw timeout;
    }
    throw error;
  } finally {
    link.clear();
  }
}

/** The request as hooks that must not see credentials get it. */
function publicRequest(source: Source): Request {
  const headers = new Headers(source.headers);
  for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  return new Request(source.url, { method: source.method, headers });
}

/**
 * How fetch reports a failed connection (refused, reset, DNS, closed socket):
 * a `TypeError` in every runtime, or a system error code from a custom fetch.
 */
function isNetworkFailure(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(E[A-Z]+|UND_ERR)/.test(code);
}

/** Credential values on the caller's own headers, to scrub from errors. */
function headerSecrets(source: Source): string[] {
  const value = new Headers(source.headers).get('authorization');
  if (!value) return [];
  const space = value.indexOf(' ');
  return space > 0 ? [value, value.slice(space + 1)] : [value];
}

/**
 * Classifies an error thrown while sending: network failures and timeouts
 * become a `Retry` (or are thrown when the call is over); anything else a
 * custom fetch or hook throws is passed through as the caller's own error.
 */
function transportFailure(
  call: Call,
  error: unknown,
  link: LinkedSignal,
  timeoutMs: number,
  attempt: number,
  mayRetry: boolean,
): Retry {
  if (error instanceof HookFailure) throw error.error;
  throwIfAborted(call.signals);
  if (error instanceof CoreError) throw error;
  if (!link.timedOut && !isNetworkFailure(error)) throw error;
  const { method, url } = call.source;
  const failure: CoreError = link.timedOut
    ? new TimeoutError({ method, url, timeoutMs })
    : new ConnectionError({ method, url, cause: error });
  const { retry } = call.settings;
  if (!mayRetry || !retry) throw withNote(failure, call.noRetryNote);
  return new Retry(failure, backoffDelay(attempt, retry));
}

/**
 * A response with status >= 400: a `Retry` when the status (or
 * `x-should-retry`) allows one and the server's hint is short enough,
 * otherwise the typed error is thrown. A 429's hint also pauses the limiter.
 */
async function responseFailure(
  call: Call,
  response: Response,
  attempt: number,
  mayRetry: boolean,
  token: string | undefined,
): Promise<Retry> {
  const { settings, source } = call;
  const { shared, retry } = settings;
  const now = Date.now();
  const rawHint = retryAfterHint(
    response.headers,
    response.status,
    shared.config.rateLimitHeaders,
    now,
  );
  const hint =
    rawHint === undefined ? undefined : clampHint(rawHint, retry || { minRetryAfterMs: 0 });
  const maxWait = retry ? retry.maxRetryAfterMs : DEFAULT_RETRY.maxRetryAfterMs;
  const retryable =
    retry !== false && isRetryableResponse(response.status, response.headers, retry);
  const secrets = token ? [...headerSecrets(source), token] : headerSecrets(source);

  if (response.status === 429 && hint !== undefined && hint <= maxWait && settings.limiter) {
    pause(call, settings.limiter, now + hint, 'rate-limited', undefined);
  }
  if (mayRetry && retry && retryable && (hint === undefined || hint <= maxWait)) {
    await response.body?.cancel().catch(() => {});
    const error = await toApiError(call, response, hint, secrets, false);
    return new Retry(error, hint ?? backoffDelay(attempt, retry));
  }
  const final = await toApiError(call, response, hint, secrets, true);
  throw retryable ? withNote(final, call.noRetryNote) : final;
}

function withNote<E extends CoreError>(error: E, note: string | undefined): E {
  if (note) error.message = `${error.message} (${note})`;
  return error;
}

function pause(
  call: Call,
  limiter: RateLimiter,
  untilMs: number,
  reason: 'remaining-exhausted' | 'rate-limited',
  limit: number | undefined,
): void {
  const before = limiter.pausedUntil;
  limiter.pauseUntil(untilMs);
  if (limiter.pausedUntil <= before) return;
  const waitMs = Math.max(0, untilMs - Date.now());
  const { settings } = call;
  settings.shared.logger?.debug('rate limit pause', { reason, waitMs, untilMs });
  if (settings.hooks.length > 0) {
    void runHooks(settings.hooks, 'onRateLimitWait', { reason, untilMs, waitMs, limit }).catch(
      () => {},
    );
  }
}

/** Applies the API's rate-limit headers to the limiter (API-origin responses only). */
function observeRateLimit(call: Call, response: Response, limiter: RateLimiter): void {
  const { shared } = call.settings;
  if (response.url && originOf(response.url) !== shared.apiOrigin) return;
  const info = readRateLimitHeaders(response.headers, shared.config.rateLimitHeaders);
  if (!info || info.remaining === undefined || info.remaining > 0 || info.resetAt === undefined) {
    return;
  }
  // A reset further away than maxRetryAfterMs (a misconfigured header) pauses no longer than that.
  const { retry } = call.settings;
  const cap = Date.now() + (retry ? retry.maxRetryAfterMs : DEFAULT_RETRY.maxRetryAfterMs);
  pause(call, limiter, Math.min(info.resetAt, cap), 'remaining-exhausted', info.limit);
}

async function toApiError(
  call: Call,
  response: Response,
  retryAfterMs: number | undefined,
  secrets: (string | undefined)[],
  readBody: boolean,
): Promise<ApiError> {
  let raw = '';
  if (readBody) {
    try {
      raw = await response.text();
    } catch {
      throwIfAborted(call.signals);
      raw = '';
    }
  }
  let json: unknown;
  if (raw.trim() !== '') {
    try {
      json = JSON.parse(raw);
    } catch {
      json = undefined;
    }
  }
  let apiMessage: string | undefined;
  if (raw !== '') {
    try {
      const parse = call.settings.shared.config.parseErrorBody ?? defaultParseErrorBody;
      apiMessage = parse(json, raw) || undefined;
    } catch {
      apiMessage = undefined;
    }
  }
  return createApiError({
    status: response.status,
    statusText: response.statusText,
    method: call.source.method,
    url: call.source.url,
    headers: response.headers,
    body: json ?? (raw === '' ? undefined : raw),
    apiMessage,
    retryAfterMs,
    secrets,
  });
}

/**
 * The headers for a hop to `url`, or `undefined` when the caller's need no
 * change (the common fast path): `User-Agent` added, credentials only on the
 * API origin, body headers dropped when a redirect turns the request into a GET.
 */
function hopHeaders(
  call: Call,
  url: string,
  token: string | undefined,
  dropBodyHeaders: boolean,
): HeadersInit | undefined {
  const { source } = call;
  const { shared } = call.settings;
  const userAgent = shared.browser ? undefined : shared.config.userAgent;
  if (!dropBodyHeaders && source.headers === undefined && !userAgent && !token) {
    return undefined;
  }
  const sameOrigin = isApiOrigin(url, shared.apiOrigin);
  if (
    !dropBodyHeaders &&
    sameOrigin &&
    !token &&
    (!userAgent || new Headers(source.headers).has('user-agent'))
  ) {
    return undefined; // the caller's headers are sent unchanged
  }
  if (source.headers === undefined) {
    // Nothing to copy: a plain record is cheaper for fetch to take in than a Headers object.
    const record: Record<string, string> = {};
    if (userAgent) record['user-agent'] = userAgent;
    if (sameOrigin && token !== undefined) record.authorization = shared.scheme(token);
    return record;
  }
  const headers = new Headers(source.headers);
  if (userAgent && !headers.has('user-agent')) headers.set('user-agent', userAgent);
  if (dropBodyHeaders) {
    for (const h of ['content-type', 'content-length', 'content-encoding']) headers.delete(h);
  }
  applyAuth(headers, url, shared.apiOrigin, token, shared.scheme);
  return headers;
}

/** An attempt's first request: the caller's Request (or a clone of the body template) or URL, plus our init. */
function firstHop(
  call: Call,
  signal: AbortSignal,
  token: string | undefined,
): { input: Request | string; init: RequestInit; url: string; method: string } {
  const { source } = call;
  const input = source.request ? (call.template?.clone() ?? source.request) : source.url;
  const redirect = call.followByHand ? 'manual' : source.redirect;
  const init: RequestInit =
    source.request || !source.init ? { signal, redirect } : { ...source.init, signal, redirect };
  const headers = hopHeaders(call, source.url, token, false);
  if (headers) init.headers = headers;
  return { input, init, url: source.url, method: source.method };
}

/**
 * Follows the redirects of an attempt whose first response was `first`
 * (a 3xx), re-deciding credentials for every hop's origin.
 */
async function followRedirects(
  call: Call,
  first: Response,
  attempt: number,
  signal: AbortSignal,
  token: string | undefined,
): Promise<Response> {
  const { settings, source } = call;
  let response = first;
  let url = source.url;
  let method = source.method;
  for (let hop = 1; REDIRECT_STATUSES.has(response.status); hop++) {
    const location = response.headers.get('location');
    if (!location) return response;
    await response.body?.cancel().catch(() => {});
    if (hop > settings.maxRedirects) {
      throw new CoreError(
        `Too many redirects (more than ${settings.maxRedirects}): ${method} ${redactUrl(source.url)}`,
      );
    }
    const next = new URL(location, url).toString();
    let body: ArrayBuffer | undefined;
    const status = response.status;
    const toGet =
      (status === 303 && method !== 'HEAD') ||
      ((status === 301 || status === 302) && method === 'POST');
    if (toGet) {
      method = 'GET';
    } else if (source.hasBody) {
      if (!call.template) {
        throw new CoreError(
          `Cannot follow a ${status} redirect: the request body is a one-shot stream and was already sent (${method} ${redactUrl(source.url)})`,
        );
      }
      body = await call.template.clone().arrayBuffer();
    }
    url = next;
    const init: RequestInit = {
      method,
      // `undefined` means the caller's own headers go unchanged (same origin, nothing to add).
      headers: hopHeaders(call, next, token, toGet) ?? source.headers ?? new Headers(),
      body: body ?? null,
      signal,
      redirect: 'manual',
    };
    response = await sendHop(call, next, init, attempt, url, method, hop);
  }
  return response;
}

/** Sends one HTTP request: straight to `globalThis.fetch` when nothing needs a `Request` object. */
function sendHop(
  call: Call,
  input: Request | string,
  init: RequestInit,
  attempt: number,
  url: string,
  method: string,
  hop: number,
): Promise<Response> {
  const { settings } = call;
  if (settings.direct) return globalThis.fetch(input, init);
  return sendHopObserved(call, input, init, attempt, url, method, hop);
}

/** Carries an error thrown by a hook past the retry logic, which only handles the network's. */
class HookFailure {
  constructor(readonly error: unknown) {}
}

async function hookCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new HookFailure(error);
  }
}

async function sendHopObserved(
  call: Call,
  input: Request | string,
  init: RequestInit,
  attempt: number,
  url: string,
  method: string,
  hop: number,
): Promise<Response> {
  const { settings } = call;
  const { logger } = settings.shared;
  logger?.debug('request', { method, url: redactUrl(url), attempt, hop });
  const started = Date.now();
  let response: Response;
  let request: Request | undefined;
  if (!settings.fetchImpl && !settings.hasRequestHooks && !settings.hasResponseHooks) {
    response = await globalThis.fetch(input, init);
  } else {
    request = new Request(input, init);
    if (settings.hasRequestHooks) {
      const replaced = await hookCall(() =>
        runHooks(settings.hooks, 'onRequest', { request: request as Request, attempt }),
      );
      if (replaced) request = replaced;
    }
    response = await (settings.fetchImpl ?? globalThis.fetch)(request);
  }
  const durationMs = Date.now() - started;
  if (request && settings.hasResponseHooks) {
    const state = { request, response, attempt, durationMs };
    const swapped = await hookCall(() => runHooks(settings.hooks, 'onResponse', state));
    if (swapped) response = swapped;
  }
  logger?.debug('response', {
    method,
    url: redactUrl(url),
    status: response.status,
    durationMs,
    attempt,
  });
  return response;
}
