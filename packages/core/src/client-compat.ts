const METHODS = [
  'request',
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'head',
  'options',
  'trace',
  'connect',
] as const;

/**
 * Generated fetch clients (@hey-api/openapi-ts) spread every call option into
 * `new Request(url, init)`. Deno's `Request` reads a `client` field there (a
 * `Deno.HttpClient`) and throws on anything else, so an SDK's own call
 * options, such as `client`, must not reach it. Wraps the client's request
 * methods, in place, to drop `keys` from each call's options.
 */
export function dropCallOptions<T extends object>(client: T, keys: readonly string[]): T {
  const target = client as Record<string, unknown>;
  for (const method of METHODS) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    target[method] = (options: Record<string, unknown> = {}) => {
      const rest = { ...options };
      for (const key of keys) delete rest[key];
      return original.call(client, rest);
    };
  }
  return client;
}
