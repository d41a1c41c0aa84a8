import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ModrinthClient, Version } from '@x/modrinth';
import pLimit from 'p-limit';
import { downloadVerified, tempPathIn } from '../lib/download.js';
import { ExitError } from '../lib/errors.js';
import { type InstalledMod, type Profile, readProfile, writeProfile } from '../lib/profile.js';
import type { Progress } from '../lib/progress.js';
import { pathInside } from '../lib/safe-name.js';
import { statePaths } from '../lib/state-folder.js';
import { applyChanges, type Change, discardTemps } from '../lib/swap.js';
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
  /** Downloads at the same time. @default 4 */
  parallel?: number;
}

/** The profile entry for a file that is (or becomes) `version`'s primary file. */
export function installedEntry(
  file: string,
  version: Version,
  project: { slug?: string | null; title?: string | null } | null,
): InstalledMod {
  const primary = primaryFile(version);
  return {
    file,
    projectId: version.project_id,
    ...(project?.slug ? { slug: project.slug } : {}),
    ...(project?.title ? { title: project.title } : {}),
    versionId: version.id,
    versionNumber: version.version_number ?? version.id,
    ...(version.version_type ? { versionType: version.version_type } : {}),
    sha1: primary?.hashes?.sha1 ?? '',
    sha512: primary?.hashes?.sha512 ?? '',
    size: primary?.size ?? 0,
    ...(primary?.url ? { url: primary.url } : {}),
    requires: (version.dependencies ?? []).flatMap((d) =>
      d.dependency_type === 'required' && d.project_id ? [d.project_id] : [],
    ),
  };
}

/** The profile once `plan` is applied: every identified file, at its new version where updated. */
function nextProfile(profile: Profile, scan: ScanResult, options: UpdateOptions): Profile {
  const mods: InstalledMod[] = [];
  for (const f of scan.files) {
    const planned = f.status === 'update available' ? f.newestVersion : undefined;
    const version = planned ?? f.installedVersion;
    if (!version) continue;
    const file = planned ? (primaryFile(planned)?.filename ?? f.file) : f.file;
    const entry = installedEntry(file, version, f.project);
    // The file's own digests (a version may list several files).
    if (!planned) Object.assign(entry, { sha1: f.sha1, sha512: f.sha512 });
    mods.push(entry);
  }
  return { ...profile, loader: options.loader, gameVersion: options.gameVersion, mods };
}

/**
 * Downloads every newer file into the state folder's `tmp/` (a few at a
 * time), verifies its sha512, and only when all are good swaps them in
 * through the journaled, crash-safe `applyChanges`, recording the profile.
 * Pinned mods are left alone. Any failure or Ctrl-C before the swap leaves
 * the folder as it was.
 */
export async function updateFolder(
  client: ModrinthClient,
  dir: string,
  options: UpdateOptions,
): Promise<{ scan: ScanResult; plan: PlannedUpdate[]; applied: boolean }> {
  const profile = await readProfile(dir);
  const scan = await scanFolder(client, dir, {
    ...options,
    channel: options.channel ?? profile.channel,
    pins: profile.pins,
  });
  const plan = planUpdates(scan.files, dir);
  if (options.dryRun) return { scan, plan, applied: false };
  const next = nextProfile(profile, scan, options);
  if (plan.length === 0) {
    await writeProfile(dir, next);
    return { scan, plan, applied: false };
  }
  for (const p of plan) {
    if (p.newFile !== p.file && existsSync(join(dir, p.newFile))) {
      throw new ExitError(
        `${p.newFile} already exists in ${dir}; remove it or the older copy first`,
      );
    }
  }
  const changes = await downloadAll(
    plan.map((p) => ({ ...p, old: p.file })),
    dir,
    options,
  );
  options.signal?.throwIfAborted();
  await applyChanges(dir, changes, next);
  return { scan, plan, applied: true };
}

/** A verified download to make: where from, its digest, and the file it replaces (if any). */
export interface Fetch {
  url: string;
  sha512: string;
  size: number;
  newFile: string;
  old?: string;
}

/**
 * Downloads every file into `tmp/` (at most `parallel` at a time), verified;
 * returns the changes to apply. On any failure the other downloads stop and
 * nothing is left in `tmp/`.
 */
export async function downloadAll(
  fetches: Fetch[],
  dir: string,
  options: Pick<UpdateOptions, 'progress' | 'signal' | 'stallMs' | 'parallel'>,
): Promise<Change[]> {
  const changes: Change[] = [];
  const progress = options.progress(fetches.length);
  const failed = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, failed.signal]) : failed.signal;
  const limit = pLimit(options.parallel ?? 4);
  try {
    await Promise.all(
      fetches.map((f) =>
        limit(async () => {
          signal.throwIfAborted();
          const bar = progress.file(f.newFile, f.size);
          const temp = tempPathIn(statePaths(dir).tmp);
          const change: Change = { temp, final: f.newFile, ...(f.old ? { old: f.old } : {}) };
          changes.push(change);
          try {
            await downloadVerified(f.url, f.newFile, temp, {
              sha512: f.sha512,
              size: f.size,
              onProgress: (received, total) => bar.update(received, total),
              signal,
              ...(options.stallMs ? { stallMs: options.stallMs } : {}),
            });
          } catch (error) {
            if (!failed.signal.aborted) failed.abort(error);
            throw error;
          }
          bar.done();
        }),
      ),
    );
  } catch (error) {
    limit.clearQueue();
    await discardTemps(changes);
    // The first failure is the one to report, not the aborts it caused.
    throw failed.signal.aborted ? failed.signal.reason : error;
  } finally {
    progress.stop();
  }
  return changes;
}
