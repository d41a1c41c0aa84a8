import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { ExitError } from './errors.js';

/**
 * A file name from a server, checked before it touches the disk: a plain
 * name (no folder part, not `.`/`..`, no control characters, not hidden,
 * at most 255 bytes), and the joined path must stay inside `dir`.
 * Returns the path inside `dir`.
 */
export function pathInside(dir: string, name: unknown, source: string): string {
  const problem = nameProblem(name);
  if (problem) {
    throw new ExitError(
      `refusing the file name ${JSON.stringify(name)} from ${source}: ${problem}`,
    );
  }
  const path = join(dir, name as string);
  const rel = relative(resolve(dir), resolve(path));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new ExitError(
      `refusing the file name ${JSON.stringify(name)} from ${source}: it points outside ${dir}`,
    );
  }
  return path;
}

/** Why `name` is not a plain file name, or undefined when it is one. */
export function nameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'it is empty';
  if (name === '.' || name === '..') return 'it names a folder';
  if (/[/\\]/.test(name) || basename(name) !== name) return 'it contains a folder separator';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'it contains control characters';
  if (name.startsWith('.')) return 'it is a hidden file name';
  if (/^[a-zA-Z]:/.test(name)) return 'it names a drive';
  if (Buffer.byteLength(name) > 255) return 'it is longer than 255 bytes';
  return undefined;
}
