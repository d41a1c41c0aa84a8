#!/usr/bin/env node
// A package's `build` (`node ../../scripts/build-package.mjs`, run from the
// package's folder): JavaScript bundled per export entry by esbuild,
// declarations per module by tsc.
//
// Why bundle: loading ~20-40 modules costs more at cold start than their code
// (issue 13: @x/core's per-module dist cost 1.15-1.32x an empty `node` script,
// the same code in one file 0.97x).
//
// - Entries come from package.json: every JS target under `./dist/X.js` in
//   `exports` (any condition but `types`) and `bin` is built from `./src/X.ts`,
//   so a new subpath export is bundled without touching this script.
// - One esbuild run per package with `splitting`: code two entries share goes
//   to `dist/chunks/`, so `@x/core` and `@x/core/internal` hold one copy of
//   module state (error classes, WeakMaps), never two.
// - Every bare import stays external (`packages: 'external'`): dependencies,
//   peers, workspace packages (@x/modrinth never inlines @x/core) and `node:`
//   built-ins, so one `neutral` build serves browser and Node-only entries alike.
// - Not minified (readable stack traces); source maps point at the shipped
//   `src/` (no `sourcesContent`, as tsc's maps), when the tsconfig has `sourceMap`.
// - Declarations (and declaration maps) stay tsc's, one per module, so the
//   `types` paths keep working; with `declaration: false` tsc only type-checks.
// - A `browser` build: `exports` targets under `./dist/browser/X.js` (the
//   `browser` condition, which bundlers targeting browsers resolve) are
//   built from the same `src/X.ts` in a second run, where a relative import
//   of `./m.js` takes `src/m.browser.ts` when that file exists (what
//   browsers do themselves, left out: @x/core's `platform.browser.ts`).
//
// esbuild is a root devDependency pinned to the version the lockfile already
// had (packages/bench, size-limit, vite): no new package in the install.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import { browserTwins } from './lib.mjs';

const dir = process.cwd();
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
if (process.argv.length > 2) throw new Error(`build-package: unknown argument ${process.argv[2]}`);

/** `./dist/X.js` -> `X`, for every JS target of `exports` and `bin`; `./dist/browser/X.js` -> browser entry `X`. */
function entryNames() {
  const names = new Set();
  const targets = [];
  browserNames.clear();
  const walk = (value, key) => {
    if (typeof value === 'string') {
      if (key !== 'types') targets.push(value);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(pkg.exports, '.');
  walk(typeof pkg.bin === 'string' ? { bin: pkg.bin } : pkg.bin, 'bin');
  for (const target of targets) {
    const browser = /^\.\/dist\/browser\/(.+)\.js$/.exec(target);
    const match = /^\.\/dist\/(.+)\.js$/.exec(target);
    if (browser) browserNames.add(browser[1]);
    else if (match) names.add(match[1]);
    else if (!target.endsWith('.json')) {
      throw new Error(`build-package: ${pkg.name}: no rule to build ${target}`);
    }
  }
  return [...names];
}

function sourceOf(name) {
  const src = `src/${name}.ts`;
  if (!existsSync(join(dir, src))) {
    throw new Error(`build-package: ${pkg.name}: ${name}.js has no source ${src}`);
  }
  return src;
}

const browserNames = new Set();
const t0 = performance.now();
const entries = entryNames();
if (entries.length === 0 && browserNames.size === 0)
  throw new Error(`build-package: ${pkg.name}: no entry in exports or bin`);

const configPath = join(dir, 'tsconfig.build.json');
const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
const { options } = ts.parseJsonConfigFileContent(config, ts.sys, dir, undefined, configPath);

rmSync(join(dir, 'dist'), { recursive: true, force: true });

// Declarations first: tsc also type-checks, and fails the build on an error.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const declare = options.declaration ? ['--emitDeclarationOnly'] : ['--noEmit'];
const checked = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', ...declare], {
  cwd: dir,
  stdio: 'inherit',
});
if (checked.status !== 0) process.exit(checked.status ?? 1);

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: dir,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'node20',
  packages: 'external',
  outdir: 'dist',
  sourcemap: options.sourceMap ? 'linked' : false,
  sourcesContent: false,
  minify: false,
  logLevel: 'warning',
  metafile: true,
};
const result = await build({
  ...common,
  entryPoints: Object.fromEntries(entries.map((name) => [name, sourceOf(name)])),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

const browserEntries = [...browserNames];
if (browserEntries.length > 0) {
  const browserResult = await build({
    ...common,
    outdir: 'dist/browser',
    entryPoints: Object.fromEntries(browserEntries.map((name) => [name, sourceOf(name)])),
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [browserTwins],
  });
  Object.assign(result.metafile.outputs, browserResult.metafile.outputs);
}

for (const bin of Object.values(typeof pkg.bin === 'string' ? { bin: pkg.bin } : (pkg.bin ?? {}))) {
  chmodSync(join(dir, bin), 0o755);
}

const outputs = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(
  `${pkg.name}: ${entries.length} entries (${entries.join(', ')})` +
    `${browserEntries.length ? ` + ${browserEntries.length} browser entries` : ''}` +
    ` + ${outputs.length - entries.length - browserEntries.length} chunks, ` +
    `${kB(outputs.reduce((sum, [, o]) => sum + o.bytes, 0))} JS` +
    ` (${((performance.now() - t0) / 1000).toFixed(1)}s)`,
);
