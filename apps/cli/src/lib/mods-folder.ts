import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ExitError } from './errors.js';
import { STATE_FOLDER } from './state-folder.js';

export const MOD_EXTENSIONS = ['.jar', '.zip', '.mrpack'] as const;
const DISABLED = '.disabled';

export interface ModFile {
  name: string;
  path: string;
  size: number;
}

export interface FolderListing {
  /** Mod files at the folder's top level, sorted by name. */
  files: ModFile[];
  /** `*.jar.disabled` and the like: listed, never checked or updated. */
  disabled: string[];
  /** Subfolders (not scanned: loaders read only the top level). */
  subfolders: string[];
  /** Entries that could not be read, with the reason in words. */
  problems: { name: string; problem: string }[];
}

const isMod = (name: string) =>
  (MOD_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());

/** Turns a file-system error into words a user can act on. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'it is not a folder';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EIO':
      return 'the disk could not read it';
    default:
      return (error as Error).message ?? String(error);
  }
}

/** Checks `dir` is a readable folder, with the problem in words. */
export async function assertFolder(dir: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(dir);
  } catch (cause) {
    throw new ExitError(`cannot read mods folder ${dir}: ${describeFsError(cause)}`, 1, { cause });
  }
  if (!info.isDirectory()) throw new ExitError(`${dir} is a file, not a mods folder`);
}

/** What is in a mods folder; one unreadable entry is reported and the rest go on. */
export async function listModFolder(dir: string): Promise<FolderListing> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (cause) {
    throw new ExitError(`cannot read mods folder ${dir}: ${describeFsError(cause)}`, 1, { cause });
  }
  const listing: FolderListing = { files: [], disabled: [], subfolders: [], problems: [] };
  for (const name of entries.sort()) {
    if (name === STATE_FOLDER) continue;
    const path = join(dir, name);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      if (isMod(name)) listing.problems.push({ name, problem: describeFsError(error) });
      continue;
    }
    if (info.isDirectory()) {
      if (!name.startsWith('.')) listing.subfolders.push(name);
    } else if (!info.isFile()) continue;
    else if (isMod(name)) listing.files.push({ name, path, size: info.size });
    else if (name.toLowerCase().endsWith(DISABLED) && isMod(name.slice(0, -DISABLED.length))) {
      listing.disabled.push(name);
    }
  }
  return listing;
}
