import type { LoadedSpec, Operation } from './spec.ts';

interface CompiledRoute {
  op: Operation;
  regex: RegExp;
  literalSegments: number;
}

const cache = new WeakMap<LoadedSpec, CompiledRoute[]>();

function compile(spec: LoadedSpec): CompiledRoute[] {
  const routes = spec.operations.map((op) => {
    const segments = op.path.split('/').filter(Boolean);
    const pattern = segments
      .map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    return {
      op,
      regex: new RegExp(`^/${pattern}/?$`),
      literalSegments: segments.filter((s) => !s.startsWith('{')).length,
    };
  });
  // Literal routes win over templated ones (`/search/games` before `/users/{id}`).
  return routes.sort((a, b) => b.literalSegments - a.literalSegments);
}

/**
 * Finds the operation a request targets. `pathname` is relative to the API
 * base (the spec's paths carry no server prefix such as Modrinth's `/v2`).
 */
export function matchOperation(
  spec: LoadedSpec,
  method: string,
  pathname: string,
): Operation | undefined {
  let routes = cache.get(spec);
  if (!routes) {
    routes = compile(spec);
    cache.set(spec, routes);
  }
  const m = method.toUpperCase();
  let decoded = pathname;
  try {
    decoded = decodeURI(pathname);
  } catch {
    // keep the raw path
  }
  return routes.find((r) => r.op.method === m && (r.regex.test(pathname) || r.regex.test(decoded)))
    ?.op;
}
