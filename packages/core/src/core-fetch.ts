import { prepareCall } from './prepare.js';
import { retriesMethod, runWithRetries } from './retry-loop.js';
import { clientSettings, type Settings, withOverrides } from './settings.js';
import type { CallOptions, CoreConfig, CoreFetch, PublicCoreConfig } from './types.js';

/**
 * Creates a `fetch` that adds auth (API origin only), `User-Agent`, a rate
 * limiter, per-attempt timeouts, retries with backoff, redirects followed by
 * hand, and typed errors: a response with status >= 400 (after retries) is
 * thrown as an `ApiError` subclass; 2xx/3xx responses are returned as they are.
 *
 * The pipeline, one file each: `settings.ts` (a client's options) ->
 * `prepare.ts` (describe a call) -> `retry-loop.ts` (slots, attempts, waits)
 * -> `attempt.ts` (one attempt with its timeout) -> `redirects.ts` (hops and
 * the credential rule) -> `error-response.ts` / `rate-limit-observer.ts`.
 */
export function createCoreFetch(config: CoreConfig): CoreFetch {
  const { token: _token, ...rest } = config;
  const publicConfig: PublicCoreConfig = Object.freeze({
    ...rest,
    hasToken: config.token !== undefined && config.token !== '',
  });
  return fetchWith(clientSettings(config), publicConfig);
}

function fetchWith(settings: Settings, publicConfig: PublicCoreConfig): CoreFetch {
  const mayRetry = (method: string) => retriesMethod(settings, method);
  const coreFetch = (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
    try {
      const call = prepareCall(settings, input, init, mayRetry);
      return call instanceof Promise
        ? call.then((c) => runWithRetries(settings, c))
        : runWithRetries(settings, call);
    } catch (error) {
      return Promise.reject(error);
    }
  };
  Object.defineProperties(coreFetch, {
    withOptions: {
      value: (overrides: CallOptions) =>
        fetchWith(withOverrides(settings, overrides), publicConfig),
    },
    config: { value: publicConfig, enumerable: true },
    toJSON: { value: () => ({ config: publicConfig }) },
  });
  return coreFetch as CoreFetch;
}
