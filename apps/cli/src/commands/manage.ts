import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ExitError } from '../lib/errors.js';
import { matches, type Profile, readProfile, writeProfile } from '../lib/profile.js';
import { applyChanges, type Change, undoLastChange } from '../lib/swap.js';

/** The mods `refs` name (slug, project id or file name); an unknown one is an error naming it. */
function find(profile: Profile, refs: string[], dir: string) {
  return refs.map((ref) => {
    const mod = profile.mods.find((m) => matches(m, ref));
    if (!mod) {
      throw new ExitError(
        `${ref} is not in ${dir}'s profile; run \`x-update update\` there first, or check the name (x-update scan lists them)`,
      );
    }
    return mod;
  });
}

/**
 * Holds mods at their version: `update` leaves pinned mods alone. A name the
 * profile does not know yet (no update ran) is pinned as given, and said so.
 */
export async function pin(
  dir: string,
  refs: string[],
  pinned: boolean,
): Promise<{ keys: string[]; notes: string[] }> {
  const profile = await readProfile(dir);
  const notes: string[] = [];
  const keys = refs.map((ref) => {
    const mod = profile.mods.find((m) => matches(m, ref));
    if (!mod)
      notes.push(`${ref} is not in the profile yet: it will match a slug, project id or file name`);
    return mod ? (mod.slug ?? mod.projectId) : ref;
  });
  const named = (p: string) =>
    refs.includes(p) ||
    keys.includes(p) ||
    profile.mods.some((m) => matches(m, p) && keys.some((k) => matches(m, k)));
  const pins = new Set(profile.pins.filter((p) => !named(p)));
  if (pinned) for (const k of keys) pins.add(k);
  await writeProfile(dir, { ...profile, pins: [...pins].sort() });
  return { keys, notes };
}

/**
 * Removes mods from the folder through the crash-safe swap (the files go to
 * `previous/`, so `rollback` brings them back). Refused while another
 * installed mod requires one of them.
 */
export async function remove(dir: string, refs: string[]): Promise<string[]> {
  const profile = await readProfile(dir);
  const mods = find(profile, refs, dir);
  const leaving = new Set(mods.map((m) => m.projectId));
  for (const m of mods) {
    const needs = profile.mods.filter(
      (other) => !leaving.has(other.projectId) && other.requires.includes(m.projectId),
    );
    if (needs.length) {
      throw new ExitError(
        `${m.slug ?? m.file} is required by ${needs.map((n) => n.slug ?? n.file).join(', ')}; remove those too`,
      );
    }
  }
  const changes: Change[] = mods
    .filter((m) => existsSync(join(dir, m.file)))
    .map((m) => ({ old: m.file }));
  await applyChanges(dir, changes, {
    ...profile,
    mods: profile.mods.filter((m) => !leaving.has(m.projectId)),
    pins: profile.pins.filter((p) => !mods.some((m) => matches(m, p))),
  });
  return mods.map((m) => m.file);
}

/**
 * Puts the folder back as it was before the last change (update, add,
 * remove or rollback): its files from `previous/`, its profile as it was.
 * A second rollback redoes the change.
 */
export async function rollback(dir: string): Promise<Change[]> {
  const undo = await undoLastChange(dir);
  if (!undo) {
    throw new ExitError(`nothing to roll back: no change has replaced files in ${dir} yet`);
  }
  await applyChanges(dir, undo.changes, undo.profile);
  return undo.changes;
}
