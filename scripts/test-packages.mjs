#!/usr/bin/env node
// `pnpm test:packages`: the runtime matrix, from the packed tarballs.
//
// Installs .packs/*.tgz (written by `pnpm check:packages`; packed here if
// missing) with npm into a throwaway consumer project in the system temp dir,
// the way a user would, then:
//   - typechecks tests/consumers/node/src with moduleResolution node16 and
//     bundler (skipLibCheck off: the published .d.ts are checked too),
//   - runs it against Prism mocks of both specs on Node 20 (the machine's
//     system Node) and Node 24 (the repo's, which runs this script),
//   - bundles tests/consumers/node/web with Vite and runs it in headless
//     Chromium (Debian's /usr/bin/chromium, driven by playwright-core),
//     asserting on the page text; screenshot in test-artifacts/ (git-ignored),
//   - runs the browser suite (scripts/browser-suite.mjs: the cases in
//     tests/consumers/node/browser-suite/cases/, bundled by Vite with the
//     `browser` export condition) in the same Chromium, one leg per case,
//   - runs the same consumer on Bun and Deno, from their npm packages.
// Ends with "N passed, N failed" and a non-zero exit code on any failure.
// Env: X_SKIP_BROWSER=1 skips the browser legs where Chromium is missing
// (never in CI: .ci/run installs it); X_ONLY_BROWSER=1 runs only the
// install, the typechecks and the browser legs (while writing browser cases).
import { execFileSync, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { runBrowserSuite, startSuiteOrigins } from './browser-suite.mjs';
import { PACKAGES, packsDir, pnpmCommand, root, systemBin } from './lib.mjs';

const VERSIONS = {
  typescript: '5.9.3',
  '@types/node': '20.19.43',
  vite: '8.3.8',
  bun: '1.4.5',
  deno: '2.9.6',
};
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Thrown past the Bun and Deno legs with X_ONLY_BROWSER=1. */
class SkipRest extends Error {}
const artifacts = join(root, 'test-artifacts');
const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const results = [];
const cleanups = [];

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) {
    const e = new Error(
      `${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}\n${out || r.error}`,
    );
    e.output = out;
    throw e;
  }
  return out;
}
async function leg(name, fn) {
  const start = Date.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true });
    console.log(
      `  ✓ ${name} (${((Date.now() - start) / 1000).toFixed(1)}s)${detail ? `: ${detail}` : ''}`,
    );
  } catch (error) {
    results.push({ name, ok: false });
    console.log(
      `  ✗ ${name} (${((Date.now() - start) / 1000).toFixed(1)}s)\n${String(error.message ?? error).replace(/^/gm, '      ')}`,
    );
  }
}

// --- tarballs
let tarballs = Object.fromEntries(
  PACKAGES.map((p) => [
    p,
    existsSync(packsDir) ? readdirSync(packsDir).find((f) => f.startsWith(`x-${p}-`)) : undefined,
  ]),
);
if (Object.values(tarballs).some((t) => !t)) {
  console.log(`--- packing (no tarballs in .packs/; ${since()})`);
  mkdirSync(packsDir, { recursive: true });
  const [cmd, ...args] = pnpmCommand();
  for (const p of PACKAGES) {
    execFileSync(cmd, [...args, 'pack', '--pack-destination', packsDir], {
      cwd: join(root, 'packages', p),
      stdio: 'pipe',
    });
  }
  tarballs = Object.fromEntries(
    PACKAGES.map((p) => [p, readdirSync(packsDir).find((f) => f.startsWith(`x-${p}-`))]),
  );
}

// --- consumer project
const node20 = systemBin('node');
const npm = systemBin('npm');
const node20Version = sh(node20, ['--version']).trim();
const work = mkdtempSync(join(tmpdir(), 'x-consumer-'));
cleanups.push(() => rmSync(work, { recursive: true, force: true }));
const app = join(work, 'app');
cpSync(join(root, 'tests/consumers/node'), app, { recursive: true });
const dep = (p) => `file:${join(packsDir, tarballs[p])}`;
writeFileSync(
  join(app, 'package.json'),
  `${JSON.stringify(
    {
      name: 'x-sdks-consumer',
      private: true,
      type: 'module',
      dependencies: Object.fromEntries(PACKAGES.map((p) => [`@x/${p}`, dep(p)])),
      devDependencies: {
        typescript: VERSIONS.typescript,
        '@types/node': VERSIONS['@types/node'],
        vite: VERSIONS.vite,
      },
      // @x/itch and @x/modrinth depend on "@x/core": "^0.1.0": take it from the tarball, never the registry.
      overrides: { '@x/core': '$@x/core' },
    },
    null,
    2,
  )}\n`,
);

console.log(`--- consumer project in ${app} (${since()})`);
console.log(`    system node ${node20Version} (${node20}), repo node ${process.version}`);
let installed = false;
await leg('npm install of the packed tarballs (system npm, Node 20)', () => {
  sh(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: app,
    env: { ...process.env, PATH: `${join(node20, '..')}${delimiter}${process.env.PATH}` },
  });
  const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8'));
  const core = Object.entries(lock.packages).filter(([k]) => k.endsWith('node_modules/@x/core'));
  if (core.length !== 1 || !String(core[0][1].resolved).startsWith('file:')) {
    throw new Error(`@x/core should be installed once, from the tarball: ${JSON.stringify(core)}`);
  }
  installed = true;
  return PACKAGES.map(
    (p) =>
      `@x/${p}@${JSON.parse(readFileSync(join(app, `node_modules/@x/${p}/package.json`))).version}`,
  ).join(', ');
});

const tsc = join(app, 'node_modules/typescript/bin/tsc');
for (const mode of ['node16', 'bundler']) {
  await leg(`typecheck, moduleResolution ${mode}`, () => {
    if (!installed) throw new Error('not installed');
    sh(process.execPath, [tsc, '-p', `tsconfig.${mode}.json`], { cwd: app });
  });
  // src/honest-types.ts again with exactOptionalPropertyTypes: the field types users rely on.
  await leg(
    `typecheck, moduleResolution ${mode}, exactOptionalPropertyTypes (honest types)`,
    () => {
      if (!installed) throw new Error('not installed');
      sh(process.execPath, [tsc, '-p', `tsconfig.${mode}.exact.json`], { cwd: app });
    },
  );
}

try {
  // --- mocks
  console.log(`--- Prism mocks (${since()})`);
  const { startMockServer } = await import(join(root, 'packages/contract-testing/src/servers.ts'));
  const [modrinth, itch] = await Promise.all([
    startMockServer('modrinth'),
    startMockServer('itch'),
  ]);
  cleanups.push(() => Promise.all([modrinth.stop(), itch.stop()]));
  console.log(`    modrinth ${modrinth.url}, itch ${itch.url} (${since()})`);

  const mainJs = join(app, 'dist/main.js');
  const runMain = (cmd, args) => {
    const out = sh(cmd, [...args, modrinth.url, itch.url], { cwd: app, timeout: 60_000 });
    const line = out
      .trim()
      .split('\n')
      .find((l) => l.startsWith('{'));
    const r = JSON.parse(line);
    return `${r.projectTitle} / ${r.searchHits} hits / ${r.gameTitle} / ${r.notFound}`;
  };
  const { X_ONLY_BROWSER: onlyBrowserFlag } = process.env;
  const onlyBrowser = onlyBrowserFlag === '1';
  if (!onlyBrowser) {
    await leg(`Node 20 (${node20Version}) runs the consumer against Prism`, () =>
      runMain(node20, [mainJs]),
    );
    await leg(`Node 24 (${process.version}) runs the consumer against Prism`, () =>
      runMain(process.execPath, [mainJs]),
    );
    /** Runs the honest-types program on Node 20 against the two APIs; its JSON summary line. */
    const honestTypes = (modrinthUrl, itchUrl) => {
      const out = sh(node20, [join(app, 'dist/honest-types.js'), modrinthUrl, itchUrl], {
        cwd: app,
        timeout: 60_000,
      });
      return JSON.parse(
        out
          .trim()
          .split('\n')
          .find((l) => l.startsWith('{')),
      );
    };
    await leg(`Node 20 (${node20Version}) runs the honest-types program against Prism`, () => {
      const r = honestTypes(modrinth.url, itch.url);
      return `${r.title} / ${r.name} / sha512 ${r.sha512Length} chars / game ${r.gameTitle}`;
    });
    await leg(
      `Node 20 (${node20Version}) runs the honest-types program against the recorded answers (fixtures)`,
      async () => {
        const fixtures = new Worker(new URL('./fixture-server.mjs', import.meta.url));
        const [{ port }] = await once(fixtures, 'message');
        try {
          const base = `http://127.0.0.1:${port}`;
          const r = honestTypes(`${base}/v2`, base);
          if (r.title !== 'Sodium' || r.notFoundCode !== 'not_found' || r.gameId !== 1328853) {
            throw new Error(`unexpected answer read: ${JSON.stringify(r)}`);
          }
          return `${r.title} (slug ${r.slug}) / ${r.name} / sha512 ${r.sha512Length} chars / ${r.notFoundCode} / game ${r.gameTitle}, ${r.uploads} uploads`;
        } finally {
          const exited = once(fixtures, 'exit');
          fixtures.postMessage('close');
          await exited;
        }
      },
    );
  }

  // --- browser
  console.log(`--- browser (${since()})`);
  const { X_SKIP_BROWSER: skipBrowser, CI: ci } = process.env;
  if (!existsSync(CHROMIUM) && skipBrowser === '1' && ci !== 'true') {
    console.log(`    skipped: no ${CHROMIUM} (X_SKIP_BROWSER=1)`);
  } else {
    await leg('Vite bundle of @x/modrinth, searched in headless Chromium', async () => {
      sh(
        process.execPath,
        [
          join(app, 'node_modules/vite/bin/vite.js'),
          'build',
          'web',
          '--outDir',
          '../web-dist',
          '--logLevel',
          'warn',
        ],
        {
          cwd: app,
        },
      );
      const server = await serveStatic(join(app, 'web-dist'));
      cleanups.push(() => new Promise((r) => server.close(r)));
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
      });
      cleanups.push(() => browser.close());
      const page = await browser.newPage({ viewport: { width: 900, height: 520 } });
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${server.url}/index.html?api=${encodeURIComponent(modrinth.url)}`);
      const status = page.locator('#status');
      await status.filter({ hasText: /^(ok|error)/ }).waitFor({ timeout: 20_000 });
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'browser-modrinth-search.png') });
      const text = await status.textContent();
      const items = await page.locator('#results li').allTextContents();
      // The page also downloads a file (beside it) and verifies its sha512.
      const verified = text?.includes('sha512 verified');
      if (
        !text?.startsWith('ok: ') ||
        !verified ||
        items.length === 0 ||
        !/downloads/.test(items[0])
      ) {
        throw new Error(
          `page shows "${text}", ${items.length} results; page errors: ${errors.join('; ')}`,
        );
      }
      return `"${text}", first: "${items[0]}"; screenshot test-artifacts/browser-modrinth-search.png`;
    });

    let suiteUrl;
    await leg('Vite bundle of the browser suite (browser export condition)', async () => {
      sh(
        process.execPath,
        [
          join(app, 'node_modules/vite/bin/vite.js'),
          'build',
          'browser-suite',
          '--outDir',
          '../suite-dist',
          '--logLevel',
          'warn',
        ],
        { cwd: app },
      );
      const server = await serveStatic(join(app, 'suite-dist'));
      cleanups.push(() => new Promise((r) => server.close(r)));
      suiteUrl = `${server.url}/index.html`;
      const js = readdirSync(join(app, 'suite-dist/assets')).filter((f) => f.endsWith('.js'));
      return `${js.length} script(s)`;
    });
    if (suiteUrl) {
      const origins = await startSuiteOrigins();
      cleanups.push(() => origins.close());
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      cleanups.push(() => browser.close());
      mkdirSync(artifacts, { recursive: true });
      const env = {
        api: origins.api,
        other: origins.other,
        labrinth: origins.labrinth,
        prism: { modrinth: modrinth.url, itch: itch.url },
      };
      await runBrowserSuite({ browser, suiteUrl, env, leg, artifacts });
    }
  }
  if (onlyBrowser) throw new SkipRest();

  // --- Bun and Deno, from their npm packages
  console.log(`--- Bun and Deno (${since()})`);
  const npx = systemBin('npx');
  await leg(`Bun ${VERSIONS.bun} (npm package) runs the consumer`, () =>
    runMain(npx, ['-y', `bun@${VERSIONS.bun}`, 'dist/main.js']),
  );
  const deno = (file) => [
    '-y',
    `deno@${VERSIONS.deno}`,
    'run',
    '--allow-net',
    '--allow-read',
    '--allow-env',
    file,
  ];
  // No SDK option may reach a RequestInit: Deno's Request reads `client` as a
  // Deno.HttpClient (the reason this leg exists).
  await leg(`Deno ${VERSIONS.deno} (npm package) runs the consumer`, () =>
    runMain(npx, deno('dist/main.js')),
  );
  await leg(
    `Deno ${VERSIONS.deno} runs the calls through the standalone functions (/operations)`,
    () => runMain(npx, deno('dist/default-client.js')),
  );
  await leg(`Node 20 runs the calls through the standalone functions (/operations)`, () =>
    runMain(node20, [join(app, 'dist/default-client.js')]),
  );
} catch (error) {
  if (!(error instanceof SkipRest)) throw error;
} finally {
  for (const c of cleanups.reverse()) {
    try {
      await c();
    } catch {}
  }
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`\ntest:packages took ${since()}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

/** A static file server on a free loopback port for the Vite build. */
function serveStatic(dir) {
  const types = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
  };
  return new Promise((resolveServer) => {
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const file = join(dir, path === '/' ? 'index.html' : path);
      if (!file.startsWith(dir) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    });
    server.listen(0, '127.0.0.1', () => {
      server.url = `http://127.0.0.1:${server.address().port}`;
      resolveServer(server);
    });
  });
}
