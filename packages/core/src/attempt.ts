import { headerRecord, isOnOrigin, stripCredentials } from './auth.js';
import { CoreError } from './core-error.js';
import { runHooks } from './hooks.js';
import { failurePath, observerPath } from './lazy.js';
import { followByHand } from './platform.js';
import { isOpaque, unsafeToFollow } from './platform-redirects.js';
import type { PreparedCall, ReadBody } from './prepare.js';
import type { Release } from './rate-limit.js';
import { redactUrl } from './redact-url.js';
import { firstHop, type Hop } from './redirects.js';
import type { Settings } from './settings.js';
import { linkSignals } from './timeout.js';

/** One attempt of a call. */
export interface Attempt {
  readonly settings: Settings;
  readonly call: PreparedCall;
  /** 1 for the first. */
  readonly number: number;
  /** Read for this attempt (a provider may rotate it). */
  readonly token: string | undefined;
  /** This attempt's timeout (the client's, or less when the call's deadline is nearer). */
  readonly timeoutMs: number;
  /** The caller's signals: any of them aborts the attempt with its reason. */
  readonly signals: readonly AbortSignal[];
  /** The limiter slot this attempt holds: freed when its answer arrives, and told what it said. */
  readonly release?: Release | undefined;
}

/** Carries an error thrown by a hook past the failure classification, which is for the network's. */
class HookFailure {
  constructor(readonly error: unknown) {}
}

const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding'];

/** The headers of one hop: the caller's, a `User-Agent`, and credentials only when the hop is trusted. */
function hopHeaders(attempt: Attempt, hop: Hop): Record<string, string> {
  const { settings, call, token } = attempt;
  const headers = headerRecord(call.headers);
  if (!hop.keepsBody) for (const name of BODY_HEADERS) delete headers[name];
  if (!hop.trusted) stripCredentials(headers);
  else if (token !== undefined) headers.authorization = settings.authScheme(token);
  if (settings.userAgent && headers['user-agent'] === undefined) {
    headers['user-agent'] = settings.userAgent;
  }
  return headers;
}

/**
 * The `RequestInit` of one hop, built only now that it is sent. `redirect`
 * is `'manual'` for a hop this client follows by hand, the caller's own mode
 * otherwise; `'follow'` (the platform follows) becomes `'manual'` when the
 * hop carries a header the platform would take to another origin (its names
 * are added to `heldBack`; see `platform-redirects.ts`).
 */
function hopInit(
  attempt: Attempt,
  hop: Hop,
  signal: AbortSignal,
  redirect: RequestRedirect,
  heldBack: string[] | undefined,
): RequestInit {
  const { call } = attempt;
  const headers = hopHeaders(attempt, hop);
  if (redirect === 'follow' && heldBack) {
    const unsafe = unsafeToFollow(Object.keys(headers));
    if (unsafe.length > 0) {
      heldBack.push(...unsafe);
      redirect = 'manual';
    }
  }
  const init: RequestInit & { duplex?: 'half' } = {
    ...call.extras,
    method: hop.method,
    headers,
    signal,
    redirect,
  };
  if (hop.keepsBody && call.body !== null) {
    if (hop.index > 0 && !call.replayable) {
      throw new CoreError(
        `Cannot follow a redirect: the request body is a one-shot stream and was already sent (${hop.method} ${redactUrl(call.url)})`,
      );
    }
    init.body = call.body;
    if (!call.replayable) init.duplex = 'half';
  }
  return init;
}

/**
 * Sends one hop through the hooks and the configured fetch. With `heldBack`
 * (the platform follows redirects), a request a hook left carrying a header
 * unsafe to follow is sent with `redirect: 'manual'` too.
 */
async function sendHop(
  attempt: Attempt,
  hop: Hop,
  signal: AbortSignal,
  redirect: RequestRedirect,
  heldBack?: string[],
): Promise<Response> {
  const { settings } = attempt;
  const { hooks, logger } = settings;
  logger?.debug('request', {
    method: hop.method,
    url: redactUrl(hop.url),
    attempt: attempt.number,
    hop: hop.index,
  });
  const started = Date.now();
  const init = hopInit(attempt, hop, signal, redirect, heldBack);
  // Without hooks or a custom fetch, nobody needs a `Request`: `fetch(url,
  // init)` builds its own, and building one here too cost ~3% of a local
  // call (the getProject benchmark).
  if (hooks.length === 0 && !settings.fetch) {
    const response = await globalThis.fetch(hop.url, init);
    logResponse(attempt, hop, response, started);
    return response;
  }
  let request = new Request(hop.url, init);
  if (hooks.length > 0) {
    const state = { request, attempt: attempt.number };
    const replaced = await runHooks(hooks, 'onRequest', state).catch((error: unknown) => {
      throw new HookFailure(error);
    });
    if (replaced) request = replaced;
    if (heldBack && request.redirect === 'follow') {
      const unsafe = unsafeToFollow(request.headers.keys());
      if (unsafe.length > 0) {
        heldBack.push(...unsafe);
        request = new Request(request, { redirect: 'manual' });
      }
    }
  }
  let response = await (settings.fetch ?? globalThis.fetch)(request);
  if (hooks.length > 0) {
    const state = { request, response, attempt: attempt.number, durationMs: Date.now() - started };
    const swapped = await runHooks(hooks, 'onResponse', state).catch((error: unknown) => {
      throw new HookFailure(error);
    });
    if (swapped) response = swapped;
  }
  logResponse(attempt, hop, response, started);
  return response;
}

function logResponse(attempt: Attempt, hop: Hop, response: Response, started: number): void {
  attempt.settings.logger?.debug('response', {
    method: hop.method,
    url: redactUrl(hop.url),
    status: response.status,
    durationMs: Date.now() - started,
    attempt: attempt.number,
  });
}

/**
 * One attempt, under its own timeout (until the response headers, and the
 * body of an error response, or of any response for a `READ_BODY` call):
 * sends the request, follows redirects (see `redirects.ts` for the
 * credential rule), reports rate-limit headers to the limiter, and turns a
 * status >= 400 into its typed `ApiError`, which it throws, like any
 * failure. The retry loop decides what happens next.
 */
export async function runAttempt(attempt: Attempt): Promise<Response> {
  const { settings, call } = attempt;
  const link = linkSignals(attempt.signals, attempt.timeoutMs);
  let hop = firstHop(call.url, call.method, settings.apiOrigin);
  try {
    const byHand = call.redirect === 'follow' && !settings.platformRedirects && followByHand;
    let response: Response;
    if (byHand) {
      const last = await byHand(
        hop,
        (next) => {
          hop = next;
          return sendHop(attempt, next, link.signal, 'manual');
        },
        settings.apiOrigin,
        settings.maxRedirects,
      );
      response = last.response;
      hop = last.hop;
      // A runtime that hides redirects from `redirect: 'manual'` but was not
      // recognised as a browser: an opaque redirect is an error, never data.
      if (isOpaque(response)) {
        await response.body?.cancel().catch(() => {});
        throw (await loadFailure()).opaqueError(response, hop.method, redactUrl(hop.url), []);
      }
    } else {
      const heldBack = call.redirect === 'follow' ? [] : undefined;
      response = await sendHop(attempt, hop, link.signal, call.redirect, heldBack);
      // An opaque answer is never data (a status-0 "success" would resolve to `undefined`).
      if (heldBack && isOpaque(response)) {
        await response.body?.cancel().catch(() => {});
        throw (await loadFailure()).opaqueError(response, hop.method, redactUrl(hop.url), heldBack);
      }
      if (response.redirected && response.url)
        hop = landedAt(hop, response.url, settings.apiOrigin);
    }
    const receivedAt = Date.now();
    const fromApi = isOnOrigin(hop.url, settings.apiOrigin);
    const { release } = attempt;
    if (response.status < 400) {
      // Read under this attempt's timer: a body that stalls times out.
      if (call.readBody) await readWhole(response, call.readBody);
      const learning = observeAnswer(settings, response, release, receivedAt, fromApi);
      if (learning) {
        // Learning is optional: an answer is never lost because its chunk did not load.
        const learn =
          learning instanceof Promise ? await learning.catch(() => undefined) : learning;
        if (learn) learn();
        else if (settings.limiter) settings.limiter.observe(undefined, release);
      }
      release?.(receivedAt);
      return response;
    }
    const m = failurePath();
    const failure = m instanceof Promise ? await m : m;
    throw await failure.responseError(attempt, response, hop, receivedAt, fromApi);
  } catch (error) {
    // Read now: the timer may still fire while the failure path loads.
    const timedOut = link.timedOut;
    if (error instanceof HookFailure) throw error.error;
    for (const signal of attempt.signals) if (signal.aborted) throw signal.reason;
    if (error instanceof CoreError) throw error;
    const m = failurePath();
    const failure = m instanceof Promise ? await m : m;
    throw failure.sendFailure(hop, attempt.timeoutMs, error, timedOut);
  } finally {
    link.clear();
  }
}

/** The hop a redirect the platform followed ended on (its method is not known: a 303 makes it a GET). */
function landedAt(hop: Hop, url: string, apiOrigin: string): Hop {
  return {
    url,
    method: hop.method,
    keepsBody: false,
    trusted: hop.trusted && isOnOrigin(url, apiOrigin),
    index: hop.index + 1,
  };
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * Bodies of `READ_BODY` calls, read within their attempt, by response. The
 * SDK client takes them with {@link takeReadBody}: handing the bytes over
 * beside the response, rather than in a copy of it (a `Response` and its
 * headers rebuilt), costs nothing measurable on the getProject benchmark.
 */
const readBodies = new WeakMap<Response, string | ArrayBuffer>();

async function readWhole(response: Response, as: ReadBody): Promise<void> {
  if (NULL_BODY_STATUSES.has(response.status)) return;
  // Text is read as text: decoding bytes later costs ~2% of a local call.
  readBodies.set(response, as === 'text' ? await response.text() : await response.arrayBuffer());
}

/** The body a `READ_BODY` call's attempt read (once; the response's own body is then used). */
export function takeReadBody(response: Response): string | ArrayBuffer | undefined {
  const body = readBodies.get(response);
  readBodies.delete(response);
  return body;
}

/** The failure path, loaded (at once in the default build, on first use in the browser build). */
async function loadFailure() {
  const m = failurePath();
  return m instanceof Promise ? await m : m;
}

/** Rate-limit headers an answer may carry: the SDK's names, or the IETF fields. */
const IETF_FIELDS = [
  'ratelimit',
  'ratelimit-policy',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
];

/**
 * Tells the limiter what a successful answer said. The common case here
 * (no rate-limit header readable, nobody to tell: in a browser, an API whose
 * CORS hides them) ends the cold start's probe with nothing learnt, without
 * `rate-limit-observer.ts`. Otherwise returns the observer's work, to run
 * once loaded (at once in the default build): see `lazy.ts`.
 */
function observeAnswer(
  settings: Settings,
  response: Response,
  release: Release | undefined,
  receivedAt: number,
  fromApi: boolean,
): undefined | (() => void) | Promise<() => void> {
  const { limiter } = settings;
  const names = settings.config.rateLimitHeaders;
  // A status < 400 is never a 429: without header names there is nothing to read.
  if (!limiter || !names) return undefined;
  if (!fromApi) {
    limiter.observe(undefined, release);
    return undefined;
  }
  const { headers } = response;
  const readable =
    [names.limit, names.remaining, names.reset].some((name) => name && headers.has(name)) ||
    IETF_FIELDS.some((name) => headers.has(name));
  if (!readable && !settings.logger && settings.hooks.length === 0) {
    limiter.observe(undefined, release);
    return undefined;
  }
  const run = (m: typeof import('./rate-limit-observer.js')) => () =>
    m.observeRateLimit(settings, response, undefined, release, receivedAt, fromApi);
  const m = observerPath();
  return m instanceof Promise ? m.then(run) : run(m);
}
