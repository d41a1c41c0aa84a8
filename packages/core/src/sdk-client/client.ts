import { headerRecord } from '../auth.js';
import { createCoreFetch } from '../core-fetch.js';
import { READ_BODY, WITHOUT_TOKEN } from '../prepare.js';
import type { RateLimiter } from '../rate-limit.js';
import type { CallOptions, CoreFetch } from '../types.js';
import { isRawBody } from './body.js';
import { readData } from './response.js';
import type {
  Client,
  ClientOptions,
  Config,
  HeadersOption,
  ParseAs,
  RequestOptions,
  SdkCall,
  SdkFetch,
  SdkInit,
} from './types.js';
import { buildUrl, defaultQuerySerializer } from './url.js';

/** `createConfig(override)`: the configuration as given (generated code calls it). */
export function createConfig<T extends ClientOptions = ClientOptions>(
  override: Config<ClientOptions & T> = {},
): Config<Required<ClientOptions> & T> {
  return { ...override } as Config<Required<ClientOptions> & T>;
}

/**
 * `headers` as a plain record. The type asks for one, but JavaScript callers
 * (and configurations written for hey-api's client) may pass a `Headers` or
 * `[name, value]` pairs: a `for...in` over a `Headers` yields its method names.
 */
function plainHeaders(headers: HeadersOption | undefined): HeadersOption | undefined {
  if (!headers) return headers;
  const proto = Object.getPrototypeOf(headers);
  if (proto === Object.prototype || proto === null) return headers;
  return headerRecord(headers as NonNullable<RequestInit['headers']>);
}

/**
 * A copy of the configuration for the caller, with `auth` (the token, or
 * the function that gives one) kept but not enumerable: users print
 * configurations when debugging, and `util.inspect`, `console.log` and
 * `JSON.stringify` skip non-enumerable keys. `config.auth` still reads it;
 * a spread copy drops it, which `setConfig` reads as "auth unchanged".
 */
function configView(config: Config): Config {
  const { auth, ...view } = config;
  if (auth !== undefined) {
    Object.defineProperty(view, 'auth', {
      value: auth,
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }
  return view;
}

/** Lower-cased header record; `null`/`undefined` remove a header. */
function mergeHeaders(target: Record<string, string>, headers: HeadersOption | undefined): void {
  const source = plainHeaders(headers);
  if (!source) return;
  for (const name in source) {
    const value = source[name];
    const key = name.toLowerCase();
    if (value === null || value === undefined) delete target[key];
    else target[key] = String(value);
  }
}

/** The body to send, and whether this client made it JSON (then it says so in `Content-Type`). */
function serializeBody(options: RequestOptions): { body: unknown; json: boolean } {
  const { body, bodySerializer } = options;
  if (body === undefined || bodySerializer === null) return { body, json: false };
  if (bodySerializer) return { body: bodySerializer(body), json: false };
  return isRawBody(body) ? { body, json: false } : { body: JSON.stringify(body), json: true };
}

/**
 * Sends calls through a @x/core fetch made on first use from the SDK's
 * policy (see {@link Config.core}), with the client's `auth` as its token.
 * The first limiter it gets stays for the client's lifetime: a fetch rebuilt
 * after `setConfig` changed `baseUrl` or `auth` keeps it, and so do
 * `withOptions` clients. A `withOptions` client starts with its parent's
 * fetch under its overrides; once its own `baseUrl` or `auth` changes, it
 * builds its own fetch from its configuration and applies the same overrides.
 */
class Transport {
  #send: SdkFetch | undefined;
  #core: CoreFetch | undefined;

  constructor(
    private readonly config: () => Config,
    private readonly layers: readonly CallOptions[] = [],
    inherited?: CoreFetch,
    private limiter?: RateLimiter | false,
  ) {
    this.#core = inherited;
  }

  get coreFetch(): CoreFetch {
    if (!this.#core) {
      const config = this.config();
      if (!config.core)
        throw new TypeError('@x/core/client: this client has no `core` to send with');
      // The token is the client's `auth` only: `setConfig({ auth: undefined })` removes it.
      const { token: _policyToken, ...policy } = config.core({
        baseUrl: String(config.baseUrl ?? ''),
      });
      // A rebuilt fetch keeps the client's limiter (the policy's new one is dropped).
      if (this.limiter !== undefined) policy.rateLimiter = this.limiter;
      else this.limiter = policy.rateLimiter;
      let core = createCoreFetch(
        config.auth === undefined ? policy : { ...policy, token: config.auth },
      );
      for (const overrides of this.layers) core = core.withOptions(overrides);
      this.#core = core;
    }
    return this.#core;
  }

  /** The limiter kept for this client's lifetime, once its first fetch is built. */
  get keptLimiter(): RateLimiter | false | undefined {
    return this.limiter;
  }

  get send(): SdkFetch {
    if (!this.#send) {
      const core = this.coreFetch;
      const between = this.config().between;
      this.#send = between ? between(core) : (url, init) => core(url, init);
    }
    return this.#send;
  }

  /** Forget the built fetch: the next call builds one from the changed configuration. */
  reset(): void {
    this.#core = undefined;
    this.#send = undefined;
  }
}

function build(
  initial: Config,
  layers: readonly CallOptions[] = [],
  inherited?: CoreFetch,
  limiter?: RateLimiter | false,
): Client {
  let config: Config = { ...initial };
  const transport = new Transport(() => config, layers, inherited, limiter);

  // `as` is the method function's: passing it beside the options saves
  // copying them (the generated function has just copied them once).
  // Not an async function: a call waiting for its limiter slot holds only
  // the `.then` below, not this frame (the heap benchmark's queued calls).
  const send = (options: RequestOptions, as?: string): Promise<unknown> => {
    if (options.client && options.client !== client) {
      const { client: other, ...rest } = options;
      return other.request({ ...rest, method: as ?? rest.method ?? 'GET' });
    }
    const parseAs = options.parseAs ?? 'auto';
    let url: string;
    let init: SdkInit;
    try {
      url = callUrl(options);
      init = callInit(options, as, parseAs);
    } catch (error) {
      return Promise.reject(error);
    }
    const call: SdkCall = { method: init.method as string, template: options.url };
    return transport.send(url, init, call).then((response) => read(response, url, parseAs, call));
  };

  const callUrl = (options: Pick<RequestOptions, 'url' | 'path' | 'query' | 'querySerializer'>) =>
    buildUrl(
      String(config.baseUrl ?? ''),
      options.url,
      options.path,
      options.query,
      options.querySerializer ?? config.querySerializer ?? defaultQuerySerializer,
    );

  const callInit = (options: RequestOptions, as: string | undefined, parseAs: ParseAs): SdkInit => {
    const headers: Record<string, string> = {};
    mergeHeaders(headers, config.headers);
    const { body, json } = serializeBody(options);
    if (json) headers['content-type'] = 'application/json';
    mergeHeaders(headers, options.headers);
    const init: SdkInit = { method: as ?? (options.method ?? 'GET').toUpperCase(), headers };
    if (body !== undefined) init.body = body as BodyInit;
    if (options.signal) init.signal = options.signal;
    if (parseAs !== 'stream') {
      init[READ_BODY] = parseAs === 'blob' || parseAs === 'arrayBuffer' ? 'bytes' : 'text';
    }
    if (config.tokenFor === 'secured-operations' && !options.security?.length) {
      init[WITHOUT_TOKEN] = true;
    }
    return init;
  };

  const read = async (response: Response, url: string, parseAs: ParseAs, call: SdkCall) => {
    const data = await readData(response, response.url || url, parseAs, call.method);
    return config.transformData && data !== undefined ? config.transformData(data, call) : data;
  };

  const request = (options: RequestOptions): Promise<unknown> => send(options);
  const method =
    (name: string) =>
    (options: Omit<RequestOptions, 'method'>): Promise<unknown> =>
      send(options, name);

  const client: Client = {
    request: request as Client['request'],
    get: method('GET') as Client['get'],
    post: method('POST') as Client['post'],
    put: method('PUT') as Client['put'],
    patch: method('PATCH') as Client['patch'],
    delete: method('DELETE') as Client['delete'],
    head: method('HEAD') as Client['head'],
    options: method('OPTIONS') as Client['options'],
    buildUrl: callUrl,
    getConfig: () => configView(config),
    setConfig: (changes) => {
      const rebuild =
        ('baseUrl' in changes && changes.baseUrl !== config.baseUrl) ||
        ('auth' in changes && changes.auth !== config.auth);
      const headers = config.headers;
      config = { ...config, ...changes };
      // Headers add to the client's (a `null` value removes one), as
      // hey-api's `setConfig` did: a later call adding one keeps the others.
      if ('headers' in changes) {
        config.headers = { ...plainHeaders(headers), ...plainHeaders(changes.headers) };
      }
      if (rebuild) transport.reset();
      return configView(config);
    },
    withOptions: (overrides: CallOptions) => {
      const inherited = transport.coreFetch.withOptions(overrides);
      return build(config, [...layers, overrides], inherited, transport.keptLimiter);
    },
    get coreFetch() {
      return transport.coreFetch;
    },
  };
  return client;
}

/**
 * A client for generated SDK functions, sending through @x/core: the
 * configuration's `core` builds the @x/core fetch on the first request
 * (credentials, limiter, retries, typed errors), so a default client made at
 * import builds nothing and touches no fetch global. One call builds its URL
 * and a plain header record, gives them to @x/core (which builds the
 * `Request` of each attempt when it is sent: a call queued in the limiter
 * holds only these), and resolves to the parsed data.
 */
export function createClient(config: Config = {}): Client {
  return build(config);
}
