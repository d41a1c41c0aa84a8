/// <reference types="node" />
/**
 * `saveVersionFile`: a version's file streamed to disk, verified, and put in
 * place atomically (a temporary file in the same folder, flushed, renamed):
 * the destination is either the whole, verified file or what it was before.
 */
import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  type DownloadableFile,
  type DownloadClient,
  type DownloadFields,
  type DownloadOptions,
  safeFileName,
  transfer,
} from './download.js';
import type { FileHashes } from './hashing.js';
import { nodeHasher } from './node-hash.js';

/**
 * Where {@link saveVersionFile} writes: `{ folder }` puts the file in that
 * folder under the server's name made safe (only its last segment: a name
 * such as `../../x` cannot leave the folder); `{ path }` is the exact file
 * path, taken as you give it.
 */
export type SaveDestination = { folder: string; path?: never } | { path: string; folder?: never };

/** Fields of {@link saveVersionFile}: the destination, and progress. */
export type SaveFields = SaveDestination & DownloadFields;

/** A file {@link saveVersionFile} wrote. */
export interface SavedFile {
  /** Absolute path of the file. */
  path: string;
  /** Bytes written. */
  size: number;
  /** Both digests of what was written (one of them checked against Modrinth's). */
  hashes: FileHashes;
}

interface TempFile {
  path: string;
  handle: FileHandle;
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

async function discard(temp: TempFile): Promise<void> {
  await temp.handle.close().catch(() => {});
  await rm(temp.path, { force: true });
}

/** Makes a rename durable: the folder's entry is flushed too (not possible on Windows; skipped there). */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a folder for fsync; the rename itself is still atomic.
  } finally {
    await handle?.close().catch(() => {});
  }
}

/**
 * Downloads a version's file to disk, verified by its `sha512` (else `sha1`)
 * and listed size. The bytes stream into a hidden temporary file beside the
 * destination (never held in memory), which is flushed to disk and renamed
 * over the destination only once it is verified: a failure or an abort
 * leaves nothing (a crash at most a hidden `.x-modrinth-*.part` file), and an
 * existing file is only ever replaced by a verified one. Sent
 * through the client's @x/core fetch (retries, timeouts, redirects) without
 * its token: no credential reaches the CDN. Resolves to the path written.
 *
 * Errors: `HashMismatchError`, `DownloadError` (`unsafe-file-name`,
 * `size-mismatch`, `no-hash`), `UnexpectedResponseError` (an HTML page or a
 * non-200 answer), `TimeoutError`, `ConnectionError`, the `ApiError`s, and
 * the file system's own (`ENOENT` for a missing folder).
 *
 * @example
 * const { path } = await saveVersionFile(modrinth, primaryFile(version), { folder: 'mods' });
 */
export async function saveVersionFile(
  client: DownloadClient,
  file: DownloadableFile,
  to: SaveFields,
  options: DownloadOptions = {},
): Promise<SavedFile> {
  const target =
    typeof to.path === 'string'
      ? resolve(to.path)
      : join(resolve(to.folder as string), safeFileName(file.filename, file.url));
  const folder = dirname(target);
  const done = await transfer<TempFile>(
    client,
    file,
    to,
    options,
    {
      open: async () => {
        const path = join(folder, `.x-modrinth-${randomBytes(8).toString('hex')}.part`);
        return { path, handle: await open(path, 'wx') };
      },
      write: (temp, chunk) => writeAll(temp.handle, chunk),
      discard,
    },
    nodeHasher,
  );
  try {
    await done.sink.handle.sync();
    await done.sink.handle.close();
    await rename(done.sink.path, target);
  } catch (error) {
    await discard(done.sink);
    throw error;
  }
  await syncFolder(folder);
  return { path: target, size: done.size, hashes: done.hashes };
}
