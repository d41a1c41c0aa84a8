import { defineConfig } from '@hey-api/openapi-ts';
import { patchModrinthSpec } from '../modrinth/openapi-ts.config.ts';

// The benchmark's reference: the Modrinth SDK exactly as @hey-api/openapi-ts
// generates it with its own fetch client (`@hey-api/client-fetch`), from the
// same spec and input patches as @x/modrinth, and no @x/core. This is "the
// same generated client without @x/core" of BENCHMARKS.md. Never edited by
// hand; `.ts` import extensions so Node runs it as it is.
export default defineConfig({
  input: '../../specs/modrinth.openapi.yaml',
  output: { path: 'src/generated', module: { extension: '.ts' } },
  parser: { patch: { input: patchModrinthSpec } },
  plugins: [
    { name: '@hey-api/client-fetch', throwOnError: true },
    '@hey-api/typescript',
    { name: '@hey-api/sdk', responseStyle: 'data' },
  ],
});
