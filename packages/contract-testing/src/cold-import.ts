import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Globals whose first read, in Node, loads the whole fetch implementation (tens of ms). */
const FETCH_GLOBALS = ['fetch', 'Headers', 'Request', 'Response', 'FormData'];

/**
 * Imports a built entry in a fresh Node process whose fetch globals throw
 * when read, and checks that `exportName` is a function: a package that
 * builds nothing at import passes. Returns the child's exit status and
 * stderr (empty when it passed).
 */
export function importWithoutFetchGlobals(
  entry: URL,
  exportName: string,
): { status: number | null; stderr: string } {
  const poison = FETCH_GLOBALS.map(
    (name) =>
      `Object.defineProperty(globalThis, ${JSON.stringify(name)}, { configurable: true, get() { throw new Error('${name} read at import'); } });`,
  ).join('\n');
  const path = JSON.stringify(fileURLToPath(entry));
  const name = JSON.stringify(exportName);
  const script = `${poison}\nconst m = await import(${path});\nif (typeof m[${name}] !== 'function') throw new Error('no ' + ${name});`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr };
}
