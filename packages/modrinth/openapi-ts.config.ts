import * as heyApi from '@hey-api/openapi-ts';
import { xCoreClient } from '../../scripts/x-core-client-plugin.mjs';
import { xOperations } from '../../scripts/x-operations-plugin.mjs';

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

/** `id|slug` -> `idOrSlug`, `id|username` -> `idOrUsername`, `project_id` -> `projectId`. */
export function jsParameterName(name: string): string {
  return name
    .split('|')
    .map((part, i) => {
      const camel = part.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
      return i === 0 ? camel : `Or${camel.charAt(0).toUpperCase()}${camel.slice(1)}`;
    })
    .join('');
}

interface ParameterObject {
  in?: string;
  name?: string;
}

/**
 * Path parameters get JavaScript names, so calls read
 * `modrinth.getProject('sodium')`'s parameter `idOrSlug` rather than
 * `path: { 'id|slug': ... }`. Only the names change: the URL templates are
 * renamed to match, so every request goes to the same URL (the contract
 * tests check each against the original spec).
 */
function renamePathParameters(spec: {
  paths?: Record<string, Record<string, unknown>>;
  components?: { parameters?: Record<string, ParameterObject> };
}): void {
  const rename = (parameter: ParameterObject | undefined) => {
    if (parameter?.in === 'path' && parameter.name)
      parameter.name = jsParameterName(parameter.name);
  };
  for (const parameter of Object.values(spec.components?.parameters ?? {})) rename(parameter);
  // Rebuilt in the same order, so the generated functions keep theirs.
  const paths = Object.entries(spec.paths ?? {}).map(([template, item]) => {
    // Parameters shared by a path's operations, then each operation's own.
    const lists = [
      item.parameters,
      ...Object.values(item).map((op) => (op as { parameters?: unknown })?.parameters),
    ];
    for (const list of lists) {
      if (Array.isArray(list)) for (const parameter of list as ParameterObject[]) rename(parameter);
    }
    const renamed = template.replace(
      /\{([^}]+)\}/g,
      (_, name: string) => `{${jsParameterName(name)}}`,
    );
    return [renamed, item] as const;
  });
  spec.paths = Object.fromEntries(paths);
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

/** The input patches above, in order (the benchmark's reference client is generated with them too). */
export function patchModrinthSpec(spec: unknown): void {
  honourNullableEnums(spec);
  dropObjectEnums(spec);
  renamePathParameters(spec as Parameters<typeof renamePathParameters>[0]);
}

// Generated from the spec (never edited by hand; the only input patches are
// the ones above); the hand-written layer in src/ wires the client to @x/core and
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
