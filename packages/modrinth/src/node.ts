/// <reference types="node" />
/**
 * Node-only helpers (`@x/modrinth/node`): hash files by path with
 * `node:crypto`, upload files from disk, check a mods folder for updates,
 * save a version's file to disk verified and atomically.
 * Kept out of the main entry so browser bundles never see `node:` imports.
 */
import { createReadStream, openAsBlob } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { OperationOptions, OperationTarget } from '@x/core/client';
import type { FileHashes } from './hashing.js';
import { nodeHasher } from './node-hash.js';

export {
  type SaveDestination,
  type SavedFile,
  type SaveFields,
  saveVersionFile,
} from './save.js';

import {
  type CheckUpdatesInput,
  checkUpdates,
  type HashedFile,
  type UpdateCheck,
} from './updates.js';

/** SHA-1 and SHA-512 of a file, streamed from disk in one pass (native `node:crypto`). */
export async function hashPath(path: string): Promise<FileHashes> {
  const hasher = nodeHasher();
  for await (const chunk of createReadStream(path)) hasher.update(chunk as Buffer);
  return hasher.digest();
}

/**
 * A `File` backed by the file on disk (read when sent, not now), named after
 * the file, for `createVersion` / `addFilesToVersion` / icon uploads.
 */
export async function fileFromPath(
  path: string,
  options: { type?: string; name?: string } = {},
): Promise<File> {
  const blob = await openAsBlob(path, options.type ? { type: options.type } : undefined);
  return new File([blob], options.name ?? basename(path), { type: options.type ?? '' });
}

/** Options for {@link hashFolder}. */
export interface HashFolderOptions {
  /** File extensions to include. @default ['.jar', '.zip', '.mrpack'] */
  extensions?: readonly string[] | undefined;
}

/** Hashes the files directly inside `dir` (names are full paths). */
export async function hashFolder(
  dir: string,
  options: HashFolderOptions = {},
): Promise<HashedFile[]> {
  const extensions = options.extensions ?? ['.jar', '.zip', '.mrpack'];
  const entries = await readdir(dir, { withFileTypes: true });
  const out: HashedFile[] = [];
  for (const entry of entries.sort((x, y) => x.name.localeCompare(y.name))) {
    if (!entry.isFile() || !extensions.some((e) => entry.name.toLowerCase().endsWith(e))) continue;
    const path = join(dir, entry.name);
    out.push({ name: path, hashes: await hashPath(path) });
  }
  return out;
}

/**
 * Hashes a mods folder and checks every file for updates (see `checkUpdates`):
 * `checkFolderForUpdates(modrinth, './mods', { loaders, game_versions })`.
 */
export async function checkFolderForUpdates(
  client: OperationTarget,
  dir: string,
  input: CheckUpdatesInput & HashFolderOptions,
  options?: OperationOptions,
): Promise<UpdateCheck[]> {
  const { extensions, ...rest } = input;
  return checkUpdates(
    client,
    await hashFolder(dir, extensions ? { extensions } : {}),
    rest,
    options,
  );
}
