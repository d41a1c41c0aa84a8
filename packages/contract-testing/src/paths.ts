import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Kept here, not imported from @x/mock-servers (which has the same three
// helpers): scripts/test.mjs loads this file through fixtures.ts before turbo
// has built anything, so it must not need a built package.

/** The monorepo root: the nearest folder above this file holding pnpm-workspace.yaml. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('contract-testing: cannot find the monorepo root');
    dir = parent;
  }
  return dir;
}

/** The two specs the project is built from, by short name. */
export const SPEC_FILES = {
  itch: 'itch.openapi.json',
  modrinth: 'modrinth.openapi.yaml',
} as const;

export type SpecName = keyof typeof SPEC_FILES;

export function specPath(name: SpecName): string {
  return resolve(repoRoot(), 'specs', SPEC_FILES[name]);
}

export function defaultCoverageDir(): string {
  return resolve(repoRoot(), 'contract-coverage');
}
