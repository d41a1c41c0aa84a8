import { createCoreFetch } from '@x/core';
import { sdkFetch } from '@x/core/internal';
import { DEFAULT_BASE_URL, itchCoreConfig } from './client.js';
import type { CreateClientConfig } from './generated/client.gen.js';
import { normalizingFetch } from './normalize.js';

/**
 * Called once by the generated default `client` (see openapi-ts.config.ts,
 * `runtimeConfigPath`): zero-config calls get @x/core's retries, the default
 * rate limit, the `@x/itch` User-Agent and the snake/camel normaliser,
 * built on the first request (nothing at import). It has no credential:
 * create your own client with `createItchClient({ apiKey })`.
 */
export const createClientConfig: CreateClientConfig = (config) => {
  const baseUrl = config?.baseUrl ?? DEFAULT_BASE_URL;
  return {
    ...config,
    baseUrl,
    throwOnError: true,
    fetch: sdkFetch(
      () => createCoreFetch(itchCoreConfig({ baseUrl })),
      (coreFetch) => normalizingFetch(coreFetch, baseUrl),
    ),
  } as ReturnType<CreateClientConfig>;
};
