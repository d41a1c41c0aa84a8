import { open, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Flushes a file's data to the disk. */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entries (renames, creations, removals) to the disk. */
export async function syncFolder(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems cannot sync a folder; the rename is still atomic there.
    if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
  } finally {
    await handle.close();
  }
}

/** Replaces `path` with `text` atomically and durably: a crash leaves the old or the new text. */
export async function writeFileDurably(path: string, text: string): Promise<void> {
  const temp = `${path}.tmp`;
  await writeFile(temp, text);
  await syncFile(temp);
  await rename(temp, path);
  await syncFolder(dirname(path));
}
