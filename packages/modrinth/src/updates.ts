import type { OperationOptions, OperationTarget } from '@x/core/client';
import {
  getLatestVersionsFromHashesBatched,
  type HashAlgorithm,
  type UpdateFilter,
  versionsFromHashesBatched,
} from './batch.js';
import type { Version } from './generated/types.gen.js';
import type { FileHashes } from './hashing.js';
import { isNewerVersion } from './newer.js';

/** A local file: a name you choose (its path, say) and its hashes. */
export interface HashedFile {
  /** Identifies the file in the results. */
  name: string;
  /** The file's SHA-1 and SHA-512. */
  hashes: FileHashes;
}

/** The result of {@link checkUpdates} for one file. */
export interface UpdateCheck {
  /** The file checked. */
  file: HashedFile;
  /** The version this exact file belongs to, if Modrinth knows the file. */
  current?: Version;
  /** The newest version of the same project for the loaders/game versions asked, if any. */
  latest?: Version;
  /**
   * `latest` is newer than `current`: published later, or on the same date
   * with a higher version number ({@link isNewerVersion}). A different but
   * older version (the installed build is newer than any matching the
   * filters) is no update: never a downgrade.
   */
  updateAvailable: boolean;
}

/** Input of {@link checkUpdates}: the update filter, the digest to send, batching. */
export interface CheckUpdatesInput extends UpdateFilter {
  /** Which digest to send. sha512 is collision-safe; sha1 is shorter. @default 'sha512' */
  algorithm?: HashAlgorithm | undefined;
  /** Hashes per request body. @default 500 */
  chunkSize?: number | undefined;
}

/**
 * For a folder's worth of files, in two batched calls (`versionsFromHashes`
 * and `getLatestVersionsFromHashes`, chunked when large): which version each
 * file is, and whether a newer one exists for the given loaders and game versions.
 */
export async function checkUpdates(
  client: OperationTarget,
  files: readonly HashedFile[],
  input: CheckUpdatesInput,
  options?: OperationOptions,
): Promise<UpdateCheck[]> {
  const { algorithm = 'sha512', loaders, game_versions, chunkSize } = input;
  const hashes = files.map((f) => f.hashes[algorithm]);
  const lookup = { algorithm, chunkSize };
  const current = await versionsFromHashesBatched(client, hashes, lookup, options);
  const known = hashes.filter((h) => current[h]);
  const latest = known.length
    ? await getLatestVersionsFromHashesBatched(
        client,
        known,
        { ...lookup, loaders, game_versions },
        options,
      )
    : {};
  return files.map((file) => {
    const hash = file.hashes[algorithm];
    const cur = current[hash];
    const next = latest[hash];
    const check: UpdateCheck = {
      file,
      updateAvailable: Boolean(next && cur && isNewerVersion(next, cur)),
    };
    if (cur) check.current = cur;
    if (next) check.latest = next;
    return check;
  });
}
