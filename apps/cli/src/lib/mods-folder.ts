import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ExitError } from './errors.js';

export const MOD_EXTENSIONS = ['.jar', '.zip', '.mrpack'] as const;

export interface ModFile {
  name: string;
  path: string;
  size: number;
}

/** The mod files directly inside `dir`, sorted by name. Backups and temp files are skipped. */
export async function listModFiles(dir: string): Promise<ModFile[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (cause) {
    throw new ExitError(
      `cannot read mods folder ${dir}: ${(cause as NodeJS.ErrnoException).code ?? cause}`,
      1,
      { cause },
    );
  }
  const files: ModFile[] = [];
  for (const name of entries.sort()) {
    if (!(MOD_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase())) continue;
    const path = join(dir, name);
    const info = await stat(path);
    if (info.isFile()) files.push({ name, path, size: info.size });
  }
  return files;
}
