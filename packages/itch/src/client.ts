import type { CallOptions, CoreConfig, TokenProvider } from '@x/core';
import { type Client, type Config, createClient } from '@x/core/client';
// Not from `@x/core`: this module is on every call's path, and `@x/core`
// reaches the error classes, which a browser bundle loads only on a failure.
import { RateLimiter } from '@x/core/internal';
import { parseItchErrorBody } from './error-body.js';
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

/** A credential, or a function that returns the current one (for rotating JWTs); read before every attempt. */
export type ItchCredential = TokenProvider;

/** Options for {@link createItchClient}; pass at most one of `apiKey` and `jwt`. */
export interface ItchClientOptions {
  /** The API's base URL. @default 'https://api.itch.io' */
  baseUrl?: string | undefined;
  /** A long-lived API key (itch.io settings -> API keys, or the key `login()` yields). */
  apiKey?: ItchCredential | undefined;
  /** A short-lived JWT, e.g. the `ITCHIO_API_KEY` itch passes to a game it launches. */
  jwt?: ItchCredential | undefined;
  /** Retries (idempotent requests, 429/5xx, network errors); `false` to disable. @default @x/core's policy */
  retry?: CoreConfig['retry'] | undefined;
  /** Per-attempt timeout in ms. @default 60000 */
  timeoutMs?: number | undefined;
  /**
   * A shared `RateLimiter`, or `false` to disable.
   * @default new RateLimiter(DEFAULT_RATE_LIMIT) per client (10/s, 4 concurrent)
   */
  rateLimiter?: CoreConfig['rateLimiter'] | undefined;
  /** The `User-Agent` header. @default `@x/itch/<version>` */
  userAgent?: string | undefined;
  /** The fetch that really sends requests. @default globalThis.fetch */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** @x/core hooks (request/response/retry observation). */
  hooks?: CoreConfig['hooks'] | undefined;
  /** @x/core logger, or `'debug'`. Never receives credentials. */
  logger?: CoreConfig['logger'] | undefined;
}

/** Per-call overrides accepted by `ItchClient.withOptions` (@x/core's `CallOptions`). */
export type ItchCallOptions = CallOptions;

/**
 * What the operations send with (a client of `@x/core/client` configured for
 * itch): give it to the standalone functions of `@x/itch/operations`. An
 * `ItchClient` holds one as `transport`.
 */
export type ItchTransport = Client;

function credentialOf(options: ItchClientOptions): ItchCredential | undefined {
  if (options.apiKey !== undefined && options.jwt !== undefined) {
    throw new TypeError('@x/itch: pass either apiKey or jwt, not both');
  }
  return options.apiKey ?? options.jwt;
}

/**
 * The @x/core configuration with itch's policy. The credential is read by
 * @x/core before every attempt and sent as `Authorization: Bearer <key>` to
 * the API's origin only, for the operations whose spec requires it.
 */
export function itchCoreConfig(options: ItchClientOptions = {}): CoreConfig {
  const config: CoreConfig = {
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    rateLimiter:
      options.rateLimiter === undefined
        ? new RateLimiter({ ...DEFAULT_RATE_LIMIT })
        : options.rateLimiter,
    parseErrorBody: parseItchErrorBody,
  };
  const credential = credentialOf(options);
  if (credential !== undefined) config.token = credential;
  if (options.retry !== undefined) config.retry = options.retry;
  if (options.timeoutMs !== undefined) config.timeoutMs = options.timeoutMs;
  if (options.fetch) config.fetch = options.fetch;
  if (options.hooks) config.hooks = options.hooks;
  if (options.logger) config.logger = options.logger;
  return config;
}

/**
 * The client configuration for itch (the default client's too): the @x/core
 * fetch is built on the first request, with one limiter for the client's
 * lifetime (kept when `setConfig` changes `baseUrl` or `auth`). Each
 * operation normalises its own answer (see `normalize.ts`).
 */
export function itchClientConfig(options: ItchClientOptions = {}): Config {
  const credential = credentialOf(options);
  const config: Config = {
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    throwOnError: true,
    // The client sends its `auth` (the credential, set below) and keeps the
    // first limiter for its lifetime.
    core: ({ baseUrl }) => itchCoreConfig({ ...options, baseUrl }),
    // `/login` and `/totp/verify` must never carry a key.
    tokenFor: 'secured-operations',
  };
  if (credential !== undefined) config.auth = credential;
  return config;
}

/**
 * The transport alone, for the tree-shakable functions of `@x/itch/operations`:
 * `getGame(transport, gameId)`.
 */
export function createItchTransport(options: ItchClientOptions = {}): ItchTransport {
  return createClient(itchClientConfig(options));
}
