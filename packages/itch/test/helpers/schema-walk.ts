import { loadPatchedSpec } from '@x/contract-testing';

// biome-ignore lint/suspicious/noExplicitAny: JSON schemas are walked generically
type Schema = any;

/**
 * The spec as the SDK is generated from it (`specs/itch.openapi.json` through
 * `spec-patches.ts`), read here rather than from the generated code, so the
 * checks are independent of src/.
 */
export const specDoc = loadPatchedSpec('itch').doc;

export function resolveSchema(schema: Schema): Schema {
  let current = schema;
  while (current?.$ref) {
    current = String(current.$ref)
      .replace(/^#\//, '')
      .split('/')
      .reduce((node: Schema, seg: string) => node?.[seg], specDoc);
  }
  return current;
}

export function responseSchema(operationId: string): Schema {
  for (const item of Object.values<Schema>(specDoc.paths)) {
    for (const op of Object.values<Schema>(item)) {
      if (op?.operationId === operationId) {
        return op.responses['200'].content['application/json'].schema;
      }
    }
  }
  throw new Error(`no operation ${operationId}`);
}

const camel = (k: string) => k.replace(/_+([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * For a raw payload and its normalised form: every field the schema declares
 * that the payload carries, under either naming, is populated in the result
 * under the declared name, and no snake_case twin is left behind. Returns the
 * problems (paths), empty when all is well.
 */
export function unpopulatedFields(
  raw: unknown,
  out: unknown,
  schema: Schema,
  path = '$',
): string[] {
  const s = resolveSchema(schema);
  if (raw === null || raw === undefined || !s) return [];
  if (Array.isArray(raw)) {
    if (!Array.isArray(out)) return [`${path}: array became ${typeof out}`];
    return raw.flatMap((item, i) => unpopulatedFields(item, out[i], s.items, `${path}[${i}]`));
  }
  if (typeof raw !== 'object') return [];
  if (typeof out !== 'object' || out === null) return [`${path}: object became ${String(out)}`];
  const result = out as Record<string, unknown>;
  const problems: string[] = [];
  const props = s.properties as Record<string, Schema> | undefined;
  for (const [key, value] of Object.entries(raw)) {
    if (props) {
      const name = key in props ? key : camel(key) in props ? camel(key) : undefined;
      if (!name) continue;
      if (result[name] === undefined) problems.push(`${path}.${name} (sent as ${key})`);
      if (name !== key && key in result) problems.push(`${path}.${key} left in snake_case`);
      problems.push(...unpopulatedFields(value, result[name], props[name], `${path}.${name}`));
    } else if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      if (!(key in result)) problems.push(`${path}["${key}"] (map key renamed or lost)`);
      problems.push(
        ...unpopulatedFields(value, result[key], s.additionalProperties, `${path}["${key}"]`),
      );
    }
  }
  return problems;
}

/** Paths of every declared field present in a normalised value (`game.user.coverUrl`, arrays as `[]`). */
export function declaredPaths(
  value: unknown,
  schema: Schema,
  path = '',
  into = new Set<string>(),
): Set<string> {
  const s = resolveSchema(schema);
  if (value === null || value === undefined || !s) return into;
  if (Array.isArray(value)) {
    for (const item of value) declaredPaths(item, s.items, `${path}[]`, into);
    return into;
  }
  if (typeof value !== 'object') return into;
  for (const [key, item] of Object.entries(value)) {
    if (s.properties?.[key]) {
      into.add(`${path}.${key}`);
      declaredPaths(item, s.properties[key], `${path}.${key}`, into);
    } else if (
      !s.properties &&
      s.additionalProperties &&
      typeof s.additionalProperties === 'object'
    ) {
      declaredPaths(item, s.additionalProperties, `${path}{}`, into);
    }
  }
  return into;
}
