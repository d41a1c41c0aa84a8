import { itchClientConfig } from './client.js';
import type { CreateClientConfig } from './generated/client.gen.js';

/**
 * Settings of the generated default `client` (used when a call passes no
 * `client`): `https://api.itch.io`, no credential (`client.setConfig({ auth })`
 * gives it one), the default limiter, normalised answers. Nothing is built
 * until its first request.
 */
export const createClientConfig: CreateClientConfig = (config) =>
  ({
    ...config,
    ...itchClientConfig(config?.baseUrl ? { baseUrl: config.baseUrl } : {}),
  }) as ReturnType<CreateClientConfig>;
