import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitError } from './errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One x-update at a time per folder: `lock` in the state folder holds the
 * owner's PID. A lock whose process is gone (a crash, kill -9) is taken over.
 * Returns the release function (also run on exit).
 */
export function lockFolder(stateRoot: string, dir: string): () => void {
  const file = join(stateRoot, 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      const release = () => {
        process.off('exit', release);
        rmSync(file, { force: true });
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const text = readFileSync(file, 'utf8');
      const owner = Number(text);
      // An empty lock is one being written right now.
      if (text === '' || (Number.isSafeInteger(owner) && owner > 0 && alive(owner))) {
        throw new ExitError(
          `another x-update (process ${owner || '?'}) is working on ${dir}; wait for it to finish`,
        );
      }
      rmSync(file, { force: true }); // left by a process that no longer runs
    }
  }
  throw new ExitError(`could not lock ${dir}: another x-update keeps taking it`);
}
