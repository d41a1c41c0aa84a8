import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { lockFolder } from './lock.js';
import { assertFolder } from './mods-folder.js';
import { ensureStateFolders, statePaths } from './state-folder.js';
import { recoverFolder } from './swap.js';

export interface FolderSession {
  /** What recovery found and did, for people. */
  notes: string[];
  release(): void;
}

/**
 * The start of every command on a mods folder: check it is one, take the
 * folder's lock, and recover whatever a crashed or killed run left (an
 * interrupted swap, downloads in progress, an older x-update's leftovers).
 * A read-only command on a folder x-update never wrote to changes nothing.
 */
export async function openFolder(dir: string, options: { write: boolean }): Promise<FolderSession> {
  await assertFolder(dir);
  const legacy = await recoverLegacyLeftovers(dir);
  if (!options.write && !existsSync(statePaths(dir).root)) {
    return { notes: legacy, release: () => {} };
  }
  const paths = await ensureStateFolders(dir);
  const release = lockFolder(paths.root, dir);
  try {
    const { notes } = await recoverFolder(dir);
    return { notes: [...legacy, ...notes], release };
  } catch (error) {
    release();
    throw error;
  }
}

// What x-update 0.0.0 left when it was killed: `.<name>.<pid>.<time>.part`
// downloads and `<name>.x-update-backup` copies of replaced files.
const OLD_PART = /^\..+\.\d+\.\d+\.part$/;
const OLD_BACKUP = '.x-update-backup';

async function recoverLegacyLeftovers(dir: string): Promise<string[]> {
  const notes: string[] = [];
  for (const name of await readdir(dir)) {
    if (OLD_PART.test(name)) {
      await rm(join(dir, name), { force: true });
      notes.push(`removed ${name}, an unfinished download left by an older x-update`);
    } else if (name.endsWith(OLD_BACKUP)) {
      const original = name.slice(0, -OLD_BACKUP.length);
      if (!existsSync(join(dir, original))) {
        await rename(join(dir, name), join(dir, original));
        notes.push(`restored ${original} from ${name}, left by an interrupted older x-update`);
      } else {
        notes.push(`${name} was left by an older x-update beside ${original}; not touched`);
      }
    }
  }
  return notes;
}
