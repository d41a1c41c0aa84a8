import { basename } from 'node:path';
import {
  checkUpdates,
  getProjectsBatched,
  type ModrinthClient,
  type Project,
  type Version,
} from '@x/modrinth';
import { hashPath } from '@x/modrinth/node';
import { listModFiles } from '../lib/mods-folder.js';

export interface ScanOptions {
  loader: string;
  gameVersion: string;
  signal?: AbortSignal;
}

export type ScanStatus = 'up to date' | 'update available' | 'unknown';

export interface ScannedFile {
  file: string;
  path: string;
  sha1: string;
  sha512: string;
  project: { id: string; slug?: string; title?: string } | null;
  installed: { id: string; versionNumber?: string } | null;
  newest: { id: string; versionNumber?: string } | null;
  status: ScanStatus;
  /** The newest version's file to install, when an update is available. */
  newestVersion?: Version;
}

/**
 * Hashes every mod file in `dir` (streamed sha1 + sha512), identifies them on
 * Modrinth in one batched lookup, and finds the newest version for the loader
 * and game version. Unknown files are kept, with status `unknown`.
 */
export async function scanFolder(
  client: ModrinthClient,
  dir: string,
  options: ScanOptions,
): Promise<ScannedFile[]> {
  const files = await listModFiles(dir);
  const hashed = [];
  for (const f of files) {
    options.signal?.throwIfAborted();
    hashed.push({ name: f.path, hashes: await hashPath(f.path) });
  }
  const checks = await checkUpdates(hashed, {
    client,
    algorithm: 'sha512',
    loaders: [options.loader],
    game_versions: [options.gameVersion],
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const projectIds = [...new Set(checks.flatMap((c) => (c.current ? [c.current.project_id] : [])))];
  const projects = new Map<string, Project>();
  if (projectIds.length) {
    for (const p of await getProjectsBatched(projectIds, {
      client,
      ...(options.signal ? { signal: options.signal } : {}),
    })) {
      if (p.id) projects.set(p.id, p);
    }
  }
  return checks.map((c) => {
    const project = c.current ? projects.get(c.current.project_id) : undefined;
    const newest = c.latest ?? c.current;
    const result: ScannedFile = {
      file: basename(c.file.name),
      path: c.file.name,
      sha1: c.file.hashes.sha1,
      sha512: c.file.hashes.sha512,
      project: c.current
        ? { id: c.current.project_id, slug: project?.slug, title: project?.title }
        : null,
      installed: c.current?.id
        ? { id: c.current.id, versionNumber: c.current.version_number }
        : null,
      newest: newest?.id ? { id: newest.id, versionNumber: newest.version_number } : null,
      status: !c.current ? 'unknown' : c.updateAvailable ? 'update available' : 'up to date',
    };
    if (c.updateAvailable && c.latest) result.newestVersion = c.latest;
    return result;
  });
}
