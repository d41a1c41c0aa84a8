// The fuzz tier's harness (see README, "Fuzz"): a seeded random source, a
// generator of values valid for a JSON schema of the project's specs, and
// the per-operation inputs (path, query, body) an SDK call takes, all
// checked valid before they are used. Tests in each SDK drive it.
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { LoadedSpec, Operation } from './spec.ts';
import { honourNullableEnums } from './validate.ts';

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

// biome-ignore lint/suspicious/noExplicitAny: JSON Schemas are walked generically
type Schema = any;

/** How big a run is: `X_FUZZ_SEEDS` dynamic-Prism seeds, `X_FUZZ_RUNS` random inputs per operation, from `X_FUZZ_SEED`. */
export interface FuzzBounds {
  seed: number;
  seeds: number;
  runs: number;
}

/** The bounds from the environment: the CI run is small (2 seeds, 3 inputs per operation); `pnpm fuzz` sets larger ones. */
export function fuzzBounds(env: Record<string, string | undefined> = process.env): FuzzBounds {
  const num = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
    return value;
  };
  return {
    seed: num('X_FUZZ_SEED', 21),
    seeds: num('X_FUZZ_SEEDS', 2),
    runs: num('X_FUZZ_RUNS', 3),
  };
}

/** mulberry32: a small seeded PRNG (the same seed gives the same run). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Characters a text value is drawn from: the URL's own delimiters (`,` `/`
 * `?` `#` `&` `=` `+` `%` `;`), space, quotes, non-ASCII (`é`, `ß`, CJK) and
 * an astral character, beside plain letters: what breaks an encoder.
 */
const ALPHABET = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~',
  ...' ,/?#&=+%;:@!$\'"()[]*|<>\\',
  'é',
  'ß',
  '漢',
  '字',
  '😀',
];

export class SchemaSampler {
  readonly #doc: Schema;
  readonly #ajv: Ajv;
  readonly #next: () => number;
  readonly #compiled = new WeakMap<object, ValidateFunction>();

  constructor(spec: LoadedSpec, seed: number) {
    this.#doc = structuredClone(spec.doc);
    if (spec.version === '3.0') honourNullableEnums(this.#doc);
    const options = {
      strict: false,
      allErrors: false,
      logger: false as const,
      validateFormats: true,
    };
    this.#ajv = (spec.version === '3.1' ? new Ajv2020(options) : new Ajv(options)) as Ajv;
    addFormats(this.#ajv);
    this.#ajv.addFormat('ISO-8601', true);
    this.#ajv.addSchema(this.#doc, 'x-spec');
    this.#next = random(seed);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  text(min = 0, max = 12): string {
    const length = this.int(min, Math.max(min, max));
    let out = '';
    for (let i = 0; i < length; i++) out += this.pick(ALPHABET);
    return out;
  }

  resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; s && typeof s.$ref === 'string' && i < 20; i++) {
      const path = s.$ref.replace(/^#\//, '').split('/');
      s = path.reduce(
        (node: Schema, key: string) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
        this.#doc,
      );
    }
    return s ?? {};
  }

  /** A value for `schema` (not yet checked: see {@link valid}). */
  sample(input: Schema, depth = 0): unknown {
    const schema = this.resolve(input);
    if (schema.const !== undefined) return schema.const;
    if (Array.isArray(schema.enum)) return this.pick(schema.enum);
    if (Array.isArray(schema.examples) && schema.examples.length && this.#next() < 0.2) {
      return this.pick(schema.examples);
    }
    for (const key of ['oneOf', 'anyOf']) {
      if (Array.isArray(schema[key])) return this.sample(this.pick(schema[key]), depth + 1);
    }
    if (Array.isArray(schema.allOf)) {
      const merged: Record<string, unknown> = {};
      for (const part of schema.allOf) Object.assign(merged, this.sample(part, depth + 1));
      return merged;
    }
    let type = schema.type;
    if (Array.isArray(type))
      type = this.pick(
        type.filter((t: string) => t !== 'null').length && this.#next() < 0.9
          ? type.filter((t: string) => t !== 'null')
          : type,
      );
    if (schema.nullable === true && this.#next() < 0.1) return null;
    if (type === undefined) type = schema.properties ? 'object' : schema.items ? 'array' : 'string';
    switch (type) {
      case 'null':
        return null;
      case 'boolean':
        return this.#next() < 0.5;
      case 'integer': {
        const min =
          schema.minimum ??
          (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
        const max =
          schema.maximum ??
          (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : min + 10_000);
        return this.int(Math.ceil(min), Math.floor(max));
      }
      case 'number': {
        const min = schema.minimum ?? 0;
        const max = schema.maximum ?? min + 1000;
        return min + this.#next() * (max - min);
      }
      case 'array': {
        const min = schema.minItems ?? 0;
        const max = Math.min(schema.maxItems ?? min + 3, min + 3);
        const items = Array.from({ length: depth > 4 ? min : this.int(min, max) }, () =>
          this.sample(schema.items ?? {}, depth + 1),
        );
        return schema.uniqueItems
          ? [...new Map(items.map((i) => [JSON.stringify(i), i])).values()]
          : items;
      }
      case 'object': {
        const out: Record<string, unknown> = {};
        const required = new Set<string>(schema.required ?? []);
        for (const [key, sub] of Object.entries<Schema>(schema.properties ?? {})) {
          const s = this.resolve(sub);
          if (s.readOnly) continue;
          if (required.has(key) || (depth < 3 && this.#next() < 0.5))
            out[key] = this.sample(sub, depth + 1);
        }
        return out;
      }
      default:
        return this.string(schema);
    }
  }

  string(schema: Schema): string {
    switch (schema.format) {
      case 'date-time':
      case 'ISO-8601':
        return new Date(
          Date.UTC(2000 + this.int(0, 30), this.int(0, 11), this.int(1, 28), this.int(0, 23)),
        ).toISOString();
      case 'date':
        return `20${this.int(10, 30)}-0${this.int(1, 9)}-1${this.int(0, 9)}`;
      case 'uri':
      case 'url':
        return `https://example.com/${encodeURIComponent(this.text(1, 8))}`;
      case 'email':
        return `user${this.int(1, 999)}@example.com`;
      case 'uuid':
        return '3fa85f64-5717-4562-b3fc-2c963f66afa6';
    }
    const min = schema.minLength ?? 0;
    const max = schema.maxLength ?? Math.max(min, 12);
    return this.text(min, Math.min(max, min + 16));
  }

  /** Whether `value` is valid for `schema` (by Ajv, against the whole document). */
  valid(schema: Schema, value: unknown): boolean {
    const resolved = this.resolve(schema);
    let validate = this.#compiled.get(resolved);
    if (!validate) {
      // Compiled once per schema: compiling is most of a run's time otherwise.
      validate = this.#ajv.compile(withRefsTo(resolved));
      this.#compiled.set(resolved, validate);
    }
    return validate(value) as boolean;
  }

  /** A valid value for `schema`, or `undefined` when none was found in `tries` samples. */
  validSample(schema: Schema, tries = 20, accept: (v: unknown) => boolean = () => true): unknown {
    for (let i = 0; i < tries; i++) {
      const value = this.sample(schema);
      if (accept(value) && this.valid(schema, value)) return value;
    }
    return undefined;
  }
}

/** `$ref: '#/...'` inside a schema compiled on its own points into the document added as `x-spec`. */
function withRefsTo(schema: Schema): Schema {
  if (Array.isArray(schema)) return schema.map(withRefsTo);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? `x-spec${value}`
        : withRefsTo(value);
  }
  return out;
}

/** One operation's random inputs, by the spec's parameter names. */
export interface FuzzInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  /** The JSON or form body, or random bytes for a binary one (`image/*`, `application/octet-stream`); never multipart. */
  body?: unknown;
  bodyMediaType?: string;
}

/**
 * Random valid inputs for `op`: every required parameter, each optional one
 * half the time, and the body when its media type is JSON or a form.
 * `undefined` when a required value could not be made (a `pattern` the
 * sampler cannot meet, a multipart body): the caller says which were skipped.
 */
export function fuzzInput(
  sampler: SchemaSampler,
  spec: LoadedSpec,
  op: Operation,
): FuzzInput | undefined {
  const item = spec.doc.paths[op.path];
  const operation = item[op.method.toLowerCase()];
  const params: Schema[] = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) =>
    sampler.resolve(p),
  );
  const input: FuzzInput = { path: {}, query: {} };
  for (const param of params) {
    if (param.in !== 'path' && param.in !== 'query') continue;
    if (!param.required && sampler.int(0, 1) === 0) continue;
    const schema = param.schema ?? {};
    // Path values the SDK refuses by design (empty, `.`, `..`: a CoreError) are not valid inputs.
    const accept =
      param.in === 'path'
        ? (v: unknown) => {
            const text = Array.isArray(v) ? v.join(',') : String(v);
            return text !== '' && text !== '.' && text !== '..';
          }
        : // OpenAPI: `allowEmptyValue` defaults to false, and Prism reads `?q=` as no `q`.
          (v: unknown) =>
            param.allowEmptyValue === true || (v !== '' && !(Array.isArray(v) && v.includes('')));
    const value = sampler.validSample(schema, 30, accept);
    if (value === undefined) {
      if (param.required) return undefined;
      continue;
    }
    input[param.in === 'path' ? 'path' : 'query'][param.name] = value;
  }
  const content = sampler.resolve(operation.requestBody ?? {}).content ?? {};
  const mediaType = Object.keys(content).find(
    (t) => t === 'application/json' || t === 'application/x-www-form-urlencoded',
  );
  const binary = Object.keys(content).filter(
    (t) => t.startsWith('image/') || t === 'application/octet-stream',
  );
  if (!mediaType && binary.length > 0) {
    input.body = Uint8Array.from({ length: sampler.int(1, 64) }, () => sampler.int(0, 255));
    input.bodyMediaType = sampler.pick(binary);
    return input;
  }
  if (Object.keys(content).length > 0) {
    if (!mediaType) return undefined;
    const body = sampler.validSample(content[mediaType].schema ?? {}, 30);
    if (body === undefined) return undefined;
    input.body = body;
    input.bodyMediaType = mediaType;
  }
  return input;
}
