// An experiment beside the bundle sizes (`bundle.ts`): getProject and getGame
// bundled from the packages' sources, as shipped and with @x/core's limiter
// replaced by an empty one (`empty-limiter.ts`), so BENCHMARKS.md can say,
// measured in the same run, what the rate limiter on every call's path
// costs a browser's first load, and what a bundle with none would weigh.
//
// Built from the sources (not the packed `dist`) because the limiter shares
// its dist chunks with the rest of @x/core; the resolution mimics the
// packages' browser build (`scripts/build-package.mjs`): `@x/pkg/sub` is
// `packages/pkg/src/sub.ts`, and a relative `./m.js` takes `m.browser.ts`
// when there is one.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { AS_SHIPPED, type BundleResult, bundleSize, NO_LIMITER } from './bundle.ts';

const packages = new URL('../../', import.meta.url).pathname;
const EMPTY_LIMITER = new URL('./empty-limiter.ts', import.meta.url).pathname;
const LIMITER = resolve(packages, 'core/src/rate-limit');

/** The browser build's source of module `base` (a path without extension). */
function browserSource(base: string): string | undefined {
  return [`${base}.browser.ts`, `${base}.ts`, `${base}/index.ts`].find((file) => existsSync(file));
}

function fromSources(emptyLimiter: boolean): Plugin {
  const pick = (base: string) =>
    emptyLimiter && base === LIMITER ? EMPTY_LIMITER : browserSource(base);
  return {
    name: 'from-sources',
    setup(build) {
      build.onResolve({ filter: /^@x\// }, ({ path }) => {
        const [, pkg, sub] = /^@x\/([^/]+)\/?(.*)$/.exec(path) ?? [];
        const file = pkg && pick(resolve(packages, pkg, 'src', sub || 'index'));
        return file ? { path: file } : undefined;
      });
      build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, ({ path, resolveDir }) => {
        const file = pick(resolve(resolveDir, path.replace(/\.js$/, '')));
        return file ? { path: file } : undefined;
      });
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
    out.push(await bundleSize(`${name}, ${AS_SHIPPED}`, code, [fromSources(false)]));
    out.push(await bundleSize(`${name}, ${NO_LIMITER}`, code, [fromSources(true)]));
  }
  return out;
}
