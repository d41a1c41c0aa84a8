import { itchClientConfig } from './client.js';
import type { CreateClientConfig } from './generated/client.gen.js';

/**
 * Called once by the generated default `client` (see openapi-ts.config.ts,
 * `runtimeConfigPath`): zero-config calls get @x/core's retries, the default
 * rate limit, the `@x/itch` User-Agent and the snake/camel normaliser. Give it
 * credentials with `client.setConfig({ auth: () => key })`, or better, create
 * your own client with `createItchClient`.
 */
export const createClientConfig: CreateClientConfig = (config) =>
  ({
    ...config,
    ...itchClientConfig({ baseUrl: config?.baseUrl ?? 'https://api.itch.io' }),
  }) as ReturnType<CreateClientConfig>;
