import { defineConfig } from '@hey-api/openapi-ts';

/**
 * OpenAPI 3.0: Modrinth marks `requested_status` and `files[].file_type`
 * `nullable: true`, but their `enum` lists omit `null`, and hey-api then
 * drops the `| null`. Real responses send `null` there. Honour the spec's
 * intent: add `null` to every nullable enum before generating (the
 * contract-test validator applies the same rule, `honourNullableEnums`).
 */
function honourNullableEnums(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) honourNullableEnums(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as { nullable?: unknown; enum?: unknown[] };
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    schema.enum = [...schema.enum, null];
  }
  for (const value of Object.values(node)) honourNullableEnums(value);
}

/**
 * `addFilesToVersion`'s multipart `data` part is `type: object` with
 * `enum: [{}]`. An enum of objects is no literal a type can name: hey-api
 * warns `unhandled "object" typeof value "[object Object]" for enum [ {} ]`
 * and types the part `never`. Drop such enums: the part is then typed as the
 * object the schema says it is, and generation prints no warning.
 * (That body is built by hand anyway: see `src/uploads.ts`.)
 */
function dropObjectEnums(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) dropObjectEnums(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as { enum?: unknown[] };
  if (Array.isArray(schema.enum) && schema.enum.some((v) => v !== null && typeof v === 'object')) {
    delete schema.enum;
  }
  for (const value of Object.values(node)) dropObjectEnums(value);
}

// Generated from the spec (never edited by hand; the only input patches are
// the ones above); the hand-written layer in src/ wires the client to @x/core and
// fills the generator's gaps.
export default defineConfig({
  input: '../../specs/modrinth.openapi.yaml',
  output: {
    path: 'src/generated',
    module: { extension: '.js' },
  },
  parser: {
    patch: {
      input: (spec) => {
        honourNullableEnums(spec);
        dropObjectEnums(spec);
      },
    },
  },
  plugins: [
    // Calls throw @x/core errors and resolve to the response data itself.
    {
      name: '@hey-api/client-fetch',
      throwOnError: true,
      runtimeConfigPath: './src/runtime-config.js',
    },
    '@hey-api/typescript',
    '@hey-api/schemas',
    { name: '@hey-api/sdk', responseStyle: 'data' },
  ],
});
