/**
 * The corrections @x/modrinth's generator applies to `specs/modrinth.openapi.yaml`
 * before generating (the file itself is never edited). The contract-test
 * harness serves and validates the same patched document, so every claim made
 * here is checked against Prism, the repository's fixtures and the recorded
 * corpus. Each patch's reason, with its evidence, is in `specs/README.md`.
 *
 * Evidence for the response shapes: labrinth's v2 models (modrinth/code,
 * `apps/labrinth/src/models/v2/projects.rs` `LegacyProject`/`LegacyVersion`,
 * `v2/search.rs` `LegacyResultSearchProject`, `v3/projects.rs` `VersionFile`,
 * `License`, `GalleryItem`, `ModeratorMessage`, `routes/v2/tags.rs`) are plain
 * serde structs: every field is on the wire, an `Option<T>` one as `null`.
 */

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are walked generically
type Schema = Record<string, any>;

interface Spec {
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema>; parameters?: Record<string, Schema> };
}

/**
 * OpenAPI 3.0: Modrinth marks `requested_status` and `files[].file_type`
 * `nullable: true`, but their `enum` lists omit `null`, and hey-api then
 * drops the `| null`. Real responses send `null` there. Honour the spec's
 * intent: add `null` to every nullable enum.
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
 * renamed to match, so every request goes to the same URL.
 */
function renamePathParameters(spec: Spec): void {
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
 * `enum: [{}]`, an enum of objects no type can name (hey-api typed it `never`
 * and warned). Drop such enums: the part is typed as the object it is.
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

function schemaNamed(spec: Spec, name: string): Schema {
  const schema = spec.components?.schemas?.[name];
  if (!schema) throw new Error(`spec-patches: no schema ${name} in the Modrinth spec`);
  return schema;
}

function resolve(spec: Spec, node: Schema): Schema {
  let current = node;
  while (typeof current?.$ref === 'string')
    current = schemaNamed(spec, current.$ref.split('/').pop() as string);
  return current;
}

/**
 * One object schema in place of an `allOf` chain: its members' properties
 * (copied, so a change here never reaches the schemas it was built from) and
 * `required` lists. hey-api applies an `allOf` member's `required` only to the
 * properties that member declares, so `Version`'s `required: [name, ...]`
 * (declared in `BaseVersion`) left `name` optional; flat, it holds.
 */
function flatten(spec: Spec, name: string): Schema {
  const properties: Record<string, Schema> = {};
  const required = new Set<string>();
  const collect = (node: Schema) => {
    const schema = resolve(spec, node);
    for (const part of schema.allOf ?? []) collect(part);
    for (const [key, value] of Object.entries<Schema>(schema.properties ?? {}))
      properties[key] = structuredClone(value);
    for (const key of schema.required ?? []) required.add(key);
  };
  const original = schemaNamed(spec, name);
  collect(original);
  const flat: Schema = { type: 'object', properties };
  if (original.description) flat.description = original.description;
  if (original.nullable) flat.nullable = original.nullable;
  const keys = [...required].filter((key) => key in properties);
  if (keys.length) flat.required = keys;
  const schemas = spec.components?.schemas;
  if (schemas) schemas[name] = flat;
  return flat;
}

interface Shape {
  /** Properties always on the wire (`'all'`: every declared one). */
  required?: readonly string[] | 'all';
  /** Properties sent as `null` when empty (`Option<T>` in labrinth). */
  nullable?: readonly string[];
  /** Properties the spec calls nullable that labrinth never sends as `null`. */
  notNull?: readonly string[];
  /** Properties labrinth sends that the spec does not declare. */
  add?: Record<string, Schema>;
  /** Enum values labrinth sends that the spec's enums omit. */
  enumValues?: Record<string, readonly string[]>;
  /** The schema itself is marked nullable, but labrinth never sends `null` for it. */
  neverNull?: boolean;
  /** Properties whose JSON type the spec gets wrong. */
  types?: Record<string, string>;
}

function reshape(schema: Schema, shape: Shape): void {
  if (shape.neverNull) delete schema.nullable;
  schema.properties ??= {};
  for (const [key, type] of Object.entries(shape.types ?? {})) {
    const prop = schema.properties[key];
    if (!prop) throw new Error(`spec-patches: no property ${key} to retype`);
    prop.type = type;
  }
  for (const [key, value] of Object.entries(shape.add ?? {})) schema.properties[key] = value;
  const props = schema.properties as Record<string, Schema>;
  for (const key of shape.nullable ?? []) {
    const prop = props[key];
    if (!prop) throw new Error(`spec-patches: no property ${key} to make nullable`);
    // A `$ref` takes no siblings in OpenAPI 3.0 (and a validator needs a `type` beside `nullable`).
    if (prop.$ref) throw new Error(`spec-patches: ${key} is a $ref: make its schema nullable`);
    prop.nullable = true;
    if (Array.isArray(prop.enum) && !prop.enum.includes(null)) prop.enum = [...prop.enum, null];
  }
  for (const key of shape.notNull ?? []) {
    const prop = props[key];
    if (!prop) throw new Error(`spec-patches: no property ${key} to make non-null`);
    delete prop.nullable;
    if (Array.isArray(prop.enum)) prop.enum = prop.enum.filter((v: unknown) => v !== null);
  }
  for (const [key, values] of Object.entries(shape.enumValues ?? {})) {
    const prop = props[key];
    if (!Array.isArray(prop?.enum)) throw new Error(`spec-patches: ${key} has no enum to extend`);
    const head = prop.enum.filter((v: unknown) => v !== null);
    const extra = values.filter((v) => !head.includes(v));
    prop.enum = [...head, ...extra, ...(prop.enum.includes(null) ? [null] : [])];
  }
  if (shape.required) {
    const keys = shape.required === 'all' ? Object.keys(props) : shape.required;
    for (const key of keys)
      if (!props[key]) throw new Error(`spec-patches: no property ${key} to require`);
    schema.required = [...new Set([...(schema.required ?? []), ...keys])];
  }
}

/** labrinth's `LegacySideType` has `unknown` (no version tells the sides yet). */
const SIDES = { client_side: ['unknown'], server_side: ['unknown'] } as const;

/**
 * Response shapes: `[schema, flatten first, shape]`. What labrinth always
 * sends is required; its `Option<T>` fields are `| null`.
 */
const RESPONSE_SHAPES: readonly [string, boolean, Shape][] = [
  [
    'Project',
    true,
    {
      add: {
        organization: {
          type: 'string',
          nullable: true,
          description: 'The ID of the organization that owns the project, if any',
          example: 'OOPPQQRR',
        },
      },
      required: 'all',
      // `moderator_message`: its schema (`ModeratorMessage`) is nullable already.
      nullable: ['slug', 'body_url', 'approved', 'queued', 'donation_urls'],
      enumValues: SIDES,
    },
  ],
  [
    'ProjectResult',
    true,
    {
      // `thread_id`, `monetization_status`, `dependencies`: declared by the
      // spec, not in `LegacyResultSearchProject`: left optional.
      required: [
        'project_id',
        'project_type',
        'slug',
        'author',
        'title',
        'description',
        'categories',
        'display_categories',
        'versions',
        'downloads',
        'follows',
        'icon_url',
        'date_created',
        'date_modified',
        'latest_version',
        'license',
        'client_side',
        'server_side',
        'gallery',
        'featured_gallery',
        'color',
      ],
      nullable: ['slug'],
      // `icon_url: String` (`unwrap_or_default()`): an empty string, never null.
      notNull: ['icon_url'],
      enumValues: SIDES,
    },
  ],
  [
    'Version',
    true,
    {
      required: 'all',
      // `changelog: String`: always a string (empty when there is none).
      notNull: ['changelog'],
    },
  ],
  [
    'VersionFile',
    false,
    {
      // `id` is `skip_serializing_if = "Option::is_none"` in labrinth and not declared here.
      required: 'all',
      enumValues: {
        file_type: ['sources-jar', 'dev-jar', 'javadoc-jar', 'signature', 'unknown'],
      },
    },
  ],
  // labrinth stores sha1 and sha512 for every file it accepts.
  ['VersionFileHashes', false, { required: ['sha1', 'sha512'] }],
  ['ProjectLicense', false, { required: 'all' }],
  ['ModeratorMessage', false, { required: 'all' }],
  // `gallery: Vec<LegacyGalleryItem>`: the items are never null (the spec marks the schema nullable).
  ['GalleryImage', false, { required: 'all', neverNull: true }],
  ['ProjectDonationURL', false, { required: 'all' }],
  ['ProjectDependencyList', false, { required: 'all' }],
  ['License', false, { required: 'all' }],
  [
    'User',
    true,
    {
      // Fields of both `LegacyUser` (v2) and v3's `User` (a team member's
      // `user`); the private ones (`email`...) only reach their owner.
      required: ['id', 'username', 'avatar_url', 'bio', 'created', 'role', 'badges'],
      nullable: ['avatar_url', 'bio'],
    },
  ],
  [
    'TeamMember',
    false,
    {
      // `LegacyTeamMember`: `permissions: Option<ProjectPermissions>`,
      // `payouts_split: Option<Decimal>` sent as a float or null.
      required: 'all',
      nullable: ['permissions', 'payouts_split'],
      types: { payouts_split: 'number' },
    },
  ],
];

/**
 * Request shapes: the bodies whose `required` lists name properties declared in
 * an `allOf` parent (so hey-api ignored them): `createVersion`'s `data` needs
 * name, version_number, game_versions, loaders, version_type, dependencies,
 * featured, file_parts, project_id (labrinth's `InitialVersionData`);
 * `createProject`'s `data` its slug, title, description, body, categories,
 * sides and license (`ProjectCreateData`).
 */
const REQUEST_FLATTEN = ['CreatableVersion', 'CreatableProject'] as const;

/**
 * The update lookups' filters are optional in labrinth (`UpdateData`,
 * `ManyUpdateData` in `routes/v2/version_file.rs`: `loaders`, `game_versions`,
 * `version_types` are `Option<Vec<_>>`); the spec required the first two and
 * left out the third.
 */
const UPDATE_FILTER = {
  version_types: {
    type: 'array',
    items: { type: 'string', enum: ['release', 'beta', 'alpha'] },
    description: 'Only versions of these release channels',
    example: ['release', 'beta'],
  },
};

function relaxUpdateFilters(spec: Spec): void {
  for (const name of ['GetLatestVersionFromHashBody', 'GetLatestVersionsFromHashesBody']) {
    const schema = flatten(spec, name);
    schema.properties.version_types = structuredClone(UPDATE_FILTER.version_types);
    const required = (schema.required ?? []).filter(
      (key: string) => key !== 'loaders' && key !== 'game_versions',
    );
    if (required.length) schema.required = required;
    else delete schema.required;
  }
}

function reshapeResponses(spec: Spec): void {
  for (const [name, flat, shape] of RESPONSE_SHAPES) {
    const schema = flat ? flatten(spec, name) : schemaNamed(spec, name);
    reshape(schema, shape);
  }
  for (const name of REQUEST_FLATTEN) flatten(spec, name);
  relaxUpdateFilters(spec);
}

/**
 * Every request body the spec declares is one the API needs (labrinth's
 * handlers take `web::Json<T>` or a multipart payload and answer 400 to an
 * empty one), but none is marked `required`: `versionsFromHashes({})` compiled
 * and sent an empty POST. Mark them all required.
 */
function requireRequestBodies(spec: Spec): void {
  for (const item of Object.values(spec.paths ?? {})) {
    for (const op of Object.values(item)) {
      const body = (op as { requestBody?: Schema } | null)?.requestBody;
      if (body && typeof body === 'object') body.required = true;
    }
  }
}

/**
 * Every input patch, in order. The generator, the benchmark's reference client
 * and the contract-test harness (Prism's document and the response validator)
 * all read the spec through it: what the types claim is what the tests check.
 */
export function patchModrinthSpec(spec: unknown): void {
  honourNullableEnums(spec);
  reshapeResponses(spec as Spec);
  requireRequestBodies(spec as Spec);
  dropObjectEnums(spec);
  renamePathParameters(spec as Spec);
}
