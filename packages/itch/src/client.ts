import {
  type CoreConfig,
  type CoreFetch,
  createCoreFetch,
  dropCallOptions,
  RateLimiter,
} from '@x/core';
import { type Client, type Config, createClient, createConfig } from './generated/client/index.js';
import type { ClientOptions } from './generated/types.gen.js';
import { normalizingFetch } from './normalize.js';
import { VERSION } from './version.js';

/** The spec's server. */
export const DEFAULT_BASE_URL = 'https://api.itch.io';

/** `@x/itch/<version>`, sent as `User-Agent` unless you pass your own. */
export const DEFAULT_USER_AGENT = `@x/itch/${VERSION}`;

/**
 * itch.io publishes no rate limits. The default is deliberately modest: 10
 * requests per second and 4 in flight per client, well under what the itch
 * desktop app and butler send during a busy install or push, so a script
 * written against the SDK never looks like abuse, while a launcher paging
 * through a library still gets ~500 items a second (50 per page).
 */
export const DEFAULT_RATE_LIMIT = { maxRequests: 10, intervalMs: 1000, maxConcurrent: 4 } as const;

/** A credential, or a function that returns the current one (for rotating JWTs). */
export type ItchCredential =
  | string
  | (() => string | undefined | null | Promise<string | undefined | null>);

/** Options for {@link createItchClient}; pass at most one of `apiKey` and `jwt`. */
export interface ItchClientOptions {
  /** The API's base URL. @default 'https://api.itch.io' */
  baseUrl?: string;
  /** A long-lived API key (itch.io settings -> API keys, or the key `login()` yields). */
  apiKey?: ItchCredential;
  /** A short-lived JWT, e.g. the `ITCHIO_API_KEY` itch passes to a game it launches. */
  jwt?: ItchCredential;
  /** Retries (idempotent requests, 429/5xx, network errors); `false` to disable. @default @x/core's policy */
  retry?: CoreConfig['retry'];
  /** Per-attempt timeout in ms. @default 60000 */
  timeoutMs?: number;
  /**
   * A shared `RateLimiter`, or `false` to disable.
   * @default new RateLimiter(DEFAULT_RATE_LIMIT) per client (10/s, 4 concurrent)
   */
  rateLimiter?: CoreConfig['rateLimiter'];
  /** The `User-Agent` header. @default `@x/itch/<version>` */
  userAgent?: string;
  /** The fetch that really sends requests. @default globalThis.fetch */
  fetch?: (request: Request) => Promise<Response>;
  /** @x/core hooks (request/response/retry observation). */
  hooks?: CoreConfig['hooks'];
  /** @x/core logger, or `'debug'`. Never receives credentials. */
  logger?: CoreConfig['logger'];
}

/** Per-call overrides accepted by `ItchClient.withOptions` (retry, timeout, signal...). */
export type ItchCallOptions = Parameters<CoreFetch['with']>[0];

/** A generated-SDK client wired to @x/core; pass it as `{ client }` to any operation. */
export type ItchClient = Client & {
  /** A client sharing this one's limiter and credentials, with per-call overrides. */
  withOptions(overrides: ItchCallOptions): ItchClient;
};

/** itch's error body `{"errors": ["..."]}` -> the error's message. */
export function parseItchErrorBody(body: unknown): string | undefined {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return undefined;
  const messages = errors.filter((e): e is string => typeof e === 'string');
  return messages.length > 0 ? messages.join('; ') : undefined;
}

function credentialOf(options: ItchClientOptions): ItchCredential | undefined {
  if (options.apiKey !== undefined && options.jwt !== undefined) {
    throw new TypeError('@x/itch: pass either apiKey or jwt, not both');
  }
  return options.apiKey ?? options.jwt;
}

function authCallback(credential: ItchCredential | undefined): Config['auth'] {
  if (credential === undefined) return undefined;
  // hey-api adds `Authorization: Bearer <token>` only to operations whose spec
  // security requires it, so /login and /login/with-totp-token never carry it.
  if (typeof credential === 'string') return () => credential;
  return async () => (await credential()) ?? undefined;
}

/** The @x/core fetch with itch's policy. */
export function createItchCoreFetch(options: ItchClientOptions = {}): CoreFetch {
  const config: CoreConfig = {
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    rateLimiter:
      options.rateLimiter === undefined
        ? new RateLimiter({ ...DEFAULT_RATE_LIMIT })
        : options.rateLimiter,
    parseErrorBody: parseItchErrorBody,
  };
  if (options.retry !== undefined) config.retry = options.retry;
  if (options.timeoutMs !== undefined) config.timeoutMs = options.timeoutMs;
  if (options.fetch) config.fetch = options.fetch;
  if (options.hooks) config.hooks = options.hooks;
  if (options.logger) config.logger = options.logger;
  return createCoreFetch(config);
}

/** The hey-api config pieces that wire a client to @x/core and the normaliser. */
export function itchClientConfig(
  options: ItchClientOptions = {},
  coreFetch: CoreFetch = createItchCoreFetch(options),
): Config<ClientOptions> {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  return {
    baseUrl: baseUrl as ClientOptions['baseUrl'],
    throwOnError: true,
    auth: authCallback(credentialOf(options)),
    fetch: normalizingFetch((request) => coreFetch(request), baseUrl) as typeof fetch,
  };
}

function build(config: Config<ClientOptions>, coreFetch: CoreFetch): ItchClient {
  // `client` is our call option, not a RequestInit field (Deno rejects it there).
  const client = dropCallOptions(createClient(createConfig<ClientOptions>(config)), [
    'client',
  ]) as ItchClient;
  // The child starts from the parent's current config (headers, auth,
  // baseUrl set later with setConfig...) and shares its limiter.
  client.withOptions = (overrides) => {
    const next = coreFetch.with(overrides);
    const current = client.getConfig();
    return build(
      {
        ...current,
        fetch: normalizingFetch(
          (request) => next(request),
          String(current.baseUrl ?? DEFAULT_BASE_URL),
        ) as typeof fetch,
      } as Config<ClientOptions>,
      next,
    );
  };
  return client;
}

/**
 * A client for the itch.io API.
 *
 * ```ts
 * const client = createItchClient({ apiKey: process.env.ITCH_API_KEY });
 * const { user } = await getProfile({ client });
 * ```
 */
export function createItchClient(options: ItchClientOptions = {}): ItchClient {
  credentialOf(options);
  const coreFetch = createItchCoreFetch(options);
  return build(itchClientConfig(options, coreFetch), coreFetch);
}
