// Cold start: a fresh `node` running a file that imports one package (and
// does nothing else), against a file with no import, alternating, many times.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats.ts';

export interface ColdResult {
  name: string;
  medianMs: number;
  /** Median over runs of (this import's time / the empty script's time in the same run). */
  ratio: number;
}

export function measureColdImport(packages: string[], runs: number): ColdResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'x-cold-'));
  const scripts: Record<string, string> = { 'empty script': join(dir, 'empty.mjs') };
  writeFileSync(scripts['empty script'] as string, '');
  packages.forEach((name, i) => {
    const file = join(dir, `import-${i}.mjs`);
    writeFileSync(file, `import ${JSON.stringify(import.meta.resolve(name))};\n`);
    scripts[name] = file;
  });
  const names = Object.keys(scripts);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let run = 0; run < runs; run++) {
    for (const name of names) {
      const start = performance.now();
      execFileSync(process.execPath, [scripts[name] as string]);
      times[name]?.push(performance.now() - start);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const empty = times['empty script'] as number[];
  return names.map((name) => ({
    name,
    medianMs: median(times[name] as number[]),
    ratio: median((times[name] as number[]).map((t, i) => t / (empty[i] as number))),
  }));
}
