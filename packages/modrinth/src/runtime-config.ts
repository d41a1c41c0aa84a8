import { modrinthClientConfig } from './client.js';
import type { CreateClientConfig } from './generated/client.gen.js';

/**
 * Settings of the generated default `client` (used when a call passes no
 * `client`): production API, default User-Agent, retries and the
 * 300 requests/minute limiter of @x/core, JSON-encoded array queries.
 * Nothing is built until its first request.
 */
export const createClientConfig: CreateClientConfig = (config) =>
  ({
    ...config,
    ...modrinthClientConfig(config?.baseUrl ? { baseUrl: config.baseUrl } : {}),
  }) as ReturnType<CreateClientConfig>;
