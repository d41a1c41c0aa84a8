import { createCoreFetch } from '@x/core';
import { modrinthCoreConfig, modrinthFetch } from './client.js';
import type { CreateClientConfig } from './generated/client.gen.js';
import { modrinthQuerySerializer } from './query.js';

/**
 * Settings of the generated default `client` (used when a call passes no
 * `client`): production API, default User-Agent, retries and the
 * 300 requests/minute limiter of @x/core, JSON-encoded array queries.
 */
export const createClientConfig: CreateClientConfig = (config) => {
  const core = modrinthCoreConfig({ baseUrl: config?.baseUrl ?? undefined });
  return {
    ...config,
    baseUrl: core.baseUrl,
    fetch: modrinthFetch(createCoreFetch(core), core.baseUrl),
    querySerializer: modrinthQuerySerializer,
  } as ReturnType<CreateClientConfig>;
};
