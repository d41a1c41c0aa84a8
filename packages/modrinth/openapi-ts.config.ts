import * as heyApi from '@hey-api/openapi-ts';
import { xCoreClient } from '../../scripts/x-core-client-plugin.mjs';
import { xOperations } from '../../scripts/x-operations-plugin.mjs';
import { patchModrinthSpec } from './spec-patches.ts';

// The input patches live in spec-patches.ts (each one's reason: specs/README.md);
// re-exported for the benchmark's reference client.
export { patchModrinthSpec } from './spec-patches.ts';

// Generated from the spec (never edited by hand; the only input patches are
// those of spec-patches.ts); the hand-written layer in src/ wires the client to @x/core and
// fills the generator's gaps.
export default heyApi.defineConfig({
  input: '../../specs/modrinth.openapi.yaml',
  output: {
    path: 'src/generated',
    module: { extension: '.js' },
  },
  parser: {
    patch: {
      input: patchModrinthSpec,
    },
  },
  plugins: [
    // The operations call @x/core's client (`@x/core/client`): they resolve
    // to the response data and throw @x/core errors.
    xCoreClient(heyApi)({ throwOnError: true, runtimeConfigPath: './src/runtime-config.js' }),
    '@hey-api/typescript',
    '@hey-api/schemas',
    // Every operation as a function (`@x/modrinth/operations`) and as a
    // method of the client (`modrinth.getProject('sodium')`).
    xOperations(heyApi)({
      className: 'ModrinthOperations',
      // Multipart and raw-image bodies: replaced by the upload helpers (src/uploads.ts).
      exclude: [
        'createProject',
        'createVersion',
        'addFilesToVersion',
        'changeProjectIcon',
        'changeUserIcon',
        'addGalleryImage',
      ],
      docsUrl: (operation: { id: string }) =>
        `https://docs.modrinth.com/api/operations/${operation.id.toLowerCase()}/`,
    }),
  ],
});
