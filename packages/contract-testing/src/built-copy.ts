import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A built package's entry, loaded from a copy of its `dist` missing some chunks. */
export interface BuiltCopy<T> {
  /** The entry module, loaded fresh from the copy. */
  module: T;
  /** The chunk files removed from the copy. */
  removed: string[];
  /** Deletes the copy. */
  done(): void;
}

/**
 * Copies `packageDir/dist` into the package (so its own dependencies, such
 * as `@x/core`, resolve) without the files of `dist/chunks` that `dropped`
 * matches, and imports `entry` from the copy: a chunk that fails to load,
 * as for an application offline before it was fetched, or after a new
 * deployment removed it. The copy's folder is `.lazy-copy-*` (git-ignored);
 * call `done` to delete it.
 */
export async function withoutChunks<T>(
  packageDir: string,
  dropped: RegExp,
  entry = 'index.js',
): Promise<BuiltCopy<T>> {
  const copy = mkdtempSync(join(packageDir, '.lazy-copy-'));
  cpSync(join(packageDir, 'dist'), copy, { recursive: true });
  const chunks = join(copy, 'chunks');
  const removed = readdirSync(chunks).filter((file) => dropped.test(file));
  for (const file of removed) rmSync(join(chunks, file));
  const module = (await import(pathToFileURL(join(copy, entry)).href)) as T;
  return { module, removed, done: () => rmSync(copy, { recursive: true, force: true }) };
}
