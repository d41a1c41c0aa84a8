import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { removeFolder, trackFolder } from './cleanup.ts';
import type { LoadedSpec } from './spec.ts';

/**
 * Prism matches no route whose path-parameter name contains `|` (Modrinth's
 * `{id|slug}`, `{id|number}`, `{id|username}`): those routes answer 404. Prism
 * gets a derived copy with such names rewritten (`id|slug` -> `id_slug`); the
 * URLs on the wire are identical, and the SDKs keep the original spec.
 */
export function prismSafeName(name: string): string {
  return name.replaceAll('|', '_');
}

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI objects are walked generically
function renameParams(params: any[] | undefined): void {
  for (const p of params ?? []) {
    if (p && p.in === 'path' && typeof p.name === 'string') p.name = prismSafeName(p.name);
  }
}

const TYPE_CHECKS: Record<string, (v: unknown) => boolean> = {
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  array: (v) => Array.isArray(v),
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

/**
 * Prism answers with a schema's `example` as written, even where the example
 * contradicts the schema's own type (Modrinth: `balance` is an integer with
 * example 10.11; `all_time` a string with a numeric example). Such examples
 * are dropped from Prism's copy so it generates a value of the right type.
 * Returns the JSON pointers of what was dropped.
 */
// biome-ignore lint/suspicious/noExplicitAny: OpenAPI objects are walked generically
export function dropContradictingExamples(node: any, path = '#', dropped: string[] = []): string[] {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      dropContradictingExamples(item, `${path}/${i}`, dropped);
    });
    return dropped;
  }
  if (!node || typeof node !== 'object') return dropped;
  const types = ([] as unknown[])
    .concat(node.type ?? [])
    .filter((t): t is string => typeof t === 'string');
  if ('example' in node && types.length > 0 && !(node.example === null && node.nullable === true)) {
    const fits = types.some((t) =>
      t === 'null' ? node.example === null : (TYPE_CHECKS[t]?.(node.example) ?? true),
    );
    if (!fits) {
      delete node.example;
      dropped.push(`${path}/example`);
    }
  }
  for (const [key, value] of Object.entries(node)) {
    // `example` / `examples` hold data, not schemas.
    if (key !== 'example' && key !== 'examples')
      dropContradictingExamples(value, `${path}/${key}`, dropped);
  }
  return dropped;
}

/**
 * Prism answers an integer schema with no example with -9007199254740991
 * (the smallest safe integer), which reads as garbage in a program's output.
 * Gives such schemas a plausible example instead: their minimum, or 1.
 */
// biome-ignore lint/suspicious/noExplicitAny: OpenAPI objects are walked generically
export function addIntegerExamples(node: any): void {
  if (Array.isArray(node)) {
    for (const item of node) addIntegerExamples(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const types = ([] as unknown[]).concat(node.type ?? []);
  if (
    types.includes('integer') &&
    !('example' in node) &&
    !('examples' in node) &&
    !('enum' in node) &&
    !('default' in node) &&
    !('const' in node)
  ) {
    const low = typeof node.minimum === 'number' ? Math.ceil(node.minimum) : 1;
    node.example = typeof node.maximum === 'number' ? Math.min(low, node.maximum) : low;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'example' && key !== 'examples') addIntegerExamples(value);
  }
}

/**
 * Prism builds an answer for a schema that refers back to itself
 * (itch: `Upload.build` -> `Build.upload` -> `Upload`...) by unrolling the
 * cycle a few times and then answering `{}`, an object without the properties
 * the schema requires. In Prism's copy, every reference that closes a cycle
 * (found depth-first, component by component) becomes a plain object of the
 * target's required properties that refer to nothing, so Prism's answers stay
 * finite and keep the required fields. Returns the JSON pointers replaced.
 */
// biome-ignore lint/suspicious/noExplicitAny: OpenAPI objects are walked generically
export function breakReferenceCycles(doc: any): string[] {
  const schemas: Record<string, unknown> = doc?.components?.schemas ?? {};
  const prefix = '#/components/schemas/';
  const replaced: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  // biome-ignore lint/suspicious/noExplicitAny: a schema
  const stub = (target: any) => {
    const properties: Record<string, unknown> = {};
    for (const key of target?.required ?? []) {
      const prop = target.properties?.[key];
      if (prop && !JSON.stringify(prop).includes('"$ref"')) properties[key] = prop;
    }
    return { type: 'object', properties, required: Object.keys(properties) };
  };
  // biome-ignore lint/suspicious/noExplicitAny: a schema node
  const walk = (node: any, path: string) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example' || key === 'examples') continue;
      // biome-ignore lint/suspicious/noExplicitAny: a schema node
      const child = value as any;
      const ref = child?.$ref;
      if (typeof ref === 'string' && ref.startsWith(prefix)) {
        const name = ref.slice(prefix.length);
        if (state.get(name) === 'open') {
          node[key] = stub(schemas[name]);
          replaced.push(`${path}/${key}`);
        } else visit(name);
      } else walk(child, `${path}/${key}`);
    }
  };
  const visit = (name: string) => {
    if (state.has(name) || !schemas[name]) return;
    state.set(name, 'open');
    walk(schemas[name], `${prefix}${name}`);
    state.set(name, 'done');
  };
  for (const name of Object.keys(schemas)) visit(name);
  return replaced;
}

export interface DeriveOptions {
  /** Plausible examples for integers that have none (see `addIntegerExamples`). @default false */
  integerExamples?: boolean;
  /** Cut reference cycles so Prism's answers keep required fields (see `breakReferenceCycles`). @default false */
  breakCycles?: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI document
export function derivePrismDocument(doc: any, options: DeriveOptions = {}): any {
  const copy = structuredClone(doc);
  dropContradictingExamples(copy.components);
  dropContradictingExamples(copy.paths);
  if (options.breakCycles) breakReferenceCycles(copy);
  if (options.integerExamples) {
    addIntegerExamples(copy.components);
    addIntegerExamples(copy.paths);
  }
  const paths: Record<string, unknown> = {};
  for (const [template, item] of Object.entries<Record<string, unknown>>(copy.paths ?? {})) {
    const renamed = template.replace(
      /\{([^}]+)\}/g,
      (_, name: string) => `{${prismSafeName(name)}}`,
    );
    // biome-ignore lint/suspicious/noExplicitAny: path item
    const pathItem = item as any;
    renameParams(pathItem.parameters);
    for (const value of Object.values(pathItem)) {
      if (value && typeof value === 'object' && 'responses' in value) {
        renameParams((value as { parameters?: unknown[] }).parameters);
      }
    }
    paths[renamed] = pathItem;
  }
  copy.paths = paths;
  renameParams(Object.values(copy.components?.parameters ?? {}));
  return copy;
}

/**
 * Writes the Prism copy of a spec to a fresh temporary folder and returns its
 * path. The folder is removed by `removePrismSpec`, or when the process exits
 * or is interrupted, whichever comes first.
 */
export function writePrismSpec(spec: LoadedSpec, options: DeriveOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'x-prism-spec-'));
  trackFolder(dir);
  const file = join(dir, `${spec.name}.prism.json`);
  writeFileSync(file, JSON.stringify(derivePrismDocument(spec.doc, options)));
  return file;
}

/** Removes a copy written by `writePrismSpec` (and its folder). */
export function removePrismSpec(file: string): void {
  removeFolder(dirname(file));
}
