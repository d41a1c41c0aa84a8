// The generator plugin both SDKs use in place of `@hey-api/client-fetch`:
// hey-api's custom-client mechanism (`bundle: false`), so the generated
// operations import their client from `@x/core/client` instead of a copy of
// hey-api's fetch client. The client file keeps its usual name,
// `client.gen.ts` (hey-api would name it after the plugin: `@x/core/client.gen.ts`).
//
// Given hey-api's own exports (`import * as heyApi from '@hey-api/openapi-ts'`)
// because the configuration loader cannot import that ESM-only package from
// outside a package that depends on it.

const NAME = '@x/core/client';

/** @param {typeof import('@hey-api/openapi-ts')} heyApi */
export function xCoreClient(heyApi) {
  return heyApi.definePluginConfig({
    ...heyApi.clientDefaultMeta,
    config: {
      ...heyApi.clientDefaultConfig,
      bundle: false,
      $hooks: {
        symbols: {
          getFilePath: (symbol) => (symbol.meta?.plugin === NAME ? 'client' : undefined),
        },
      },
    },
    handler: heyApi.clientPluginHandler,
    name: NAME,
  });
}
