import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * x-update's own files live in `.x-update/` inside the mods folder (Minecraft
 * loaders read only the folder's top level):
 * - `tmp/`: downloads in progress (hidden from everything, removed by recovery)
 * - `journal.json`: present only while files are being swapped
 * - `backup/`: the files a swap replaces, while it runs
 * - `previous/`: the files the last update replaced (what `rollback` restores)
 * - `profile.json`: what is installed, pins and settings (see `profile.ts`)
 */
export const STATE_FOLDER = '.x-update';

export function statePaths(dir: string) {
  const root = join(dir, STATE_FOLDER);
  return {
    root,
    tmp: join(root, 'tmp'),
    journal: join(root, 'journal.json'),
    backup: join(root, 'backup'),
    previous: join(root, 'previous'),
    profile: join(root, 'profile.json'),
  };
}

export async function ensureStateFolders(dir: string): Promise<ReturnType<typeof statePaths>> {
  const paths = statePaths(dir);
  await mkdir(paths.tmp, { recursive: true });
  return paths;
}
