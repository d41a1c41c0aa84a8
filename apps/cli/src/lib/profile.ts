import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileDurably } from './durable.js';
import { ExitError } from './errors.js';
import { statePaths } from './state-folder.js';

/** Release channels, widest last: `beta` also takes releases, `alpha` takes everything. */
export const CHANNELS = ['release', 'beta', 'alpha'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Version types a channel accepts. */
export function acceptedTypes(channel: Channel): string[] {
  return CHANNELS.slice(0, CHANNELS.indexOf(channel) + 1);
}

const installedMod = z.object({
  /** The file's name in the folder. */
  file: z.string(),
  projectId: z.string(),
  slug: z.string().optional(),
  title: z.string().optional(),
  versionId: z.string(),
  versionNumber: z.string(),
  versionType: z.string().optional(),
  sha1: z.string(),
  sha512: z.string(),
  size: z.number(),
  /** Where the file was downloaded from (for `.mrpack` export). */
  url: z.string().optional(),
  /** Projects this one needs (required dependencies). */
  requires: z.array(z.string()).default([]),
});

/**
 * `.x-update/profile.json`: what x-update knows about the folder. Written
 * with each change of files (inside the crash-safe swap), read by every
 * command. `pins` hold slugs, project ids or file names that `update` leaves
 * alone.
 */
const profileSchema = z.object({
  format: z.literal(1),
  loader: z.string().optional(),
  gameVersion: z.string().optional(),
  channel: z.enum(CHANNELS).default('release'),
  pins: z.array(z.string()).default([]),
  mods: z.array(installedMod).default([]),
});

export type Profile = z.infer<typeof profileSchema>;
export type InstalledMod = z.infer<typeof installedMod>;

export const emptyProfile = (): Profile => ({ format: 1, channel: 'release', pins: [], mods: [] });

export async function readProfile(dir: string): Promise<Profile> {
  const file = statePaths(dir).profile;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyProfile();
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ExitError(`${file} is not valid JSON; fix it or remove it (x-update rebuilds it)`);
  }
  const parsed = profileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExitError(
      `${file} is not a profile x-update can read (${issue?.path.join('.') || 'the file'}: ${issue?.message}); fix it or remove it`,
    );
  }
  return parsed.data;
}

export async function writeProfile(dir: string, profile: Profile): Promise<void> {
  await writeFileDurably(statePaths(dir).profile, `${JSON.stringify(profile, null, 2)}\n`);
}

/** Whether `mod` is named by `ref` (a slug, a project id or a file name). */
export function matches(
  mod: Pick<InstalledMod, 'file' | 'projectId' | 'slug'>,
  ref: string,
): boolean {
  return mod.file === ref || mod.projectId === ref || mod.slug === ref;
}
