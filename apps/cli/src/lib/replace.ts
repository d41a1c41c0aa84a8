import { rename, rm } from 'node:fs/promises';

export interface Replacement {
  /** The installed file to retire (kept as a backup until the whole run succeeds). */
  oldPath: string;
  /** A verified download in the same folder. */
  tempPath: string;
  /** Where the new file goes (may equal oldPath). */
  finalPath: string;
}

/**
 * Applies all replacements or none: each old file is renamed to a backup, each
 * temp file renamed into place (atomic within one folder). If any step fails,
 * everything done so far is undone and the folder is as it was.
 */
export async function replaceAll(replacements: Replacement[]): Promise<void> {
  const done: { r: Replacement; backup: string }[] = [];
  try {
    for (const r of replacements) {
      const backup = `${r.oldPath}.x-update-backup`;
      await rename(r.oldPath, backup);
      done.push({ r, backup });
      await rename(r.tempPath, r.finalPath);
    }
  } catch (error) {
    for (const { r, backup } of done.reverse()) {
      if (r.finalPath !== r.oldPath) await rm(r.finalPath, { force: true });
      await rename(backup, r.oldPath);
    }
    await discard(replacements.map((r) => r.tempPath));
    throw error;
  }
  await discard(done.map((d) => d.backup));
}

/** Removes temp files (a failed or interrupted run). */
export async function discard(paths: string[]): Promise<void> {
  await Promise.all(paths.map((p) => rm(p, { force: true })));
}
