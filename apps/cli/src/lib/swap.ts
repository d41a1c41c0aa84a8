import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { syncFile, syncFolder, writeFileDurably } from './durable.js';
import { withSignalsDeferred } from './interrupt.js';
import { type Profile, readProfile, writeProfile } from './profile.js';
import { statePaths } from './state-folder.js';

/**
 * One file change: a verified download replacing an installed file, a new
 * file (no `old`), or a removal (no `temp`/`final`).
 */
export interface Change {
  /** The installed file (a name in the folder) this change retires, if any. */
  old?: string;
  /** The new file, ready in the state folder's `tmp/`. */
  temp?: string;
  /** The name the new file takes in the folder (may equal `old`). */
  final?: string;
}

interface JournalEntry {
  old: string | null;
  temp: string | null;
  final: string | null;
}

interface Journal {
  version: 1;
  state: 'swapping' | 'committed';
  entries: JournalEntry[];
  /** The profile once the change is done. */
  profile?: Profile;
}

/** Beside the replaced files: what the change did, and the profile before it (for rollback). */
const CHANGES = '.changes.json';
const PROFILE_BEFORE = '.profile.json';

/**
 * Applies every change, all or none, in a way a crash cannot break: a
 * journal is written (and flushed) first; each old file moves to `backup/`,
 * each new one into the folder; the journal is marked committed; the backups
 * become `previous/` (what `rollback` restores) and the profile is written.
 * Ctrl-C waits for the end; a crash (kill -9, power loss) is undone or
 * finished by `recoverFolder`, which every command runs first. A failing step
 * is undone at once.
 */
export async function applyChanges(
  dir: string,
  changes: Change[],
  profile?: Profile,
): Promise<void> {
  const paths = statePaths(dir);
  const entries: JournalEntry[] = changes.map((c) => ({
    old: c.old ?? null,
    temp: c.temp ? basename(c.temp) : null,
    final: c.final ?? null,
  }));
  const before = await readProfile(dir);
  await withSignalsDeferred(async () => {
    await mkdir(paths.backup, { recursive: true });
    await writeFile(join(paths.backup, CHANGES), JSON.stringify(entries));
    await writeFile(join(paths.backup, PROFILE_BEFORE), JSON.stringify(before));
    const journal: Journal = {
      version: 1,
      state: 'swapping',
      entries,
      ...(profile ? { profile } : {}),
    };
    await writeFileDurably(paths.journal, JSON.stringify(journal));
    try {
      for (const e of entries) {
        if (e.old) await rename(join(dir, e.old), join(paths.backup, e.old));
        if (e.temp && e.final) await rename(join(paths.tmp, e.temp), join(dir, e.final));
      }
      await syncFolder(dir);
      await syncFolder(paths.backup);
    } catch (error) {
      await rollBack(dir, entries);
      throw error;
    }
    const committed: Journal = { ...journal, state: 'committed' };
    await writeFileDurably(paths.journal, JSON.stringify(committed));
    await finish(dir, committed);
  });
}

/** After a commit: the backups become the rollback set, the profile is written, the journal goes. Safe to repeat. */
async function finish(dir: string, journal: Journal): Promise<void> {
  const paths = statePaths(dir);
  if (existsSync(paths.backup)) {
    await rm(paths.previous, { recursive: true, force: true });
    await rename(paths.backup, paths.previous);
    await syncFolder(paths.root);
  }
  if (journal.profile) await writeProfile(dir, journal.profile);
  await rm(paths.journal, { force: true });
  await syncFolder(paths.root);
}

/** Puts every old file back and removes the new ones. Safe to repeat. */
async function rollBack(dir: string, entries: JournalEntry[]): Promise<void> {
  const paths = statePaths(dir);
  for (const e of [...entries].reverse()) {
    const backup = e.old ? join(paths.backup, e.old) : undefined;
    if (e.old && backup && existsSync(backup)) {
      // The old file was moved aside; what stands at `final` now is the new one
      // (`final` was checked free, or equal to `old`, before the swap began).
      if (e.final) await rm(join(dir, e.final), { force: true });
      await rename(backup, join(dir, e.old));
    } else if (!e.old && e.temp && e.final && !existsSync(join(paths.tmp, e.temp))) {
      // An added file that reached the folder.
      await rm(join(dir, e.final), { force: true });
    }
  }
  await syncFolder(dir);
  await rm(paths.backup, { recursive: true, force: true });
  await rm(paths.journal, { force: true });
  await syncFolder(paths.root);
}

export interface Recovery {
  /** What was found and done, for people; empty when the folder was clean. */
  notes: string[];
}

/**
 * Run before every command on a folder: finishes or undoes a swap a crash
 * interrupted, and removes downloads a killed run left in `tmp/`.
 */
export async function recoverFolder(dir: string): Promise<Recovery> {
  const paths = statePaths(dir);
  const notes: string[] = [];
  await rm(`${paths.journal}.tmp`, { force: true });
  await rm(`${paths.profile}.tmp`, { force: true });
  if (existsSync(paths.journal)) {
    const journal = JSON.parse(await readFile(paths.journal, 'utf8')) as Journal;
    if (journal.state === 'committed') {
      await finish(dir, journal);
      notes.push('finished an update that was interrupted after its files were in place');
    } else {
      await rollBack(dir, journal.entries);
      notes.push(
        `undid an update that was interrupted while swapping files: ${journal.entries.length} file(s) as before it`,
      );
    }
  } else if (existsSync(paths.backup)) {
    // Only a crash between creating `backup/` and writing the journal leaves
    // it, holding nothing but the change's description.
    const left = (await readdir(paths.backup)).filter((n) => n !== CHANGES && n !== PROFILE_BEFORE);
    if (left.length === 0) await rm(paths.backup, { recursive: true, force: true });
    else
      notes.push(
        `left ${paths.backup} alone: it holds ${left.join(', ')}, which no journal explains`,
      );
  }
  if (existsSync(paths.tmp)) {
    await rm(paths.tmp, { recursive: true, force: true });
    await mkdir(paths.tmp, { recursive: true });
  }
  return { notes };
}

/**
 * The changes that undo the last one: its new files removed, the files it
 * replaced (kept in `previous/`) put back, and the profile as it was.
 * Undefined when there is nothing to roll back.
 */
export async function undoLastChange(
  dir: string,
): Promise<{ changes: Change[]; profile: Profile } | undefined> {
  const paths = statePaths(dir);
  let entries: JournalEntry[];
  let profile: Profile;
  try {
    entries = JSON.parse(await readFile(join(paths.previous, CHANGES), 'utf8'));
    profile = JSON.parse(await readFile(join(paths.previous, PROFILE_BEFORE), 'utf8'));
  } catch {
    return undefined;
  }
  const changes: Change[] = [];
  for (const e of entries) {
    const change: Change = {};
    if (e.final && existsSync(join(dir, e.final))) change.old = e.final;
    if (e.old) {
      const temp = join(paths.tmp, `.x-update-${randomBytes(8).toString('hex')}.part`);
      await copyFile(join(paths.previous, e.old), temp);
      await syncFile(temp);
      change.temp = temp;
      change.final = e.old;
    }
    if (change.old || change.temp) changes.push(change);
  }
  return { changes, profile };
}

/** Removes the downloads of changes that will not be applied. */
export async function discardTemps(changes: Change[]): Promise<void> {
  await Promise.all(changes.map((c) => (c.temp ? rm(c.temp, { force: true }) : undefined)));
}
