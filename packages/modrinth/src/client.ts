import type { CallOptions, CoreConfig, CoreFetch, RateLimiter, RetryOptions } from '@x/core';
import { type Client, type Config, createClient, type SdkFetch } from '@x/core/client';
// Not from `@x/core`: this module is on every call's path, and `@x/core`
// reaches the error classes, which a browser bundle loads only on a failure.
import { RateLimiter as Limiter } from '@x/core/internal';
import { parseModrinthError } from './error-body.js';
import { modrinthQuerySerializer } from './query.js';
import { VERSION } from './version.js';

/** Production API (the spec's first server). */
export const MODRINTH_API_URL = 'https://api.modrinth.com/v2';
/** Staging API, for testing uploads without touching real projects. */
export const MODRINTH_STAGING_API_URL = 'https://staging-api.modrinth.com/v2';
/**
 * Sent when you give no `userAgent`. Modrinth asks every application for a
 * User-Agent that identifies *it*; set your own.
 */
export const DEFAULT_USER_AGENT = `@x/modrinth/${VERSION}`;
/**
 * Modrinth's documented limit: 300 requests per minute per IP, as a token
 * bucket (labrinth's GCRA): a burst of 300, then one request every 200 ms.
 */
export const MODRINTH_RATE_LIMIT = { limit: 300, windowMs: 60_000, kind: 'token-bucket' } as const;

/** Per-call overrides accepted by `ModrinthClient.withOptions` (@x/core's `CallOptions`). */
export type ModrinthCallOptions = CallOptions;

/** Options for {@link createModrinthClient}. */
export interface ModrinthClientOptions {
  /**
   * API root, including the version path.
   * @default 'https://api.modrinth.com/v2' (or the staging URL when `staging` is set)
   */
  baseUrl?: string | undefined;
  /** Use `https://staging-api.modrinth.com/v2`. Ignored when `baseUrl` is given. @default false */
  staging?: boolean | undefined;
  /**
   * Personal access token (`mrp_...`), or a function returning one per request.
   * Sent as-is in `Authorization` (Modrinth uses no `Bearer` prefix), and only
   * to `baseUrl`'s origin. Most read endpoints need none.
   */
  token?: CoreConfig['token'] | undefined;
  /**
   * Identifies your application to Modrinth, e.g. `my-launcher/1.2.0 (me@example.com)`.
   * Modrinth may block traffic whose User-Agent only names an HTTP library.
   * @default '@x/modrinth/<version>'
   */
  userAgent?: string | undefined;
  /** Retry policy of @x/core (429, 5xx, network errors), or `false` for none. */
  retry?: RetryOptions | false | undefined;
  /** Per-attempt timeout in milliseconds. @default 60000 */
  timeoutMs?: number | undefined;
  /**
   * Client-side limiter. Defaults to a new limiter of 300 requests/minute for
   * this client, corrected by the `X-Ratelimit-*` headers Modrinth returns.
   * Pass one `RateLimiter` to several clients to share a budget, or `false`.
   */
  rateLimiter?: RateLimiter | false | undefined;
  /** The fetch that really sends requests. @default globalThis.fetch */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** @x/core hooks (request/response/retry observation). */
  hooks?: CoreConfig['hooks'] | undefined;
  /** @x/core logger, or `'debug'`. Never receives credentials. */
  logger?: CoreConfig['logger'] | undefined;
}

/**
 * What the operations send with (a client of `@x/core/client` configured for
 * Modrinth): give it to the standalone functions of `@x/modrinth/operations`.
 * A `ModrinthClient` holds one as `transport`.
 */
export type ModrinthTransport = Client;

/**
 * The wait a Modrinth 429 states in its body (ms): labrinth sends no
 * `Retry-After`, and a browser cannot read its `X-Ratelimit-*` (its CORS
 * exposes none), but the body says `"You are being rate-limited. Please
 * wait 1234 milliseconds. 0/300 remaining."`.
 */
export function modrinthRetryAfter(body: unknown): number | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { description } = body as { description?: unknown };
  if (typeof description !== 'string') return undefined;
  const match = /please wait (\d{1,12}) milliseconds/i.exec(description);
  return match ? Number(match[1]) : undefined;
}

/** Prefixed to the message of a `GoneError` (410): this API version is no longer served. */
export const GONE_MESSAGE =
  'Modrinth answered 410 Gone: this API version is deprecated and no longer served. ' +
  'Upgrade @x/modrinth (or point baseUrl at the current API version).';

/** Builds the @x/core configuration for Modrinth from client options. */
export function modrinthCoreConfig(options: ModrinthClientOptions = {}): CoreConfig {
  const baseUrl = resolveBaseUrl(options);
  const config: CoreConfig = {
    baseUrl,
    authScheme: (token) => token,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    rateLimiter: options.rateLimiter === undefined ? defaultLimiter() : options.rateLimiter,
    rateLimitHeaders: {
      limit: 'x-ratelimit-limit',
      remaining: 'x-ratelimit-remaining',
      reset: 'x-ratelimit-reset',
      resetKind: 'delta-seconds',
    },
    parseErrorBody: parseModrinthError,
    retryAfterFromBody: modrinthRetryAfter,
  };
  if (options.token !== undefined) config.token = options.token;
  if (options.retry !== undefined) config.retry = options.retry;
  if (options.timeoutMs !== undefined) config.timeoutMs = options.timeoutMs;
  if (options.fetch) config.fetch = options.fetch;
  if (options.hooks) config.hooks = options.hooks;
  if (options.logger) config.logger = options.logger;
  return config;
}

function resolveBaseUrl(options: ModrinthClientOptions): string {
  const url = options.baseUrl ?? (options.staging ? MODRINTH_STAGING_API_URL : MODRINTH_API_URL);
  return url.replace(/\/+$/, '');
}

/**
 * `forgeUpdates` lives outside the versioned API (`/updates/...`, not
 * `/v2/updates/...`): the spec gives it its own servers. Its URL loses the
 * base URL's version segment.
 */
function outsideVersionPath(url: string): string {
  return url.replace(/\/v\d+(\/updates\/)/, '$1');
}

/** `versionsFromHashes`, `getLatestVersionsFromHashes`, `getLatestVersionFromHash`: POSTs that change nothing. */
const READ_ONLY_POSTS = new Set([
  '/version_files',
  '/version_files/update',
  '/version_file/{hash}/update',
]);

/**
 * Between the client and @x/core: two Modrinth specifics (the
 * `forgeUpdates` URL outside `/v2`, a clear 410 message), and the hash
 * lookups, POSTs that change nothing, retried like GETs.
 */
export function modrinthFetch(coreFetch: CoreFetch): SdkFetch {
  const lookups = coreFetch.withOptions({ retryNonIdempotent: true });
  // Not an async function: a `.catch` on the call's promise is the only
  // layer this step adds on the way of every call.
  return (url, init, call) => {
    const readOnly = call.method === 'POST' && READ_ONLY_POSTS.has(call.template);
    const target = call.template.startsWith('/updates/') ? outsideVersionPath(url) : url;
    return (readOnly ? lookups : coreFetch)(target, init).catch(explainGone);
  };
}

/**
 * A 410 gets {@link GONE_MESSAGE}: `gone.ts` checks it is a `GoneError`,
 * loaded only then (it names the error classes: see the import note above).
 */
function explainGone(error: unknown): Promise<never> {
  if ((error as { status?: unknown } | null)?.status !== 410) return Promise.reject(error);
  return import('./gone.js').then(
    (gone) => gone.explainGone(error, GONE_MESSAGE),
    // Its chunk did not load (offline, a new deployment): the error as it came.
    () => Promise.reject(error),
  );
}

/**
 * The client configuration for Modrinth (the default client's too): the
 * @x/core fetch is built on the first request, with one limiter for the
 * client's lifetime (kept when `setConfig` changes `baseUrl` or `auth`).
 */
export function modrinthClientConfig(options: ModrinthClientOptions = {}): Config {
  const config: Config = {
    baseUrl: resolveBaseUrl(options),
    throwOnError: true,
    querySerializer: modrinthQuerySerializer,
    // The client sends its `auth` (set from `options.token` below) and keeps
    // the first limiter for its lifetime.
    core: ({ baseUrl }) => modrinthCoreConfig({ ...options, baseUrl }),
    between: modrinthFetch,
  };
  if (options.token !== undefined) config.auth = options.token;
  return config;
}

function defaultLimiter(): RateLimiter {
  return new Limiter({ serverLimit: MODRINTH_RATE_LIMIT });
}

/**
 * The transport alone, for the tree-shakable functions of
 * `@x/modrinth/operations`: `getProject(transport, 'sodium')`.
 */
export function createModrinthTransport(options: ModrinthClientOptions = {}): ModrinthTransport {
  return createClient(modrinthClientConfig(options));
}
