import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ContractProxy,
  loadSpec,
  specPath,
  startContractProxy,
} from '@x/contract-testing/servers';
import { afterAll, inject } from 'vitest';

export { digest, type LocalServer, localServer, readJson } from '../doubles/local-server.ts';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(appDir, 'dist/cli.js');
export const SAMPLE_MODS = join(appDir, 'sample-mods');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  child: ReturnType<typeof spawn>;
  done: Promise<CliResult>;
}

let cacheHome: string | undefined;
/** The CLI's cache (Modrinth's tag lists) for this test file: never the user's. */
function cacheFolder(): string {
  if (!cacheHome) cacheHome = tempFolder('x-update-cache-');
  return cacheHome;
}

/** Starts the built CLI as a child process (no TTY: progress stays silent), with its own cache. */
export function startCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  nodeArgs: string[] = [],
): CliRun {
  const child = spawn(process.execPath, [...nodeArgs, CLI, ...args], {
    env: {
      ...process.env,
      NO_COLOR: '1',
      MODRINTH_TOKEN: '',
      ITCH_API_KEY: '',
      XDG_CACHE_HOME: cacheFolder(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c) => {
    stdout += c;
  });
  child.stderr?.on('data', (c) => {
    stderr += c;
  });
  const done = new Promise<CliResult>((resolve) => {
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  nodeArgs: string[] = [],
): Promise<CliResult> {
  return startCli(args, env, nodeArgs).done;
}

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
  cacheHome = undefined;
});

/** A fresh empty temp folder, removed after the test file. */
export function tempFolder(prefix = 'x-update-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  copies.push(dir);
  return dir;
}

/** A fresh copy of the bundled sample mods in a temp folder, removed after the test file. */
export function sampleModsCopy(): string {
  const dir = tempFolder('x-update-mods-');
  cpSync(SAMPLE_MODS, dir, { recursive: true });
  return dir;
}

/** relative path -> sha256 of every file in a folder, subfolders and hidden files included. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** A contract-checking proxy in front of `target` (default: the run's Prism for `api`). */
export function proxyFor(api: 'modrinth' | 'itch', target?: string): Promise<ContractProxy> {
  const prism = inject('xContract').servers[api]?.url as string;
  return startContractProxy({ spec: loadSpec(specPath(api)), target: target ?? prism });
}

/**
 * PIDs of running Prism processes started by this test run (their spec copy
 * lies in the run's own temp directory), to prove the CLI leaves none behind;
 * other programs' Prism servers on the machine do not count.
 */
export function prismPids(): Set<number> {
  const pids = new Set<number>();
  const ours = tmpdir();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes('prism-cli') && cmdline.includes(ours)) pids.add(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

/** Prism processes this run started since `before` that are still there after a grace period. */
export async function leftoverPrism(before: Set<number>): Promise<number[]> {
  const fresh = () => [...prismPids()].filter((pid) => !before.has(pid));
  for (let i = 0; i < 40 && fresh().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  return fresh();
}
