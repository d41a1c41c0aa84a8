import type { CoreInit } from '../prepare.js';
import type { CallOptions, CoreConfig, CoreFetch, TokenProvider } from '../types.js';

// The types `@hey-api/openapi-ts` generated SDKs import from their client
// (`Options`, `RequestResult`, `TDataShape`, `Client`, `Config`...), with the
// shapes its `sdk` plugin expects. Only what our SDKs use is implemented:
// calls resolve to the response data and throw @x/core errors.

/** How one operation is secured, as the spec declares it (hey-api's `Auth`). */
export interface Auth {
  in?: 'header' | 'query' | 'cookie';
  name?: string;
  scheme?: 'basic' | 'bearer';
  type: 'apiKey' | 'http';
}

/** Header values; `null` / `undefined` remove a header set by the client or the SDK. */
export type HeadersOption = Record<string, string | number | boolean | null | undefined>;

/** How a 2xx body is read. `'auto'`: JSON, or a `CoreError` if the server sent something else. */
export type ParseAs = 'auto' | 'json' | 'text' | 'blob' | 'arrayBuffer' | 'stream';

/** A call as an SDK-specific step sees it: the operation's URL template, method and final URL. */
export interface SdkCall {
  /** Upper case. */
  readonly method: string;
  /** The operation's path template, e.g. `/project/{idOrSlug}`. */
  readonly template: string;
}

/** The init a client gives its `fetch`: headers are a plain record. */
export type SdkInit = CoreInit & { headers: Record<string, string> };

/** What a client sends with: an @x/core fetch, perhaps behind an SDK's own step. */
export type SdkFetch = (url: string, init: SdkInit, call: SdkCall) => Promise<Response>;

/** Options generated code and SDKs give `createClient`/`createConfig`. */
export interface ClientOptions {
  baseUrl?: string;
  throwOnError?: boolean;
}

/** A client's configuration. */
export interface Config<T extends ClientOptions = ClientOptions> {
  /** API root; operation paths are appended to it. */
  baseUrl?: T['baseUrl'];
  /** Calls always throw on failure; the generated code sets this to `true`. */
  throwOnError?: T['throwOnError'];
  /** Headers sent with every call (a call's own headers win). */
  headers?: HeadersOption;
  /** The token (or a function giving one per request); sent to `baseUrl`'s origin only. */
  auth?: TokenProvider;
  /** Turns a call's `query` into a query string (without `?`). */
  querySerializer?: (query: Record<string, unknown>) => string;
  /**
   * The SDK's @x/core policy for a `baseUrl` (`createCoreFetch`'s options;
   * a `token` there is ignored). The client builds its @x/core fetch from it
   * on the first request, and again after `setConfig` changes `baseUrl` or
   * `auth`, so nothing is built at import; the token is the client's `auth`,
   * and the first limiter stays for the client's lifetime.
   */
  core?: (settings: { baseUrl: string }) => CoreConfig;
  /** An SDK's step between the client and @x/core (a URL rewrite, an error message...). */
  between?: (coreFetch: CoreFetch) => SdkFetch;
  /** An SDK's rewrite of parsed JSON data (a response normaliser). */
  transformData?: (data: unknown, call: SdkCall) => unknown;
  /**
   * Which calls carry the token: all, or only operations whose spec declares
   * `security` (an API whose login must go without).
   * @default 'every-request'
   */
  tokenFor?: 'every-request' | 'secured-operations';
}

/** The options of one call. */
export interface RequestOptions<Url extends string = string> {
  /** The operation's path template (`/project/{idOrSlug}`). */
  url: Url;
  /** @default 'GET' (or the method function's) */
  method?: string;
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** Serialises `body`; `null` sends it as it is (a `Blob`, `FormData`, bytes). @default JSON for objects */
  bodySerializer?: ((body: unknown) => unknown) | null;
  headers?: HeadersOption;
  /** Another client for this call (the SDK functions' `client` option). */
  client?: Client;
  signal?: AbortSignal;
  parseAs?: ParseAs;
  /** Set by generated code: the operation's declared security. */
  security?: readonly Auth[];
  /** Set by generated code; calls always resolve to the data. */
  responseStyle?: 'data';
  querySerializer?: (query: Record<string, unknown>) => string;
  /** Free-form values for your own wrappers; never sent. */
  meta?: Record<string, unknown>;
}

export interface TDataShape {
  body?: unknown;
  headers?: unknown;
  path?: unknown;
  query?: unknown;
  url: string;
}

type OmitKeys<T, K> = Pick<T, Exclude<keyof T, K>>;

/** The options of a generated operation: its data shape plus the call options. */
export type Options<
  TData extends TDataShape = TDataShape,
  _ThrowOnError extends boolean = boolean,
  _TResponse = unknown,
> = OmitKeys<RequestOptions, 'body' | 'path' | 'query' | 'url' | 'headers'> &
  ([TData] extends [never] ? unknown : Omit<TData, 'url'>) & { headers?: HeadersOption };

/** What a call resolves to: the data of its 2xx response (it throws otherwise). */
export type RequestResult<
  TData = unknown,
  _TError = unknown,
  _ThrowOnError extends boolean = boolean,
  _TResponseStyle extends string = 'data',
> = Promise<
  unknown extends TData
    ? unknown
    : TData extends Record<string, unknown>
      ? TData[keyof TData]
      : TData
>;

/** Extra `meta` typing for your own wrappers (augment this interface). */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by users, as hey-api's is.
export interface ClientMeta {}

type MethodFn = <
  TData = unknown,
  TError = unknown,
  ThrowOnError extends boolean = true,
  TStyle extends string = 'data',
>(
  options: OmitKeys<RequestOptions, 'method'>,
) => RequestResult<TData, TError, ThrowOnError, TStyle>;

type RequestFn = <
  TData = unknown,
  TError = unknown,
  ThrowOnError extends boolean = true,
  TStyle extends string = 'data',
>(
  options: RequestOptions & { method: string },
) => RequestResult<TData, TError, ThrowOnError, TStyle>;

/** A client of a generated SDK: pass it as `client` to any operation. */
export interface Client {
  request: RequestFn;
  get: MethodFn;
  post: MethodFn;
  put: MethodFn;
  patch: MethodFn;
  delete: MethodFn;
  head: MethodFn;
  options: MethodFn;
  /** The URL a call would go to (`{ url, path, query }`). */
  buildUrl(options: Pick<RequestOptions, 'url' | 'path' | 'query' | 'querySerializer'>): string;
  getConfig(): Config;
  /**
   * Changes the configuration for the following calls (a new `baseUrl` or
   * `auth` builds a new @x/core fetch); `headers` are merged into the client's.
   */
  setConfig(config: Config): Config;
  /** A client sharing this one's @x/core fetch (its limiter), with per-call overrides. */
  withOptions(overrides: CallOptions): Client;
  /** The @x/core fetch under this client (credentials for `baseUrl`'s origin only). */
  readonly coreFetch: CoreFetch;
}
