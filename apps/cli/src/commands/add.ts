import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type ModrinthClient, NotFoundError, type Version } from '@x/modrinth';
import { ExitError } from '../lib/errors.js';
import { acceptedTypes, type Channel, readProfile } from '../lib/profile.js';
import type { Progress } from '../lib/progress.js';
import { pathInside } from '../lib/safe-name.js';
import { applyChanges } from '../lib/swap.js';
import { newestInChannel, scanFolder } from './scan.js';
import { downloadAll, installedEntry } from './update.js';

export interface AddOptions {
  loader: string;
  gameVersion: string;
  channel?: Channel;
  signal?: AbortSignal;
  stallMs?: number;
  parallel?: number;
  progress: (files: number) => Progress;
}

export interface Added {
  project: string;
  title: string;
  version: string;
  file: string;
  /** `requested`, or the project that requires it. */
  reason: string;
}

/**
 * Adds projects (by slug or id) at their newest version for the loader, game
 * version and channel, with every required dependency not already installed.
 * Refused when a dependency (either way) is marked incompatible with an
 * installed or added mod. Downloads are verified; the files arrive through
 * the crash-safe swap, recorded in the profile.
 */
export async function addMods(
  client: ModrinthClient,
  dir: string,
  refs: string[],
  options: AddOptions,
): Promise<Added[]> {
  const profile = await readProfile(dir);
  const channel = options.channel ?? profile.channel;
  const scan = await scanFolder(client, dir, { ...options, channel });
  const installed = new Map<string, { name: string; version?: Version }>();
  for (const f of scan.files) {
    if (f.project)
      installed.set(f.project.id, {
        name: f.project.slug ?? f.file,
        ...(f.installedVersion ? { version: f.installedVersion } : {}),
      });
  }
  const chosen = new Map<
    string,
    { version: Version; slug: string; title: string; reason: string }
  >();
  const queue: { ref: string; reason: string; versionId?: string }[] = refs.map((ref) => ({
    ref,
    reason: 'requested',
  }));
  while (queue.length > 0) {
    const next = queue.shift() as (typeof queue)[number];
    const project = await client
      .getProject(next.ref, { signal: options.signal })
      .catch((error: unknown) => {
        if (error instanceof NotFoundError) {
          throw new ExitError(`Modrinth has no project "${next.ref}" (${next.reason})`);
        }
        throw error;
      });
    if (installed.has(project.id) || chosen.has(project.id)) {
      if (next.reason === 'requested') {
        const where = installed.get(project.id)?.name;
        throw new ExitError(
          `${project.slug} is already ${where ? `installed (${where}); use \`x-update update\`` : 'being added'}`,
        );
      }
      continue;
    }
    const version = next.versionId
      ? await client.getVersion(next.versionId, { signal: options.signal })
      : await newestInChannel(client, project.id, acceptedTypes(channel), options);
    if (!version) {
      throw new ExitError(
        `${project.slug} has no ${channel} version for ${options.loader} ${options.gameVersion}`,
      );
    }
    chosen.set(project.id, {
      version,
      slug: project.slug ?? project.id,
      title: project.title ?? project.slug ?? project.id,
      reason: next.reason,
    });
    for (const d of version.dependencies ?? []) {
      if (d.dependency_type === 'required' && d.project_id) {
        queue.push({
          ref: d.project_id,
          reason: `required by ${project.slug}`,
          ...(d.version_id ? { versionId: d.version_id } : {}),
        });
      }
    }
  }
  refuseIncompatible(chosen, installed);

  const fetches = [...chosen.values()].map(({ version, slug }) => {
    const file = version.files.find((f) => f.primary) ?? version.files[0];
    const source = `Modrinth (version ${version.id} of ${slug})`;
    if (!file || !/^[0-9a-f]{128}$/i.test(file.hashes?.sha512 ?? '')) {
      throw new ExitError(`${slug}: ${source} lists no file with a valid sha512`);
    }
    pathInside(dir, file.filename, source);
    if (existsSync(join(dir, file.filename))) {
      throw new ExitError(`${file.filename} already exists in ${dir}; remove it first`);
    }
    return {
      url: file.url,
      sha512: file.hashes.sha512 as string,
      size: file.size,
      newFile: file.filename,
    };
  });
  const changes = await downloadAll(fetches, dir, options);
  options.signal?.throwIfAborted();
  const entries = [...chosen.values()].map(({ version, slug, title }, i) =>
    installedEntry(fetches[i]?.newFile as string, version, { slug, title }),
  );
  const mods = [...profile.mods.filter((m) => !chosen.has(m.projectId)), ...entries];
  await applyChanges(dir, changes, {
    ...profile,
    loader: options.loader,
    gameVersion: options.gameVersion,
    mods,
  });
  return [...chosen.values()].map(({ version, slug, title, reason }, i) => ({
    project: slug,
    title,
    version: version.version_number ?? version.id,
    file: fetches[i]?.newFile as string,
    reason,
  }));
}

/** An incompatible dependency, declared by either side, between anything added and anything present. */
function refuseIncompatible(
  chosen: Map<string, { version: Version; slug: string }>,
  installed: Map<string, { name: string; version?: Version }>,
): void {
  const present = new Map<string, { name: string; version?: Version }>([
    ...installed,
    ...[...chosen].map(([id, c]) => [id, { name: c.slug, version: c.version }] as const),
  ]);
  for (const [id, c] of chosen) {
    for (const [otherId, other] of present) {
      if (otherId === id) continue;
      const clash =
        (c.version.dependencies ?? []).some(
          (d) => d.dependency_type === 'incompatible' && d.project_id === otherId,
        ) ||
        (other.version?.dependencies ?? []).some(
          (d) => d.dependency_type === 'incompatible' && d.project_id === id,
        );
      if (clash) {
        throw new ExitError(
          `${c.slug} is incompatible with ${other.name}${installed.has(otherId) ? ' (installed)' : ''}: nothing added`,
        );
      }
    }
  }
}
