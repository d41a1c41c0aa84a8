import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root: the nearest folder above this file holding pnpm-workspace.yaml. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('mock-servers: cannot find the monorepo root');
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
