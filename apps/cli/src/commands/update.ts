import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ModrinthClient, Version } from '@x/modrinth';
import { downloadVerified, tempPathIn } from '../lib/download.js';
import { ExitError } from '../lib/errors.js';
import type { Progress } from '../lib/progress.js';
import { pathInside } from '../lib/safe-name.js';
import { statePaths } from '../lib/state-folder.js';
import { applyChanges, type Change } from '../lib/swap.js';
import { type ScannedFile, type ScanOptions, type ScanResult, scanFolder } from './scan.js';

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

/**
 * What `update` would do: one entry per file with a newer version. Every name
 * and digest the server sent is checked here, before anything is downloaded.
 */
export function planUpdates(scanned: ScannedFile[], dir: string): PlannedUpdate[] {
  const plan: PlannedUpdate[] = [];
  for (const s of scanned) {
    if (s.status !== 'update available' || !s.newestVersion) continue;
    const file = primaryFile(s.newestVersion);
    const source = `Modrinth (version ${s.newestVersion.id} of ${s.file})`;
    if (!file?.url) throw new ExitError(`${s.file}: ${source} lists no file to download`);
    if (!/^[0-9a-f]{128}$/i.test(file.hashes?.sha512 ?? '')) {
      throw new ExitError(`${s.file}: ${source} lists no valid sha512 for ${file.filename}`);
    }
    pathInside(dir, file.filename, source);
    if (!/^https?:$/.test(new URL(file.url, 'invalid:/').protocol)) {
      throw new ExitError(`${s.file}: ${source} gives a download URL that is not http(s)`);
    }
    plan.push({
      file: s.file,
      from: s.installed?.versionNumber ?? '?',
      to: s.newestVersion.version_number ?? s.newestVersion.id ?? '?',
      newFile: file.filename,
      url: file.url,
      sha512: file.hashes.sha512 as string,
      size: file.size,
    });
  }
  return plan;
}

export interface UpdateOptions extends ScanOptions {
  dryRun?: boolean;
  /** Progress display for the downloads, made once the number of files is known. */
  progress: (files: number) => Progress;
  stallMs?: number;
}

/**
 * Downloads every newer file into the state folder's `tmp/`, verifies its
 * sha512, and only when all are good swaps them in through the journaled,
 * crash-safe `applyChanges`. Any failure or Ctrl-C before the swap leaves the
 * folder as it was.
 */
export async function updateFolder(
  client: ModrinthClient,
  dir: string,
  options: UpdateOptions,
): Promise<{ scan: ScanResult; plan: PlannedUpdate[]; applied: boolean }> {
  const scan = await scanFolder(client, dir, options);
  const plan = planUpdates(scan.files, dir);
  if (options.dryRun || plan.length === 0) return { scan, plan, applied: false };

  for (const p of plan) {
    if (p.newFile !== p.file && existsSync(join(dir, p.newFile))) {
      throw new ExitError(
        `${p.newFile} already exists in ${dir}; remove it or the older copy first`,
      );
    }
  }
  const changes: Change[] = [];
  const progress = options.progress(plan.length);
  try {
    for (const p of plan) {
      const bar = progress.file(p.newFile, p.size);
      const temp = tempPathIn(statePaths(dir).tmp);
      await downloadVerified(p.url, p.newFile, temp, {
        sha512: p.sha512,
        onProgress: (received, total) => bar.update(received, total),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.stallMs ? { stallMs: options.stallMs } : {}),
      });
      changes.push({ old: basename(p.file), temp, final: p.newFile });
      bar.done();
    }
  } catch (error) {
    await Promise.all(changes.map((c) => rm(c.temp, { force: true })));
    throw error;
  } finally {
    progress.stop();
  }
  options.signal?.throwIfAborted();
  await applyChanges(dir, changes);
  return { scan, plan, applied: true };
}
