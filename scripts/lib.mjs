// Shared by build-package.mjs, check-packages.mjs, test-packages.mjs and the
// bench (its packed install, its bundle experiment); types in lib.d.mts.
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The published packages, by folder under packages/. */
export const PACKAGES = ['core', 'itch', 'modrinth', 'ratelimit-redis'];
/** Where check:packages writes the tarballs and test:packages reads them (git-ignored). */
export const packsDir = join(root, '.packs');
export const bin = (name) => join(root, 'node_modules', '.bin', name);

/** The pnpm that runs this script (`pnpm run` sets npm_execpath), else the pinned one through npx. */
export function pnpmCommand() {
  const { npm_execpath: execPath } = process.env;
  if (execPath && /pnpm/.test(execPath) && existsSync(execPath)) return [execPath];
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split(
    '@',
  )[1];
  return ['npx', '-y', `pnpm@${version}`];
}

/** The first `name` on PATH outside any node_modules/.bin: the machine's own (Node 20, npm). */
export function systemBin(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || dir.includes('node_modules')) continue;
    const f = join(dir, name);
    if (existsSync(f)) return f;
  }
  throw new Error(`no system ${name} on PATH`);
}

/**
 * The rule of the packages' browser build (an esbuild plugin): a relative
 * import of `./m.js` takes a sibling `m.browser.ts` when there is one.
 */
export const browserTwins = {
  name: 'browser-twins',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const twin = join(args.resolveDir, args.path.replace(/\.js$/, '.browser.ts'));
      return existsSync(twin) ? { path: twin } : undefined;
    });
  },
};
