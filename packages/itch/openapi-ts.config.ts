import { defineConfig } from '@hey-api/openapi-ts';

// Generated from the spec as written (never edited by hand); the hand-written
// layer in src/ wires the client to @x/core and fills the generator's gaps.
export default defineConfig({
  input: '../../specs/itch.openapi.json',
  output: {
    path: 'src/generated',
    module: { extension: '.js' },
  },
  plugins: [
    // Calls throw @x/core errors and resolve to the response data itself.
    {
      name: '@hey-api/client-fetch',
      throwOnError: true,
      runtimeConfigPath: './src/runtime-config.js',
    },
    '@hey-api/typescript',
    { name: '@hey-api/sdk', responseStyle: 'data' },
  ],
});
