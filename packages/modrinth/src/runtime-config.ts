import { createCoreFetch } from '@x/core';
import { sdkFetch } from '@x/core/internal';
import { modrinthCoreConfig, modrinthFetch } from './client.js';
import type { CreateClientConfig } from './generated/client.gen.js';
import { modrinthQuerySerializer } from './query.js';

/**
 * Settings of the generated default `client` (used when a call passes no
 * `client`): production API, default User-Agent, retries and the
 * 300 requests/minute limiter of @x/core, JSON-encoded array queries.
 * Nothing is built until its first request.
 */
export const createClientConfig: CreateClientConfig = (config) => {
  const baseUrl = (config?.baseUrl ?? 'https://api.modrinth.com/v2').replace(/\/+$/, '');
  return {
    ...config,
    baseUrl,
    fetch: sdkFetch(
      () => createCoreFetch(modrinthCoreConfig({ baseUrl })),
      (coreFetch) => modrinthFetch(coreFetch, baseUrl),
    ),
    querySerializer: modrinthQuerySerializer,
  } as ReturnType<CreateClientConfig>;
};
