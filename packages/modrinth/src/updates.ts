import {
  getLatestVersionsFromHashesBatched,
  type HashAlgorithm,
  type HashBatchOptions,
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

/** Options for {@link checkUpdates}: the update filter, batching, and the digest to send. */
export interface CheckUpdatesOptions extends HashBatchOptions, UpdateFilter {
  /** Which digest to send. sha512 is collision-safe; sha1 is shorter. @default 'sha512' */
  algorithm?: HashAlgorithm;
}

/**
 * For a folder's worth of files, in two batched calls (`versionsFromHashes`
 * and `getLatestVersionsFromHashes`, chunked when large): which version each
 * file is, and whether a newer one exists for the given loaders and game versions.
 */
export async function checkUpdates(
  files: readonly HashedFile[],
  options: CheckUpdatesOptions,
): Promise<UpdateCheck[]> {
  const { algorithm = 'sha512', loaders, game_versions, ...batch } = options;
  const hashes = files.map((f) => f.hashes[algorithm]);
  const current = await versionsFromHashesBatched(hashes, algorithm, batch);
  const known = hashes.filter((h) => current[h]);
  const latest = known.length
    ? await getLatestVersionsFromHashesBatched(known, algorithm, { loaders, game_versions }, batch)
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
