import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ModrinthClient, Version } from '@x/modrinth';
import { downloadVerified } from '../lib/download.js';
import { ExitError } from '../lib/errors.js';
import type { Progress } from '../lib/progress.js';
import { discard, replaceAll } from '../lib/replace.js';
import { type ScannedFile, type ScanOptions, scanFolder } from './scan.js';

export interface PlannedUpdate {
  file: string;
  from: string;
  to: string;
  newFile: string;
  url: string;
  sha512: string;
  size: number;
}

function primaryFile(version: Version) {
  return version.files.find((f) => f.primary) ?? version.files[0];
}

/** What `update` would do: one entry per file with a newer version. */
export function planUpdates(scanned: ScannedFile[]): PlannedUpdate[] {
  const plan: PlannedUpdate[] = [];
  for (const s of scanned) {
    if (s.status !== 'update available' || !s.newestVersion) continue;
    const file = primaryFile(s.newestVersion);
    if (!file?.url || !file.hashes?.sha512) {
      throw new ExitError(`${s.file}: the newest version lists no downloadable file with a sha512`);
    }
    plan.push({
      file: s.file,
      from: s.installed?.versionNumber ?? '?',
      to: s.newestVersion.version_number ?? s.newestVersion.id ?? '?',
      newFile: file.filename,
      url: file.url,
      sha512: file.hashes.sha512,
      size: file.size,
    });
  }
  return plan;
}

export interface UpdateOptions extends ScanOptions {
  dryRun?: boolean;
  /** Progress display for the downloads, made once the number of files is known. */
  progress: (files: number) => Progress;
}

/**
 * Downloads every newer file into a temp file in the same folder, verifies its
 * sha512, and only when all are good swaps them in (old files kept as backups
 * until every swap succeeded). Any failure or Ctrl-C leaves the folder as it was.
 */
export async function updateFolder(
  client: ModrinthClient,
  dir: string,
  options: UpdateOptions,
): Promise<{ scanned: ScannedFile[]; plan: PlannedUpdate[]; applied: boolean }> {
  const scanned = await scanFolder(client, dir, options);
  const plan = planUpdates(scanned);
  if (options.dryRun || plan.length === 0) return { scanned, plan, applied: false };

  for (const p of plan) {
    const target = join(dir, p.newFile);
    if (p.newFile !== p.file && existsSync(target)) {
      throw new ExitError(
        `${p.newFile} already exists in ${dir}; remove it or the older copy first`,
      );
    }
  }
  const temps: string[] = [];
  const progress = options.progress(plan.length);
  try {
    const downloads = [];
    for (const p of plan) {
      const bar = progress.file(p.newFile, p.size);
      const temp = await downloadVerified(p.url, join(dir, p.newFile), {
        sha512: p.sha512,
        onProgress: (received, total) => bar.update(received, total),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      temps.push(temp);
      bar.done();
      downloads.push({
        oldPath: join(dir, p.file),
        tempPath: temp,
        finalPath: join(dirname(temp), p.newFile),
      });
    }
    options.signal?.throwIfAborted();
    await replaceAll(downloads);
  } catch (error) {
    await discard(temps);
    throw error;
  } finally {
    progress.stop();
  }
  return { scanned, plan, applied: true };
}
