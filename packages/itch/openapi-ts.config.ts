import * as heyApi from '@hey-api/openapi-ts';
import { xCoreClient } from '../../scripts/x-core-client-plugin.mjs';
import { xOperations } from '../../scripts/x-operations-plugin.mjs';
import { patchItchSpec } from './spec-patches.ts';

// Generated from the spec through the input patches of spec-patches.ts (each
// one's reason: specs/README.md), never edited by hand; the hand-written
// layer in src/ wires the client to @x/core and fills the generator's gaps.
export default heyApi.defineConfig({
  input: '../../specs/itch.openapi.json',
  output: {
    path: 'src/generated',
    module: { extension: '.js' },
  },
  parser: {
    patch: {
      input: patchItchSpec,
    },
  },
  plugins: [
    // The operations call @x/core's client (`@x/core/client`): they resolve
    // to the response data and throw @x/core errors.
    xCoreClient(heyApi)({ throwOnError: true, runtimeConfigPath: './src/runtime-config.js' }),
    '@hey-api/typescript',
    // Every operation as a function (`@x/itch/operations`) and as a method
    // of the client (`itch.getGame(gameId)`), with camelCase input mapped to
    // the wire's snake_case.
    xOperations(heyApi)({
      className: 'ItchOperations',
      camelCaseInput: true,
      docsUrl: () => 'https://itch.io/docs/api/serverside',
      // Each operation normalises its own answer with its response's shape
      // (src/normalize.ts, shapes from scripts/normalize-map.mjs): a bundle
      // then holds the shapes of the operations it calls, not the whole API's.
      imports: [
        "import { normalize } from '../normalize.js';",
        "import * as shapes from './normalize-map.gen.js';",
      ],
      response: ({ schema }) => schema && `(data) => normalize(data, shapes.${schema}Shape)`,
    }),
  ],
});
