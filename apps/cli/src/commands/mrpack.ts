import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import { tempPathIn } from '../lib/download.js';
import { syncFile } from '../lib/durable.js';
import { ExitError } from '../lib/errors.js';
import { listModFolder } from '../lib/mods-folder.js';
import { readProfile } from '../lib/profile.js';
import { nameProblem } from '../lib/safe-name.js';
import { statePaths } from '../lib/state-folder.js';
import { applyChanges, discardTemps } from '../lib/swap.js';
import { downloadAll, type UpdateOptions } from './update.js';

/** The index inside a `.mrpack` (Modrinth's modpack format, version 1). */
const INDEX = 'modrinth.index.json';
const LOADER_KEYS: Record<string, string> = {
  fabric: 'fabric-loader',
  quilt: 'quilt-loader',
  forge: 'forge',
  neoforge: 'neoforge',
};

const indexSchema = z.object({
  formatVersion: z.literal(1),
  game: z.literal('minecraft'),
  versionId: z.string(),
  name: z.string(),
  summary: z.string().optional(),
  files: z.array(
    z.object({
      path: z.string(),
      hashes: z.looseObject({ sha1: z.string(), sha512: z.string() }),
      env: z.object({ client: z.string(), server: z.string() }).optional(),
      downloads: z.array(z.string()).min(1),
      fileSize: z.number().int().nonnegative(),
    }),
  ),
  dependencies: z.record(z.string(), z.string()),
});
export type MrpackIndex = z.infer<typeof indexSchema>;

export interface ExportOptions {
  name?: string;
  versionId?: string;
  /** The loader's own version (e.g. fabric-loader 0.15.7), which launchers need. */
  loaderVersion?: string;
}

/**
 * Exports the folder as a Modrinth modpack: every mod the profile knows, with
 * its hashes, size and download URL; files Modrinth does not know go in
 * `overrides/mods/` as they are.
 */
export async function exportPack(
  dir: string,
  output: string,
  options: ExportOptions,
): Promise<{ index: MrpackIndex; overrides: string[] }> {
  const profile = await readProfile(dir);
  if (!profile.gameVersion || !profile.loader || profile.mods.length === 0) {
    throw new ExitError(
      `${dir} has no profile yet: run \`x-update update ${dir} --game-version <v>\` first`,
    );
  }
  const { files } = await listModFolder(dir);
  const known = new Set(profile.mods.map((m) => m.file));
  const loaderKey = LOADER_KEYS[profile.loader];
  const index: MrpackIndex = {
    formatVersion: 1,
    game: 'minecraft',
    versionId: options.versionId ?? '1.0.0',
    name: options.name ?? basename(output, '.mrpack'),
    files: profile.mods
      .filter((m) => m.url && existsSync(join(dir, m.file)))
      .map((m) => ({
        path: `mods/${m.file}`,
        hashes: { sha1: m.sha1, sha512: m.sha512 },
        downloads: [m.url as string],
        fileSize: m.size,
      })),
    dependencies: {
      minecraft: profile.gameVersion,
      ...(loaderKey && options.loaderVersion ? { [loaderKey]: options.loaderVersion } : {}),
    },
  };
  const zip: Record<string, Uint8Array> = { [INDEX]: strToU8(JSON.stringify(index, null, 2)) };
  const overrides = files.filter((f) => !known.has(f.name)).map((f) => f.name);
  for (const name of overrides) zip[`overrides/mods/${name}`] = await readFile(join(dir, name));
  await writeFile(output, zipSync(zip));
  return { index, overrides };
}

/** A pack's path (`mods/x.jar`) as a file name in the mods folder, or why it is refused. */
function modFileName(path: string): { name?: string; problem?: string } {
  const parts = path.split('/');
  if (parts.length !== 2 || parts[0] !== 'mods') {
    return { problem: 'not in mods/ (x-update installs mods only)' };
  }
  const problem = nameProblem(parts[1]);
  return problem ? { problem } : { name: parts[1] as string };
}

/**
 * Installs a `.mrpack`'s mods into `dir`: every file downloaded and checked
 * against the pack's sha512 and size, then put in place together through the
 * crash-safe swap. A path that leaves `mods/` is refused (the pack is not
 * installed); files the pack carries in `overrides/mods/` are installed too;
 * other folders are skipped, said so.
 */
export async function installPack(
  pack: string,
  dir: string,
  options: Pick<UpdateOptions, 'progress' | 'signal' | 'stallMs' | 'parallel'>,
): Promise<{ index: MrpackIndex; installed: string[]; skipped: string[] }> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(await readFile(pack), {
      filter: (f) => f.name === INDEX || f.name.startsWith('overrides/mods/'),
    });
  } catch (cause) {
    throw new ExitError(`${pack} is not a readable .mrpack (zip): ${(cause as Error).message}`);
  }
  const raw = entries[INDEX];
  if (!raw) throw new ExitError(`${pack} has no ${INDEX}: not a Modrinth modpack`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(raw));
  } catch {
    throw new ExitError(`${pack}: ${INDEX} is not valid JSON`);
  }
  const checked = indexSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ExitError(
      `${pack}: ${INDEX} is not a format-1 index (${issue?.path.join('.')}: ${issue?.message})`,
    );
  }
  const index = checked.data;
  const skipped: string[] = [];
  const fetches = [];
  for (const f of index.files) {
    if (f.env?.client === 'unsupported') {
      skipped.push(`${f.path} (server only)`);
      continue;
    }
    if (f.path.includes('..') || /^([a-zA-Z]:|[/\\])/.test(f.path)) {
      throw new ExitError(`${pack}: refusing the path "${f.path}": it leaves the instance folder`);
    }
    const { name, problem } = modFileName(f.path);
    if (!name) {
      skipped.push(`${f.path} (${problem})`);
      continue;
    }
    const url = f.downloads.find((u) => /^https?:\/\//.test(u));
    if (!url) throw new ExitError(`${pack}: ${f.path} has no http(s) download`);
    if (!/^[0-9a-f]{128}$/i.test(f.hashes.sha512)) {
      throw new ExitError(`${pack}: ${f.path} has no valid sha512`);
    }
    if (existsSync(join(dir, name))) throw new ExitError(`${name} already exists in ${dir}`);
    fetches.push({ url, sha512: f.hashes.sha512, size: f.fileSize, newFile: name });
  }
  // Files the pack carries itself (mods Modrinth does not host).
  const carried: { name: string; bytes: Uint8Array }[] = [];
  for (const [path, bytes] of Object.entries(entries)) {
    if (!path.startsWith('overrides/mods/') || path.endsWith('/')) continue;
    const name = path.slice('overrides/mods/'.length);
    const problem = nameProblem(name);
    if (problem) throw new ExitError(`${pack}: refusing "${path}": ${problem}`);
    if (existsSync(join(dir, name))) throw new ExitError(`${name} already exists in ${dir}`);
    carried.push({ name, bytes });
  }
  const changes = await downloadAll(fetches, dir, options);
  try {
    for (const c of carried) {
      const temp = tempPathIn(statePaths(dir).tmp);
      await writeFile(temp, c.bytes, { flag: 'wx' });
      await syncFile(temp);
      changes.push({ temp, final: c.name });
    }
    options.signal?.throwIfAborted();
  } catch (error) {
    await discardTemps(changes);
    throw error;
  }
  await applyChanges(dir, changes);
  return {
    index,
    installed: [...fetches.map((f) => f.newFile), ...carried.map((c) => c.name)],
    skipped,
  };
}
