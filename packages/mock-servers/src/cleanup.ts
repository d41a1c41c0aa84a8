import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * What this process must not leave behind: Prism children and temporary
 * folders. Released when the process exits, on SIGINT/SIGTERM/SIGHUP, or
 * earlier by their owner.
 */
const children = new Set<ChildProcess>();
const folders = new Set<string>();
let installed = false;

function releaseAll(): void {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.once('exit', releaseAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      releaseAll();
      // Re-raise so the process ends the way it was asked to, unless the
      // program has its own handler (it then decides how to finish).
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/** Tracks a child process until it exits. */
export function trackChild(child: ChildProcess): void {
  install();
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** Tracks a temporary folder until `removeFolder` (or exit) deletes it. */
export function trackFolder(dir: string): void {
  install();
  folders.add(dir);
}

export function removeFolder(dir: string): void {
  folders.delete(dir);
  rmSync(dir, { recursive: true, force: true });
}
