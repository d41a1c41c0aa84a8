import { applyAuth, bearer, originOf, resolveToken } from './auth.js';
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
  isRetryableResponse,
  type ResolvedRetryOptions,
  readRateLimitHeaders,
  resolveRetry,
  retryAfterHint,
} from './retry.js';
import { linkSignals } from './timeout.js';
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

/** State shared by a CoreFetch and every `.with()` derived from it. */
interface Shared {
  readonly config: CoreConfig;
  readonly publicConfig: PublicCoreConfig;
  readonly baseUrl: string;
  readonly apiOrigin: string;
  readonly limiter: RateLimiter | false;
  readonly logger: Logger | undefined;
  readonly browser: boolean;
}

/** Call options after `.with()` merging: signals accumulate, hooks append. */
interface Overrides extends Omit<CallOptions, 'signal' | 'hooks'> {
  signals: AbortSignal[];
  hooks: Hooks[];
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
  const { token, ...rest } = config;
  const publicConfig: PublicCoreConfig = Object.freeze({
    ...rest,
    hasToken: token !== undefined && token !== '',
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
  };
  return make(shared, { signals: [], hooks: [] });
}

function make(shared: Shared, overrides: Overrides): CoreFetch {
  const coreFetch = (input: Request | URL | string, init?: RequestInit) =>
    send(shared, overrides, input, init);
  Object.defineProperties(coreFetch, {
    with: {
      value: (next: CallOptions) => make(shared, mergeOverrides(overrides, next)),
    },
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

function toRequest(input: Request | URL | string, init: RequestInit | undefined, baseUrl: string) {
  if (isRequest(input)) return init ? new Request(input, init) : input;
  const s = String(input);
  const url = /^[a-z][a-z\d+.-]*:/i.test(s) ? s : `${baseUrl}/${s.replace(/^\/+/, '')}`;
  return new Request(url, init);
}

function isStream(body: unknown): boolean {
  return typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
}

/** The credential values of a request's own `Authorization` header, to scrub from errors. */
function headerSecrets(headers: Headers): string[] {
  const value = headers.get('authorization');
  if (!value) return [];
  const space = value.indexOf(' ');
  return space > 0 ? [value, value.slice(space + 1)] : [value];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Everything one call needs, computed once. */
interface Call {
  readonly shared: Shared;
  readonly overrides: Overrides;
  readonly original: Request;
  readonly method: string;
  readonly safeUrl: string;
  readonly oneShot: boolean;
  readonly signals: AbortSignal[];
  readonly hooks: Hooks[];
  readonly fetchImpl: FetchLike;
  readonly secrets: (string | undefined)[];
  /** Why a retryable failure is not retried, when the reason is the body. */
  readonly noRetryNote: string | undefined;
}

async function send(
  shared: Shared,
  overrides: Overrides,
  input: Request | URL | string,
  init: RequestInit | undefined,
): Promise<Response> {
  const original = toRequest(input, init, shared.baseUrl);
  const oneShot = overrides.oneShotBody === true || isStream(init?.body);
  const config = shared.config;
  const call: Call = {
    shared,
    overrides,
    original,
    method: original.method.toUpperCase(),
    safeUrl: redactUrl(original.url),
    oneShot,
    signals: [original.signal, ...overrides.signals],
    hooks: config.hooks ? [config.hooks, ...overrides.hooks] : overrides.hooks,
    fetchImpl: config.fetch ?? ((request: Request) => globalThis.fetch(request)),
    secrets: headerSecrets(original.headers),
    noRetryNote: undefined,
  };
  // Clone before the first send: every attempt sends a fresh clone, so the body can be replayed.
  const template = original.body !== null && !oneShot ? original.clone() : original;

  const retry = resolveRetry(config.retry, overrides.retry);
  const retryMethod =
    retry !== false &&
    (retry.methods.includes(call.method) ||
      overrides.retryNonIdempotent === true ||
      overrides.allowRetryNonIdempotent === true);
  const maxAttempts = retry && retryMethod && !oneShot ? retry.maxRetries + 1 : 1;
  if (oneShot && retry && retryMethod && retry.maxRetries > 0) {
    (call as { noRetryNote: string | undefined }).noRetryNote =
      'not retried: the request body is a one-shot stream that cannot be replayed';
  }
  const deadline =
    retry && retry.totalTimeoutMs !== undefined ? Date.now() + retry.totalTimeoutMs : undefined;
  const limiter = overrides.rateLimiter ?? shared.limiter;
  const timeoutMs = overrides.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  for (let attempt = 1; ; attempt++) {
    throwIfAborted(call.signals);
    let outcome: { error: CoreError; delayMs: number } | Response;
    const release = limiter
      ? await acquire(call, limiter, deadline, retry ? retry.totalTimeoutMs : undefined, attempt)
      : undefined;
    try {
      outcome = await attemptOnce(call, template, attempt, attempt < maxAttempts, {
        timeoutMs,
        deadline,
        retry: retry || undefined,
        limiter,
      });
    } catch (error) {
      if (error instanceof CoreError) error.attempts = attempt;
      throw error;
    } finally {
      release?.();
    }
    if (!('delayMs' in outcome)) return outcome;

    const { error, delayMs } = outcome;
    error.attempts = attempt;
    if (deadline !== undefined && Date.now() + delayMs >= deadline) throw error;
    shared.logger?.debug('retry', {
      method: call.method,
      url: call.safeUrl,
      attempt,
      delayMs,
      error: error.message,
    });
    await runHooks(call.hooks, 'onRetry', {
      request: stripCredentials(original),
      error,
      attempt,
      delayMs,
    });
    await sleepOrAbort(delayMs, call.signals);
  }
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
async function acquire(
  call: Call,
  limiter: RateLimiter,
  deadline: number | undefined,
  totalTimeoutMs: number | undefined,
  attempt: number,
): Promise<Release> {
  const fast = limiter.tryAcquire();
  if (fast) return fast;
  const link = linkSignals(
    call.signals,
    deadline === undefined ? undefined : deadline - Date.now(),
  );
  try {
    return await limiter.acquire(link.signal);
  } catch (error) {
    if (link.timedOut) {
      const timeout = new TimeoutError({
        method: call.method,
        url: call.original.url,
        timeoutMs: totalTimeoutMs ?? 0,
      });
      timeout.attempts = attempt - 1;
      throw timeout;
    }
    throw error;
  } finally {
    link.clear();
  }
}

/** A copy of the request without credential headers, for hooks that must not see them. */
function stripCredentials(request: Request): Request {
  const headers = new Headers(request.headers);
  for (const name of ['authorization', 'proxy-authorization', 'cookie']) headers.delete(name);
  return new Request(request.url, { method: request.method, headers });
}

interface AttemptSettings {
  timeoutMs: number;
  deadline: number | undefined;
  retry: ResolvedRetryOptions | undefined;
  limiter: RateLimiter | false;
}

/**
 * One attempt (following redirects). Returns the response to hand back, or
 * the error and delay for a retry; throws when the call is over.
 */
async function attemptOnce(
  call: Call,
  template: Request,
  attempt: number,
  mayRetry: boolean,
  settings: AttemptSettings,
): Promise<Response | { error: CoreError; delayMs: number }> {
  const { shared, method } = call;
  const { retry } = settings;
  const remaining = settings.deadline === undefined ? Infinity : settings.deadline - Date.now();
  const effectiveTimeout = Math.min(settings.timeoutMs, remaining);
  const link = linkSignals(call.signals, effectiveTimeout);
  const token = await resolveToken(shared.config.token);
  const secrets = token ? [...call.secrets, token] : call.secrets;
  let response: Response;
  try {
    try {
      response = await sendFollowingRedirects(call, template, attempt, link.signal, token);
    } catch (error) {
      throwIfAborted(call.signals);
      if (error instanceof CoreError) throw error;
      const failure: CoreError = link.timedOut
        ? new TimeoutError({ method, url: call.original.url, timeoutMs: effectiveTimeout })
        : new ConnectionError({ method, url: call.original.url, cause: error });
      if (!mayRetry || !retry) throw withNote(failure, call.noRetryNote);
      return { error: failure, delayMs: backoffDelay(attempt, retry) };
    }

    observeRateLimit(call, response, settings.limiter);
    if (response.status < 400) return response;

    const now = Date.now();
    const rawHint = retryAfterHint(
      response.headers,
      response.status,
      shared.config.rateLimitHeaders,
      now,
    );
    const hint =
      rawHint === undefined ? undefined : clampHint(rawHint, retry ?? { minRetryAfterMs: 0 });
    const willRetry =
      mayRetry &&
      retry !== undefined &&
      isRetryableResponse(response.status, response.headers, retry) &&
      (hint === undefined || hint <= retry.maxRetryAfterMs);

    const maxWait = retry?.maxRetryAfterMs ?? 60_000;
    if (response.status === 429 && hint !== undefined && hint <= maxWait && settings.limiter) {
      pause(call, settings.limiter, now + hint, 'rate-limited', undefined);
    }

    if (willRetry && retry) {
      await response.body?.cancel().catch(() => {});
      const error = await toApiError(call, response, hint, secrets, false);
      return { error, delayMs: hint ?? backoffDelay(attempt, retry) };
    }
    const final = await toApiError(call, response, hint, secrets, true);
    const retryable = retry && isRetryableResponse(response.status, response.headers, retry);
    throw retryable ? withNote(final, call.noRetryNote) : final;
  } catch (error) {
    throwIfAborted(call.signals);
    if (link.timedOut && !(error instanceof CoreError)) {
      throw new TimeoutError({ method, url: call.original.url, timeoutMs: effectiveTimeout });
    }
    throw error;
  } finally {
    link.clear();
  }
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
  call.shared.logger?.debug('rate limit pause', { reason, waitMs, untilMs });
  void runHooks(call.hooks, 'onRateLimitWait', { reason, untilMs, waitMs, limit }).catch(() => {});
}

/** Applies the API's rate-limit headers to the limiter (API-origin responses only). */
function observeRateLimit(call: Call, response: Response, limiter: RateLimiter | false): void {
  const names = call.shared.config.rateLimitHeaders;
  if (!names || !limiter) return;
  if (response.url && originOf(response.url) !== call.shared.apiOrigin) return;
  const info = readRateLimitHeaders(response.headers, names);
  if (!info || info.remaining === undefined || info.remaining > 0 || info.resetAt === undefined) {
    return;
  }
  pause(call, limiter, info.resetAt, 'remaining-exhausted', info.limit);
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
      const parse = call.shared.config.parseErrorBody ?? defaultParseErrorBody;
      apiMessage = parse(json, raw) || undefined;
    } catch {
      apiMessage = undefined;
    }
  }
  return createApiError({
    status: response.status,
    statusText: response.statusText,
    method: call.method,
    url: call.original.url,
    headers: response.headers,
    body: json ?? (raw === '' ? undefined : raw),
    apiMessage,
    retryAfterMs,
    secrets,
  });
}

/** Sends one attempt, following redirects by hand so credentials stay on the API origin. */
async function sendFollowingRedirects(
  call: Call,
  template: Request,
  attempt: number,
  signal: AbortSignal,
  token: string | undefined,
): Promise<Response> {
  const { shared, original } = call;
  const scheme = shared.config.authScheme ?? bearer;
  const followByHand = !shared.browser && original.redirect === 'follow';
  const maxRedirects = shared.config.maxRedirects ?? DEFAULT_MAX_REDIRECTS;

  const headersFor = (url: string, dropBodyHeaders: boolean) => {
    const headers = new Headers(original.headers);
    if (!shared.browser && shared.config.userAgent && !headers.has('user-agent')) {
      headers.set('user-agent', shared.config.userAgent);
    }
    if (dropBodyHeaders) {
      for (const h of ['content-type', 'content-length', 'content-encoding']) headers.delete(h);
    }
    applyAuth(headers, url, shared.apiOrigin, token, scheme);
    return headers;
  };

  let url = original.url;
  let method = call.method;
  let request = new Request(template === original ? original : template.clone(), {
    headers: headersFor(url, false),
    signal,
    redirect: followByHand ? 'manual' : original.redirect,
  });

  for (let hop = 0; ; hop++) {
    const replaced = await runHooks(call.hooks, 'onRequest', { request, attempt });
    if (replaced) request = replaced;
    shared.logger?.debug('request', { method, url: redactUrl(url), attempt, hop });
    const started = Date.now();
    let response = await call.fetchImpl(request);
    const durationMs = Date.now() - started;
    const swapped = await runHooks(call.hooks, 'onResponse', {
      request,
      response,
      attempt,
      durationMs,
    });
    if (swapped) response = swapped;
    shared.logger?.debug('response', {
      method,
      url: redactUrl(url),
      status: response.status,
      durationMs,
      attempt,
    });

    if (!followByHand || !REDIRECT_STATUSES.has(response.status)) return response;
    const location = response.headers.get('location');
    if (!location) return response;
    if (hop >= maxRedirects) {
      await response.body?.cancel().catch(() => {});
      throw new CoreError(
        `Too many redirects (more than ${maxRedirects}): ${method} ${call.safeUrl}`,
      );
    }
    await response.body?.cancel().catch(() => {});
    const next = new URL(location, url).toString();
    let body: ArrayBuffer | undefined;
    const status = response.status;
    const toGet =
      (status === 303 && method !== 'HEAD') ||
      ((status === 301 || status === 302) && method === 'POST');
    if (toGet) {
      method = 'GET';
    } else if (original.body !== null) {
      if (call.oneShot) {
        throw new CoreError(
          `Cannot follow a ${status} redirect: the request body is a one-shot stream and was already sent (${method} ${call.safeUrl})`,
        );
      }
      body = await template.clone().arrayBuffer();
    }
    url = next;
    request = new Request(next, {
      method,
      headers: headersFor(next, toGet),
      body: body ?? null,
      signal,
      redirect: 'manual',
    });
  }
}
