import type { RetryOptions } from '../types.js';
import type { Client, HeadersOption, RequestOptions } from './types.js';

// The runtime of the operations an SDK's generator plugin writes as
// functions and client methods (`getProject(idOrSlug, input?, options?)`):
// each operation is a small description of its route, and this one function
// turns positional path values, the input object and the per-call options
// into a call of the client. Nothing per operation is written by hand.

/** How one generated operation maps its arguments onto the request. */
export interface OperationSpec {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The path template, e.g. `/project/{idOrSlug}`. */
  readonly url: string;
  /** The path parameters, in the order the function takes them. */
  readonly path?: readonly string[];
  /** Query fields: their names (the same on the wire), or the input's key -> the wire's name. */
  readonly query?: Fields;
  /**
   * Body fields (the input's key -> the wire's), or `'body'` when the body
   * is not an object of fields (a list, raw bytes): then it is the input's
   * `body` key.
   */
  readonly body?: Fields | 'body';
  /** The body's content type when it is not JSON (`application/x-www-form-urlencoded`). */
  readonly contentType?: string;
  /** Serialises the body (form encodings); JSON otherwise. */
  readonly bodySerializer?: (body: unknown) => unknown;
  /** The spec declares security: the client's token goes with it. */
  readonly secured?: boolean;
  /**
   * What a successful answer's data becomes (an SDK's normaliser for this
   * operation's response). Per operation, not per client, so that a bundle
   * holds only what the operations it calls need.
   */
  readonly response?: (data: unknown) => unknown;
}

/** Field names (the same in the input and on the wire), or the input's key -> the wire's name. */
export type Fields = readonly string[] | Readonly<Record<string, string>>;

/**
 * Per-call options of every operation and helper. Each accepts `undefined`
 * (a value read from the environment may be missing).
 */
export interface OperationOptions {
  /** Aborts the call (queued, in flight or waiting to retry). */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in ms for this call. @default the client's */
  timeoutMs?: number | undefined;
  /** Extra headers for this call (`undefined` values are left out). */
  headers?: Readonly<Record<string, string | undefined>> | undefined;
  /** This call's retry policy (merged over the client's), or `false` for one attempt. */
  retry?: RetryOptions | false | undefined;
}

/**
 * The client overrides per-call options ask for (`timeoutMs`, `retry`), or
 * `undefined` for none: what operations and the SDKs' hand-written helpers
 * (downloads) pass to `withOptions`.
 */
export function overridesOf(
  options: OperationOptions | undefined,
): { timeoutMs?: number; retry?: RetryOptions | false } | undefined {
  if (options?.timeoutMs === undefined && options?.retry === undefined) return undefined;
  const overrides: { timeoutMs?: number; retry?: RetryOptions | false } = {};
  if (options.timeoutMs !== undefined) overrides.timeoutMs = options.timeoutMs;
  if (options.retry !== undefined) overrides.retry = options.retry;
  return overrides;
}

/** Per-call headers without their `undefined` values (a `RequestInit`'s), or `undefined` for none. */
export function headersOf(
  options: OperationOptions | undefined,
): Record<string, string> | undefined {
  if (!options?.headers) return undefined;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers))
    if (value !== undefined) headers[name] = value;
  return headers;
}

/** What operations send with: a client of `@x/core/client`, or an SDK client holding one as `transport`. */
export type OperationTarget = Client | { readonly transport: Client };

/**
 * An operation's input object: optional fields also accept `undefined`
 * (`exactOptionalPropertyTypes`), arrays also readonly ones (`as const`).
 */
export type OperationInput<T> = T extends object
  ? {
      [K in keyof T]: Partial<Pick<T, K>> extends Pick<T, K>
        ? Loosen<Exclude<T[K], undefined>> | undefined
        : Loosen<T[K]>;
    }
  : never;

type Loosen<T> = T extends readonly (infer U)[] ? readonly U[] : T;

/** `snake_case` -> `camelCase` keys (inputs of an API whose wire is snake_case). */
export type CamelInput<T> = T extends object
  ? { [K in keyof T as K extends string ? CamelCase<K> : K]: T[K] }
  : never;

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

const SECURED = [{ type: 'apiKey' }] as const;

/** The client an operation sends through: the target itself, or the SDK client's `transport`. */
export function transportOf(target: OperationTarget): Client {
  return 'transport' in target ? target.transport : target;
}

function pick(input: Record<string, unknown>, fields: Fields): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  const same = Array.isArray(fields);
  for (const key of same ? fields : Object.keys(fields)) {
    const value = input[key];
    if (value === undefined) continue;
    out ??= {};
    out[same ? key : ((fields as Record<string, string>)[key] as string)] = value;
  }
  return out;
}

/**
 * Sends one operation: `path` are the positional values in the spec's
 * order, `input` the query and body fields, `options` the per-call options.
 */
export function callOperation(
  target: OperationTarget,
  spec: OperationSpec,
  path: readonly unknown[],
  input: object | undefined,
  options: OperationOptions | undefined,
): Promise<unknown> {
  let client = transportOf(target);
  const request: RequestOptions & { method: string } = { method: spec.method, url: spec.url };
  if (spec.path) {
    const values: Record<string, unknown> = {};
    spec.path.forEach((name, i) => {
      values[name] = path[i];
    });
    request.path = values;
  }
  const fields = (input ?? {}) as Record<string, unknown>;
  if (spec.query) {
    const query = pick(fields, spec.query);
    if (query) request.query = query;
  }
  if (spec.body === 'body') {
    if (fields.body !== undefined) request.body = fields.body;
  } else if (spec.body) {
    // An object body is sent even when empty: the route expects one.
    request.body = pick(fields, spec.body) ?? {};
  }
  if (spec.bodySerializer) request.bodySerializer = spec.bodySerializer;
  const headers: HeadersOption = {};
  if (spec.contentType && request.body !== undefined) headers['content-type'] = spec.contentType;
  if (spec.secured) request.security = SECURED;
  if (options) {
    if (options.headers) Object.assign(headers, options.headers);
    if (options.signal) request.signal = options.signal;
    const overrides = overridesOf(options);
    if (overrides) client = client.withOptions(overrides);
  }
  request.headers = headers;
  const sent = client.request(request);
  return spec.response ? sent.then(spec.response) : sent;
}
