import { CoreError } from '../core-error.js';

function scalar(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** A query value as text: an object or list nested deeper goes as JSON, never `[object Object]`. */
function queryText(value: unknown): string {
  return typeof value === 'object' && value !== null && !(value instanceof Date)
    ? JSON.stringify(value)
    : scalar(value);
}

/** `encodeURIComponent`, with a lone surrogate a `CoreError` naming what held it (not a `URIError`). */
function encode(text: string, what: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    throw new CoreError(`${what} is not valid Unicode text (a lone surrogate)`);
  }
}

/**
 * The default query string (OpenAPI's `form` style, exploded): `a=1&b=x`,
 * a list repeats its key (`id=1&id=2`), an object goes as `key[field]=v`.
 * `undefined` and `null` values are left out.
 */
export function defaultQuerySerializer(query: Record<string, unknown>): string {
  const parts: string[] = [];
  const add = (key: string, value: unknown) => {
    if (value === undefined || value === null) return;
    parts.push(`${encode(key, 'a query key')}=${encode(queryText(value), `query "${key}"`)}`);
  };
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value) add(key, item);
    else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
      for (const [field, item] of Object.entries(value)) add(`${key}[${field}]`, item);
    } else add(key, value);
  }
  return parts.join('&');
}

/**
 * `/project/{idOrSlug}` with `{ idOrSlug: 'a b' }` -> `/project/a%20b`. A
 * parameter the template names but `path` lacks is a `CoreError` naming it
 * (never a request to a URL with `{idOrSlug}` in it).
 */
export function fillPath(template: string, path: Record<string, unknown> | undefined): string {
  const parts = templateParts(template);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    out += pathValue(template, parts[i] as string, path) + (parts[i + 1] as string);
  }
  return out;
}

/**
 * Templates split once into literal text and parameter names
 * (`/project/{idOrSlug}` -> `['/project/', 'idOrSlug', '']`): a regular
 * expression replace per call cost ~1.5% of a local getProject (CPU
 * profile). Generated operations have a fixed set of templates; the cache is
 * emptied past a bound in case a caller builds templates on the fly.
 */
const templates = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = templates.get(template);
  if (!parts) {
    if (templates.size >= 1000) templates.clear();
    parts = template.split(/\{([^}]+)\}/);
    templates.set(template, parts);
  }
  return parts;
}

function pathValue(
  template: string,
  name: string,
  path: Record<string, unknown> | undefined,
): string {
  const value = path?.[name];
  const items = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  const text = items.map(scalar).join(',');
  // Checked on the text: `[]` or a `toString` giving '' would leave `//`
  // in the path, which a slash-merging proxy turns into another endpoint.
  if (text === '') {
    throw new CoreError(`missing path parameter "${name}" for ${template}`);
  }
  // URL parsers resolve `.` and `..` segments (encoded or not): `..` would
  // send the call, with its credentials, to another endpoint of the API.
  if (text === '.' || text === '..') {
    throw new CoreError(`path parameter "${name}" cannot be "${text}" (${template})`);
  }
  // A comma inside a value goes out as `%2C`: the spec's `simple` style
  // reads a raw comma as the separator of a list (Prism answers 422 for
  // `/project/a,b`). Only a list's own separators are raw commas.
  if (items.length === 1) return encode(text, `path parameter "${name}"`);
  return items.map((item) => encode(scalar(item), `path parameter "${name}"`)).join(',');
}

/** The absolute URL of a call: base URL, filled path, serialised query. */
export function buildUrl(
  baseUrl: string,
  template: string,
  path: Record<string, unknown> | undefined,
  query: Record<string, unknown> | undefined,
  querySerializer: (query: Record<string, unknown>) => string,
): string {
  const base = baseUrl.replace(/\/+$/, '');
  const url = base + fillPath(template, path);
  const search = query ? querySerializer(query) : '';
  return search ? `${url}?${search}` : url;
}
