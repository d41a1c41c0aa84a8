import { bearer } from './auth.js';
import { platformOwnsRedirects } from './platform.js';
import { RateLimiter } from './rate-limit.js';
import { redactUrl } from './redact-url.js';
import { DEFAULT_MAX_REDIRECTS } from './redirects.js';
import { type ResolvedRetryOptions, resolveRetry } from './retry-policy.js';
import type { CallOptions, CoreConfig, FetchLike, Hooks, Logger } from './types.js';

/** Per-attempt timeout when none is configured. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** A client's configuration with every default applied, computed once per client (not per call). */
export interface Settings {
  readonly config: CoreConfig;
  /** `config.baseUrl` without a trailing slash. */
  readonly baseUrl: string;
  /** The only origin credentials are sent to. */
  readonly apiOrigin: string;
  readonly retry: ResolvedRetryOptions | false;
  readonly retryNonIdempotent: boolean;
  readonly oneShotBody: boolean;
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  readonly limiter: RateLimiter | false;
  /** The client's hooks, then each `withOptions()` layer's. */
  readonly hooks: readonly Hooks[];
  /** Abort signals from `withOptions()` layers. */
  readonly signals: readonly AbortSignal[];
  readonly logger: Logger | undefined;
  /** `undefined` in browsers, which forbid setting it. */
  readonly userAgent: string | undefined;
  /**
   * Whether the platform follows redirects (browsers: see
   * `platform-redirects.ts`) rather than this client, by hand.
   */
  readonly platformRedirects: boolean;
  readonly authScheme: (token: string) => string;
  readonly fetch: FetchLike | undefined;
  /** The `withOptions()` layers so far, merged. */
  readonly overrides: CallOptions;
}

/** A client's settings from its configuration. Throws a `TypeError` naming a bad `baseUrl`. */
export function clientSettings(config: CoreConfig): Settings {
  let base: URL;
  try {
    base = new URL(config.baseUrl);
  } catch {
    throw new TypeError(
      `createCoreFetch: baseUrl is not an absolute URL: ${redactUrl(String(config.baseUrl))}`,
    );
  }
  const browser = platformOwnsRedirects();
  const limiter = config.rateLimiter === undefined ? new RateLimiter() : config.rateLimiter;
  // Until the first answer says whether the API states its limit, one call at a time.
  if (limiter && config.rateLimitHeaders) limiter.expectRateLimitHeaders();
  return {
    config,
    baseUrl: config.baseUrl.replace(/\/+$/, ''),
    apiOrigin: base.origin,
    retry: resolveRetry(config.retry),
    retryNonIdempotent: false,
    oneShotBody: false,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRedirects: config.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    limiter,
    hooks: config.hooks ? [config.hooks] : [],
    signals: [],
    logger:
      config.logger === 'debug'
        ? { debug: (message, data) => console.debug(`[@x/core] ${message}`, data ?? '') }
        : config.logger,
    userAgent: browser ? undefined : config.userAgent,
    platformRedirects: browser,
    authScheme: config.authScheme ?? bearer,
    fetch: config.fetch,
    overrides: {},
  };
}

/** `settings` with one more layer of per-call overrides (signals accumulate, hooks append). */
export function withOverrides(settings: Settings, next: CallOptions): Settings {
  const { retry, signal, hooks, ...rest } = next;
  const overrides: CallOptions = { ...settings.overrides, ...rest };
  if (retry === false) overrides.retry = false;
  else if (retry !== undefined) {
    overrides.retry = settings.overrides.retry ? { ...settings.overrides.retry, ...retry } : retry;
  }
  return {
    ...settings,
    overrides,
    retry: resolveRetry(settings.config.retry, overrides.retry),
    retryNonIdempotent: overrides.retryNonIdempotent === true,
    oneShotBody: overrides.oneShotBody === true,
    timeoutMs: overrides.timeoutMs ?? settings.config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    limiter: overrides.rateLimiter ?? settings.limiter,
    hooks: hooks ? [...settings.hooks, hooks] : settings.hooks,
    signals: signal ? [...settings.signals, signal] : settings.signals,
  };
}
