/** See x-core-client-plugin.mjs. */
export function xCoreClient(
  heyApi: typeof import('@hey-api/openapi-ts'),
): ReturnType<typeof import('@hey-api/openapi-ts').definePluginConfig>;
