import { CoreError } from '@x/core/internal';
/**
 * Typed builder for Modrinth search `facets`.
 *
 * Modrinth's `facets` is a JSON array of arrays of strings: the inner arrays
 * are OR-groups and the outer array ANDs them. `[["categories:fabric",
 * "categories:quilt"]]` means fabric OR quilt, `[["categories:fabric"],
 * ["categories:technology"]]` means fabric AND technology. Putting several
 * categories in one inner array *widens* the result, a frequent mistake, so
 * the builder's `allOf` (one group per value) is the short form and `anyOf`
 * has to be asked for by name.
 */

/** `:` is the same as `=`. */
export type FacetOperator = ':' | '=' | '!=' | '<' | '<=' | '>' | '>=';

/** Facet types Modrinth documents; any other lower-case name is accepted too. */
export type FacetType =
  | 'project_type'
  | 'categories'
  | 'versions'
  | 'client_side'
  | 'server_side'
  | 'open_source'
  | 'title'
  | 'author'
  | 'follows'
  | 'project_id'
  | 'license'
  | 'downloads'
  | 'color'
  | 'created_timestamp'
  | 'modified_timestamp'
  | (string & {});

/** A facet's value; numbers and booleans are written as text. */
export type FacetValue = string | number | boolean;

const OPERATORS: readonly FacetOperator[] = [':', '=', '!=', '<', '<=', '>', '>='];

/** A facet the service would reject (empty or quoted value, unknown operator, empty group). */
export class FacetError extends CoreError {
  static override readonly errorName: string = 'FacetError';
}

/** One validated facet string, e.g. `facet('downloads', '>', 1000)` -> `"downloads>1000"`. */
export function facet(type: FacetType, value: FacetValue): string;
export function facet(type: FacetType, operator: FacetOperator, value: FacetValue): string;
export function facet(type: FacetType, a: FacetValue, b?: FacetValue): string {
  const [operator, value] = b === undefined ? [':' as FacetOperator, a] : [a as FacetOperator, b];
  if (typeof type !== 'string' || !/^[a-z_][a-z0-9_]*$/i.test(type)) {
    throw new FacetError(
      `facet type must be a name like "categories", got ${JSON.stringify(type)}`,
    );
  }
  if (!OPERATORS.includes(operator)) {
    throw new FacetError(
      `facet operator must be one of ${OPERATORS.join(' ')}, got ${JSON.stringify(operator)}`,
    );
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new FacetError(`facet "${type}" needs a finite number, got ${value}`);
  }
  const text = String(value);
  if (text.trim() === '') {
    throw new FacetError(
      `facet "${type}" has an empty value; Modrinth answers 400 to empty facet values`,
    );
  }
  if (/^\s*["']|["']\s*$/.test(text)) {
    throw new FacetError(
      `facet "${type}" value ${text} is quoted; write ${type}${operator}${text.replace(/^\s*["']|["']\s*$/g, '')} (Modrinth answers 400 to quoted values)`,
    );
  }
  return `${type}${operator}${text}`;
}

/** Builds the `facets` query value. Every method returns the builder. */
export class FacetsBuilder {
  readonly #groups: string[][] = [];

  /** AND one condition: `where('categories', 'fabric')`, `where('downloads', '>', 1000)`. */
  where(type: FacetType, value: FacetValue): this;
  where(type: FacetType, operator: FacetOperator, value: FacetValue): this;
  where(type: FacetType, a: FacetValue, b?: FacetValue): this {
    this.#groups.push([b === undefined ? facet(type, a) : facet(type, a as FacetOperator, b)]);
    return this;
  }

  /** Every value must match: one AND-ed group per value (e.g. several categories). */
  allOf(type: FacetType, values: readonly FacetValue[]): this {
    nonEmpty(type, values, 'allOf');
    for (const value of values) this.#groups.push([facet(type, value)]);
    return this;
  }

  /** At least one value must match: a single OR-group. */
  anyOf(type: FacetType, values: readonly FacetValue[]): this {
    nonEmpty(type, values, 'anyOf');
    this.#groups.push(values.map((value) => facet(type, value)));
    return this;
  }

  /** AND an OR-group of already built facets: `or(facet('client_side','required'), facet('server_side','required'))`. */
  or(...facets: string[]): this {
    if (facets.length === 0) throw new FacetError('an OR-group needs at least one facet');
    for (const f of facets) {
      if (typeof f !== 'string' || f.trim() === '') throw new FacetError('empty facet in OR-group');
    }
    this.#groups.push([...facets]);
    return this;
  }

  /** AND a project type: `projectType('mod')` is `where('project_type', 'mod')`. */
  projectType(type: 'mod' | 'modpack' | 'resourcepack' | 'shader' | (string & {})): this {
    return this.where('project_type', type);
  }

  /** Game versions: any of them (a project supporting one of these matches). */
  versions(...versions: string[]): this {
    return this.anyOf('versions', versions);
  }

  /** The facet groups, AND of OR-groups. */
  toArray(): string[][] {
    return this.#groups.map((g) => [...g]);
  }

  /** The value for the `facets` query parameter (JSON), or `undefined` when empty. */
  build(): string | undefined {
    return this.#groups.length ? JSON.stringify(this.#groups) : undefined;
  }

  /** The facet groups as JSON, `[]` when empty (unlike {@link build}). */
  toString(): string {
    return JSON.stringify(this.#groups);
  }
}

function nonEmpty(type: FacetType, values: readonly FacetValue[], method: string): void {
  if (!Array.isArray(values) || values.length === 0) {
    throw new FacetError(`${method}("${type}", []) needs at least one value`);
  }
}

/** Starts a facets builder: `facets().allOf('categories', ['fabric', 'technology']).build()`. */
export function facets(): FacetsBuilder {
  return new FacetsBuilder();
}
