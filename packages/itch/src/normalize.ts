import { SCHEMA_SHAPES, type Shape, type ShapeRef } from './generated/normalize-map.gen.js';

/**
 * The one response normaliser.
 *
 * The spec says itch answers in snake_case, but every schema in it (and so
 * every generated type, and Prism's mocks) is camelCase; the live service
 * really sends snake_case (`cover_url`, `owned_keys`), folds boolean flags
 * into `traits: ["can_be_bought", "p_windows"]` and sends `traits: {}` for
 * an empty list. This module walks a response body alongside a compact map
 * of the spec's schemas (`src/generated/normalize-map.gen.ts`, generated from
 * the spec by `scripts/normalize-map.mjs`: per schema, its property names and
 * which are lists, maps, booleans; one declaration per schema, so a bundle
 * keeps only those its operations reach) and hands back the documented
 * camelCase shape whichever form arrived. Each generated operation calls
 * {@link normalize} on its answer with its response's shape:
 *
 * - a key is renamed only where the schema declares the camelCase property
 *   (`cover_url` -> `coverUrl`); a key the schema already declares is kept;
 * - map keys (`additionalProperties`: channel names, upload params, cookies)
 *   are data and never renamed; their values are normalised by the map's
 *   value schema;
 * - keys the schema does not declare pass through untouched, name and value,
 *   so nothing the server sends is lost (`purchase_id`, `success`);
 * - `traits` become the schema's boolean fields (`can_be_bought` ->
 *   `canBeBought: true`, `has_demo`, `in_press_system`, `demo`, `preorder`)
 *   and platform flags (`p_windows` -> `platforms.windows: 'all'`); a known
 *   flag the list does not name becomes `false`; `traits` itself is kept as a
 *   plain string array (`{}` -> `[]`);
 * - every list the schema declares comes out as an array: itch (PHP) sends
 *   an empty list as `{}` everywhere (`uploads: {}`, `games: {}`);
 * - timestamps stay strings (`2021-12-22T22:26:44.000000000Z` is valid RFC
 *   3339); {@link parseItchDate} turns one into a `Date`.
 */

/** Trait names that stand for a boolean field; an object whose traits omit one has it `false`. */
const FLAG_TRAITS = ['can_be_bought', 'has_demo', 'in_press_system', 'demo', 'preorder'];

/** `cover_url` -> `coverUrl`. */
export function camelCase(key: string): string {
  return key.replace(/_+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Sets an own, enumerable key, `__proto__` included: the spec's maps allow
 * any key (a channel may be named `__proto__`), and `out[key] = v` with that
 * key would set `out`'s prototype instead (the channel vanished, and
 * `out.head` read the injected channel's). Server data never sets a prototype.
 */
function put(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(out, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else out[key] = value;
}

const has = (object: object, key: string): boolean => Object.hasOwn(object, key);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list the server sent as an object: `{}`, or `{ "0": a, "2": b }`; `undefined` for a real object. */
function phpList(value: Record<string, unknown>): unknown[] | undefined {
  const keys = Object.keys(value);
  return keys.every((key) => /^\d+$/.test(key)) ? keys.map((key) => value[key]) : undefined;
}

function traitList(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.filter((t): t is string => typeof t === 'string');
  // An empty list serialised by the server as `{}` (or a set as `{ trait: true }`).
  if (isPlainObject(value))
    return Object.entries(value)
      .filter(([, on]) => on)
      .map(([t]) => t);
  return undefined;
}

function applyTraits(out: Record<string, unknown>, traits: string[], shape: Shape): void {
  const booleans = shape.b ?? [];
  for (const trait of traits) {
    const field = camelCase(trait);
    if (booleans.includes(field)) {
      out[field] ??= true;
      continue;
    }
    const platform = /^p_(.+)$/.exec(trait)?.[1];
    if (platform && shape.f?.includes(platform)) {
      const platforms = isPlainObject(out.platforms) ? out.platforms : {};
      platforms[platform] ??= 'all';
      out.platforms = platforms;
    }
  }
  for (const trait of FLAG_TRAITS) {
    const field = camelCase(trait);
    if (booleans.includes(field)) out[field] ??= false;
  }
}

/**
 * Normalise `value` as the schema of shape `ref` (see the module comment).
 * Returns a new value. Each generated operation calls it with its response's
 * shape (`response` in its spec), so a bundle holds only the shapes of the
 * operations it calls.
 */
export function normalize(value: unknown, ref: ShapeRef): unknown {
  if (ref === 0 || value === null || value === undefined) return value;
  const shape: Shape = typeof ref === 'function' ? ref() : ref;
  if (shape.i !== undefined) {
    // PHP encodes an empty array as `{}` (and one with gaps in its keys as an object).
    const list = Array.isArray(value) ? value : isPlainObject(value) ? phpList(value) : undefined;
    if (!list) return value;
    const items = shape.i;
    return items === 0 ? list : list.map((item) => normalize(item, items));
  }
  if (!isPlainObject(value)) return value;
  const props = shape.p;
  if (!props) {
    const values = shape.m;
    if (values === undefined) return value;
    const map: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) put(map, key, normalize(item, values));
    return map;
  }
  const out: Record<string, unknown> = {};
  let traits: string[] | undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key === 'traits' && !has(props, 'traits')) {
      traits = traitList(item);
      out.traits = traits ?? item;
      continue;
    }
    // Own keys only: `'constructor' in props` is true for any object.
    const name = has(props, key) ? key : has(props, camelCase(key)) ? camelCase(key) : undefined;
    if (name === undefined) {
      if (!has(out, key)) put(out, key, item);
      continue;
    }
    // A camelCase key wins over its snake_case twin if a payload carries both.
    if (name !== key && has(value, name)) continue;
    put(out, name, normalize(item, props[name] as ShapeRef));
  }
  if (traits) applyTraits(out, traits, shape);
  return out;
}

/** Normalise `value` as the spec's component schema `schemaName` (`'Game'`, `'User'`...). */
export function normalizeAs(schemaName: string, value: unknown): unknown {
  const shape = Object.hasOwn(SCHEMA_SHAPES, schemaName) ? SCHEMA_SHAPES[schemaName] : undefined;
  if (shape === undefined) throw new Error(`@x/itch: unknown schema ${schemaName}`);
  return normalize(value, shape);
}

/**
 * itch timestamps as a `Date`. The service sends nanosecond fractions
 * (`2021-12-22T22:26:44.000000000Z`); the fraction is cut to milliseconds
 * first so every JavaScript engine parses it. Throws on an invalid timestamp.
 */
export function parseItchDate(value: string): Date {
  const trimmed = value.replace(/(\.\d{3})\d+/, '$1');
  const date = new Date(trimmed);
  if (Number.isNaN(date.getTime())) throw new RangeError(`@x/itch: not a timestamp: ${value}`);
  return date;
}
