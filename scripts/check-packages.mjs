#!/usr/bin/env node
// `pnpm check:packages`: what npm users get, checked from the packed tarballs.
//
// For @x/core, @x/itch and @x/modrinth (built first: `pnpm build`):
//   1. `pnpm pack` into .packs/ (git-ignored; `pnpm test:packages` installs these),
//      which is also the publish dry run: the same tarball `pnpm publish` uploads,
//      with `workspace:` ranges replaced by versions.
//   2. manifest hygiene: description, keywords, repository, license, engines,
//      ESM `exports` with types first, `sideEffects: false`, a `files` whitelist;
//      no `workspace:` range left.
//   3. tarball contents: LICENSE, README, no tests, no secrets, no build info,
//      every source map's sources and every `sourceMappingURL` inside the tarball.
//   4. publint --strict and Are The Types Wrong (`--profile esm-only`: the
//      packages are ESM only on purpose, see CONTRIBUTING.md) on each tarball.
//   5. size-limit budgets (.size-limit.json), and tree-shaking: `getProject`
//      alone must stay under half of the whole @x/modrinth.
// Exits non-zero on the first failing step, after printing every problem found in it.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative } from 'node:path';
import { bin, PACKAGES, packsDir, pnpmCommand, root } from './lib.mjs';

const problems = [];
const fail = (pkg, msg) => problems.push(`${pkg}: ${msg}`);
const t0 = Date.now();
const step = (name) => console.log(`\n--- ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
function endStep() {
  if (problems.length) {
    for (const p of problems) console.error(`  ✗ ${p}`);
    console.error(`\ncheck:packages: ${problems.length} problem(s)`);
    process.exit(1);
  }
}
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status === 0;
}

// 1. pack
step('pack (the publish dry run)');
rmSync(packsDir, { recursive: true, force: true });
mkdirSync(packsDir, { recursive: true });
const [pnpmCmd, ...pnpmArgs] = pnpmCommand();
const tarballs = {};
for (const p of PACKAGES) {
  const dir = join(root, 'packages', p);
  if (!existsSync(join(dir, 'dist', 'index.js')))
    fail(`@x/${p}`, 'dist/index.js missing: run `pnpm build` first');
  endStep();
  execFileSync(pnpmCmd, [...pnpmArgs, 'pack', '--pack-destination', packsDir], {
    cwd: dir,
    stdio: 'pipe',
  });
  const tgz = readdirSync(packsDir).find((f) => f.startsWith(`x-${p}-`) && f.endsWith('.tgz'));
  if (!tgz) throw new Error(`pnpm pack produced no tarball for @x/${p}`);
  tarballs[p] = join(packsDir, tgz);
  console.log(`  ${tgz}  ${(statSync(tarballs[p]).size / 1024).toFixed(1)} KiB packed`);
}

// 2 + 3. manifest and contents, from the unpacked tarball
step('manifest and tarball contents');
const FORBIDDEN = [
  [/(^|\/)(test|tests|__tests__|bench|examples)\//, 'test/bench/example file'],
  [/\.(test|spec|bench)\.[cm]?[jt]sx?(\.map)?$/, 'test file'],
  [/(^|\/)\.env(\.|$)|(^|\/)\.npmrc$|\.pem$|\.key$|(^|\/)id_(rsa|ed25519)/, 'possible secret'],
  [/\.tsbuildinfo$|(^|\/)node_modules\/|(^|\/)\.turbo\//, 'build leftover'],
  [
    /(^|\/)(tsconfig[^/]*|vitest\.config\.[jt]s|openapi-ts\.config\.ts|turbo\.json|typedoc\.json)$/,
    'dev config',
  ],
];
for (const p of PACKAGES) {
  const name = `@x/${p}`;
  const unpacked = mkdtempSync(join(tmpdir(), `x-${p}-`));
  execFileSync('tar', ['xzf', tarballs[p], '-C', unpacked]);
  const base = join(unpacked, 'package');
  const files = new Set();
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const f = join(d, e.name);
      if (e.isDirectory()) walk(f);
      else files.add(relative(base, f));
    }
  };
  walk(base);

  const m = JSON.parse(readFileSync(join(base, 'package.json'), 'utf8'));
  if (m.name !== name) fail(name, `name is ${m.name}`);
  if (!m.description || m.description.length < 20) fail(name, 'description missing or too short');
  if (!Array.isArray(m.keywords) || m.keywords.length < 3) fail(name, 'keywords: want at least 3');
  if (m.license !== 'MIT') fail(name, `license is ${m.license}`);
  if (!m.repository?.url || m.repository.directory !== `packages/${p}`)
    fail(name, 'repository.url / repository.directory');
  if (!m.engines?.node) fail(name, 'engines.node missing');
  if (m.type !== 'module') fail(name, 'type must be "module" (ESM)');
  if (m.sideEffects !== false) fail(name, 'sideEffects must be false');
  if (!Array.isArray(m.files)) fail(name, 'files whitelist missing');
  if (!m.exports?.['.']) fail(name, 'exports["."] missing');
  for (const [sub, target] of Object.entries(m.exports ?? {})) {
    if (typeof target === 'string') continue;
    const keys = Object.keys(target);
    if (keys[0] !== 'types') fail(name, `exports["${sub}"]: "types" must come first`);
    for (const v of Object.values(target)) {
      if (typeof v === 'string' && !files.has(normalize(v)))
        fail(name, `exports["${sub}"] -> ${v} not in the tarball`);
    }
  }
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [dep, range] of Object.entries(m[field] ?? {})) {
      if (String(range).startsWith('workspace:')) fail(name, `${field}.${dep} still "${range}"`);
    }
  }
  for (const f of ['LICENSE', 'README.md', 'package.json'])
    if (!files.has(f)) fail(name, `${f} missing`);
  for (const f of files) {
    for (const [re, why] of FORBIDDEN) if (re.test(f)) fail(name, `${f}: ${why} in the tarball`);
  }
  let maps = 0;
  for (const f of files) {
    if (f.endsWith('.map')) {
      maps++;
      const map = JSON.parse(readFileSync(join(base, f), 'utf8'));
      for (const s of map.sources ?? []) {
        const target = normalize(join(dirname(f), map.sourceRoot ?? '', s));
        if (!files.has(target)) fail(name, `${f}: source ${s} not in the tarball`);
      }
    } else if (/\.(m?js|d\.ts)$/.test(f)) {
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(base, f), 'utf8'))?.[1];
      if (url && !url.startsWith('data:') && !files.has(normalize(join(dirname(f), url)))) {
        fail(name, `${f}: sourceMappingURL ${url} not in the tarball`);
      }
    }
  }
  console.log(`  ${name}: ${files.size} files, ${maps} source maps resolved, manifest ok`);
  rmSync(unpacked, { recursive: true, force: true });
}
endStep();

// 4. publint and attw
step('publint --strict');
for (const p of PACKAGES) {
  if (!run(bin('publint'), ['--strict', '--level', 'suggestion', tarballs[p]]))
    fail(`@x/${p}`, 'publint');
}
endStep();
step('Are The Types Wrong (esm-only profile)');
for (const p of PACKAGES) {
  if (!run(bin('attw'), ['--profile', 'esm-only', '--format', 'table-flipped', tarballs[p]]))
    fail(`@x/${p}`, 'attw');
}
endStep();

// 5. size budgets
step('size-limit');
const sl = spawnSync(bin('size-limit'), ['--json'], { cwd: root, encoding: 'utf8' });
let sizes;
try {
  sizes = JSON.parse(sl.stdout);
} catch {
  console.error(sl.stdout, sl.stderr);
  fail('size-limit', 'did not run');
  endStep();
}
const budgets = JSON.parse(readFileSync(join(root, '.size-limit.json'), 'utf8'));
for (const s of sizes ?? []) {
  const budget = budgets.find((b) => b.name === s.name);
  const limit = budget?.limit;
  console.log(
    `  ${s.passed ? '✓' : '✗'} ${s.name.padEnd(44)} ${(s.size / 1000).toFixed(2).padStart(6)} kB  (budget ${limit}, ${budget?.gzip ? 'gzip' : 'brotli'})`,
  );
  if (!s.passed) fail(s.name, `${s.size} B over its budget ${limit}`);
}
const size = (n) => sizes.find((s) => s.name === n)?.size;
const one = size('@x/modrinth: getProject alone');
const all = size('@x/modrinth (whole package)');
if (!one || !all) fail('size-limit', 'tree-shaking entries missing from .size-limit.json');
else {
  console.log(
    `  getProject alone is ${((100 * one) / all).toFixed(0)}% of the whole @x/modrinth (must be < 60%)`,
  );
  if (one >= 0.6 * all)
    fail('@x/modrinth', 'importing getProject alone pulls in most of the SDK: tree-shaking broke');
}
endStep();

console.log(
  `\ncheck:packages: all checks passed for ${PACKAGES.length} packages in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
);
