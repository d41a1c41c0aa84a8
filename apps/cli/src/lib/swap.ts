import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { syncFolder, writeFileDurably } from './durable.js';
import { withSignalsDeferred } from './interrupt.js';
import { statePaths } from './state-folder.js';

/** One file put in place: a verified download replacing an installed file (or none). */
export interface Change {
  /** The installed file (a name in the folder) this change retires, if any. */
  old?: string;
  /** The verified download, in the state folder's `tmp/`. */
  temp: string;
  /** The name the new file takes in the folder (may equal `old`). */
  final: string;
}

interface JournalEntry {
  old: string | null;
  temp: string;
  final: string;
}

interface Journal {
  version: 1;
  state: 'swapping' | 'committed';
  entries: JournalEntry[];
}

/**
 * Puts every change in place, all or none, in a way a crash cannot break: a
 * journal is written (and flushed) first; each old file moves to `backup/`,
 * each new one into the folder; the journal is marked committed; the backups
 * become `previous/` (what `rollback` restores). Ctrl-C waits for the end; a
 * crash (kill -9, power loss) is undone or finished by `recoverFolder`, which
 * every command runs first. A failing step is undone at once.
 */
export async function applyChanges(dir: string, changes: Change[]): Promise<void> {
  const paths = statePaths(dir);
  const entries: JournalEntry[] = changes.map((c) => ({
    old: c.old ?? null,
    temp: basename(c.temp),
    final: c.final,
  }));
  await withSignalsDeferred(async () => {
    await mkdir(paths.backup, { recursive: true });
    const journal: Journal = { version: 1, state: 'swapping', entries };
    await writeFileDurably(paths.journal, JSON.stringify(journal));
    try {
      for (const e of entries) {
        if (e.old) await rename(join(dir, e.old), join(paths.backup, e.old));
        await rename(join(paths.tmp, e.temp), join(dir, e.final));
      }
      await syncFolder(dir);
      await syncFolder(paths.backup);
    } catch (error) {
      await rollBack(dir, entries);
      throw error;
    }
    await writeFileDurably(paths.journal, JSON.stringify({ ...journal, state: 'committed' }));
    await finish(dir);
  });
}

/** After a commit: the backups become the rollback set, the journal goes. Safe to repeat. */
async function finish(dir: string): Promise<void> {
  const paths = statePaths(dir);
  if (existsSync(paths.backup)) {
    await rm(paths.previous, { recursive: true, force: true });
    await rename(paths.backup, paths.previous);
    await syncFolder(paths.root);
  }
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
      await rm(join(dir, e.final), { force: true });
      await rename(backup, join(dir, e.old));
    } else if (!e.old && !existsSync(join(paths.tmp, e.temp))) {
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
  if (existsSync(paths.journal)) {
    const journal = JSON.parse(await readFile(paths.journal, 'utf8')) as Journal;
    if (journal.state === 'committed') {
      await finish(dir);
      notes.push(`finished an update that was interrupted after its files were in place`);
    } else {
      await rollBack(dir, journal.entries);
      notes.push(
        `undid an update that was interrupted while swapping files: ${journal.entries.length} file(s) as before it`,
      );
    }
  } else if (existsSync(paths.backup)) {
    // Only a crash between creating `backup/` and writing the journal leaves it, empty.
    const left = await readdir(paths.backup);
    if (left.length === 0) await rmdir(paths.backup);
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
