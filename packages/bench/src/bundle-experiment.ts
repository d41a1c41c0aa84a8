// An experiment beside the bundle sizes (`bundle.ts`): getProject and getGame
// bundled from the packages' sources, as shipped and with @x/core's limiter
// replaced by an empty one (`empty-limiter.ts`), so BENCHMARKS.md can say,
// measured in the same run, what the rate limiter on every call's path
// costs a browser's first load, and what a bundle with none would weigh.
//
// Built from the sources (not the packed `dist`) because the limiter shares
// its dist chunks with the rest of @x/core. Resolved as the packages' own
// build resolves them (`scripts/build-package.mjs`): `@x/pkg/sub` is the
// entry `packages/pkg/src/sub.ts`, and the browser build's rule for relative
// imports (`browserTwins`) applies.
import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { browserTwins } from '../../../scripts/lib.mjs';
import { AS_SHIPPED, type BundleResult, bundleSize, NO_LIMITER } from './bundle.ts';

const packages = new URL('../../', import.meta.url).pathname;
const EMPTY_LIMITER = new URL('./empty-limiter.ts', import.meta.url).pathname;
const LIMITER = resolve(packages, 'core/src/rate-limit');

/** `@x/pkg/sub` as its source entry; with `emptyLimiter`, @x/core's `rate-limit.ts` as the empty one. */
function fromSources(emptyLimiter: boolean): Plugin {
  return {
    name: 'from-sources',
    setup(build) {
      build.onResolve({ filter: /^@x\// }, ({ path }) => {
        const [, pkg, sub] = /^@x\/([^/]+)\/?(.*)$/.exec(path) ?? [];
        return pkg ? { path: resolve(packages, pkg, 'src', `${sub || 'index'}.ts`) } : undefined;
      });
      if (!emptyLimiter) return;
      build.onResolve({ filter: /\/rate-limit\.js$/ }, ({ path, resolveDir }) =>
        resolve(resolveDir, path.replace(/\.js$/, '')) === LIMITER
          ? { path: EMPTY_LIMITER }
          : undefined,
      );
    },
  };
}

const CALLS: [name: string, code: string][] = [
  [
    '@x/modrinth getProject',
    `import { createModrinthTransport, getProject } from '@x/modrinth/operations'; globalThis.f = (s) => getProject(createModrinthTransport(), s);`,
  ],
  [
    '@x/itch getGame',
    `import { createItchTransport, getGame } from '@x/itch/operations'; globalThis.f = (id) => getGame(createItchTransport(), id);`,
  ],
];

/** Each call of {@link CALLS} built from the sources: `"<call>, <variant>"`, as shipped and without a limiter. */
export async function limiterExperiment(): Promise<BundleResult[]> {
  const out: BundleResult[] = [];
  for (const [name, code] of CALLS) {
    out.push(await bundleSize(`${name}, ${AS_SHIPPED}`, code, [fromSources(false), browserTwins]));
    out.push(await bundleSize(`${name}, ${NO_LIMITER}`, code, [fromSources(true), browserTwins]));
  }
  return out;
}
