// The SDKs as users install them, for the rate-limit cases (issue 20 asks
// for them "through the packed tarballs"): the workspace packages packed by
// pnpm, as `pnpm publish` would, and installed by npm into a throwaway
// project. `installPacked` does it once per run and names the project in
// `X_BENCH_PACKED` for the processes it starts; `loadSdk` imports a package
// from there (or from the workspace when the variable is unset, e.g. when a
// child is run by hand).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pnpmCommand, root, systemBin } from '../../../scripts/lib.mjs';

const ENV = 'X_BENCH_PACKED';
/** What the rate-limit cases load: the Modrinth SDK, its @x/core, the Redis store. */
const PACKED = ['core', 'modrinth', 'ratelimit-redis'];

/** Packs the built packages and installs them into a temporary project; sets `X_BENCH_PACKED`. */
export function installPacked(): { dir: string; cleanup: () => void } {
  // Real path: where the resolver's answers start (macOS's tmpdir is a symlink).
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'x-bench-packed-')));
  try {
    install(dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  process.env[ENV] = dir;
  return {
    dir,
    cleanup: () => {
      delete process.env[ENV];
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Packs the packages into `dir`/packs and installs them into `dir` with npm. */
function install(dir: string): void {
  const packs = join(dir, 'packs');
  mkdirSync(packs);
  const [cmd = 'npx', ...args] = pnpmCommand();
  const tarball: Record<string, string> = {};
  for (const p of PACKED) {
    execFileSync(cmd, [...args, 'pack', '--pack-destination', packs], {
      cwd: join(root, 'packages', p),
      stdio: 'pipe',
    });
    const file = readdirSync(packs).find((f) => f.startsWith(`x-${p}-`));
    if (!file) throw new Error(`bench: pnpm pack wrote no tarball for @x/${p}`);
    tarball[p] = join(packs, file);
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'x-bench-packed',
      private: true,
      type: 'module',
      dependencies: Object.fromEntries(PACKED.map((p) => [`@x/${p}`, `file:${tarball[p]}`])),
      // The SDKs depend on "@x/core": "^0.1.0": the tarball's, never the registry's.
      overrides: { '@x/core': '$@x/core' },
    }),
  );
  execFileSync(
    systemBin('npm'),
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/** Imports `name` (an @x package) from the installed tarballs when `X_BENCH_PACKED` names them. */
export async function loadSdk<T>(name: string): Promise<T> {
  const dir = process.env[ENV];
  if (!dir) return (await import(name)) as T;
  const entry = createRequire(join(dir, 'package.json')).resolve(name);
  if (!entry.startsWith(dir)) throw new Error(`bench: ${name} resolved outside ${dir}: ${entry}`);
  process.stderr.write(`[bench] ${name} from ${entry}\n`);
  return (await import(pathToFileURL(entry).href)) as T;
}
