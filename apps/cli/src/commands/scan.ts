import { isNewerVersion, type ModrinthClient, type Project, type Version } from '@x/modrinth';
import { hashPath } from '@x/modrinth/node';
import { describeFsError, type FolderListing, listModFolder } from '../lib/mods-folder.js';
import { acceptedTypes, type Channel } from '../lib/profile.js';

export interface ScanOptions {
  loader: string;
  gameVersion: string;
  signal?: AbortSignal;
  /** Release channel: which version types count as updates. @default 'release' */
  channel?: Channel;
  /** Slugs, project ids or file names whose updates are held back. */
  pins?: string[];
}

export type ScanStatus = 'up to date' | 'update available' | 'pinned' | 'unknown';

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
  /** The version this file is, when known. */
  installedVersion?: Version;
}

export interface ScanResult extends Omit<FolderListing, 'files'> {
  files: ScannedFile[];
}

/**
 * Hashes every mod file in `dir` (streamed sha1 + sha512), identifies them on
 * Modrinth in one batched lookup, and finds the newest version for the loader
 * and game version. Only a version published later than the installed one is
 * an update. Unknown files are kept, with status `unknown`; unreadable ones
 * are reported in `problems` and the rest go on.
 */
export async function scanFolder(
  client: ModrinthClient,
  dir: string,
  options: ScanOptions,
): Promise<ScanResult> {
  const { files, ...listing } = await listModFolder(dir);
  const hashed: { name: string; file: string; hashes: Awaited<ReturnType<typeof hashPath>> }[] = [];
  for (const f of files) {
    options.signal?.throwIfAborted();
    try {
      hashed.push({ name: f.path, file: f.name, hashes: await hashPath(f.path) });
    } catch (error) {
      listing.problems.push({ name: f.name, problem: describeFsError(error) });
    }
  }
  if (hashed.length === 0) return { ...listing, files: [] };
  const checks = await client.checkUpdates(
    hashed,
    { algorithm: 'sha512', loaders: [options.loader], game_versions: [options.gameVersion] },
    { signal: options.signal },
  );
  const projectIds = [...new Set(checks.flatMap((c) => (c.current ? [c.current.project_id] : [])))];
  const projects = new Map<string, Project>();
  if (projectIds.length) {
    for (const p of await client.getProjectsBatched(projectIds, {}, { signal: options.signal })) {
      if (p.id) projects.set(p.id, p);
    }
  }
  const accepted = acceptedTypes(options.channel ?? 'release');
  const scanned: ScannedFile[] = [];
  for (const [i, c] of checks.entries()) {
    const project = c.current ? projects.get(c.current.project_id) : undefined;
    let candidate = c.latest;
    if (c.current && candidate && !accepted.includes(candidate.version_type ?? 'release')) {
      // The newest is outside the channel: the newest inside it, if any.
      candidate = await newestInChannel(client, c.current.project_id, accepted, options);
    }
    const newer =
      c.current && candidate && isNewerVersion(candidate, c.current) ? candidate : undefined;
    const newest = newer ?? c.current;
    const name = hashed[i]?.file ?? c.file.name;
    const pinned = (options.pins ?? []).some(
      (p) => p === name || p === c.current?.project_id || (project?.slug && p === project.slug),
    );
    const result: ScannedFile = {
      file: name,
      path: c.file.name,
      sha1: c.file.hashes.sha1,
      sha512: c.file.hashes.sha512,
      project: c.current
        ? // A project may have no slug (labrinth sends `slug: null`): left out then.
          { id: c.current.project_id, slug: project?.slug ?? undefined, title: project?.title }
        : null,
      installed: c.current?.id
        ? { id: c.current.id, versionNumber: c.current.version_number }
        : null,
      newest: newest?.id ? { id: newest.id, versionNumber: newest.version_number } : null,
      status: !c.current
        ? 'unknown'
        : newer
          ? pinned
            ? 'pinned'
            : 'update available'
          : 'up to date',
    };
    if (newer) result.newestVersion = newer;
    if (c.current) result.installedVersion = c.current;
    scanned.push(result);
  }
  return { ...listing, files: scanned };
}

/** The newest version of a project among the accepted version types, for the loader and game version. */
export async function newestInChannel(
  client: ModrinthClient,
  projectId: string,
  accepted: string[],
  options: Pick<ScanOptions, 'loader' | 'gameVersion' | 'signal'>,
): Promise<Version | undefined> {
  const versions = await client.getProjectVersions(
    projectId,
    { loaders: [options.loader], game_versions: [options.gameVersion] },
    { signal: options.signal },
  );
  return versions
    .filter((v) => accepted.includes(v.version_type ?? 'release'))
    .reduce<Version | undefined>(
      (best, v) => (!best || isNewerVersion(v, best) ? v : best),
      undefined,
    );
}

/**
 * What was and was not checked, in one line: never "up to date" when
 * nothing was identified.
 */
export function describeScan(result: ScanResult, dir: string): string[] {
  const lines: string[] = [];
  const known = result.files.filter((f) => f.status !== 'unknown').length;
  const unknown = result.files.length - known;
  const updates = result.files.filter((f) => f.status === 'update available').length;
  const pinned = result.files.filter((f) => f.status === 'pinned').length;
  if (result.files.length === 0 && result.problems.length === 0) {
    lines.push(
      `no mod files (.jar, .zip, .mrpack) at the top level of ${dir}: nothing was checked`,
    );
  } else if (known === 0 && result.files.length > 0) {
    const which =
      result.files.length === 1
        ? 'the only file is not'
        : `none of the ${result.files.length} files is`;
    lines.push(`${which} known to Modrinth: nothing could be checked for updates`);
  } else {
    lines.push(
      `${plural(result.files.length, 'file')}: ${known} checked on Modrinth (${updates} with updates${pinned ? `, ${pinned} pinned` : ''}), ${unknown} unknown (not checked)`,
    );
  }
  if (result.disabled.length) lines.push(`disabled, not checked: ${result.disabled.join(', ')}`);
  if (result.subfolders.length) {
    lines.push(
      `subfolders, not scanned (loaders read only the top level): ${result.subfolders.join(', ')}`,
    );
  }
  for (const p of result.problems) lines.push(`could not read ${p.name}: ${p.problem}`);
  return lines;
}

export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
