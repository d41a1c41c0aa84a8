import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Importing the built package must build nothing and touch no fetch global:
// in Node, the first use of `Headers`, `Request`, `Response`, `FormData` or
// `fetch` loads the whole fetch implementation (tens of ms of start-up).
// A fresh process whose fetch globals throw when read imports `dist`.
const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const POISON = ['fetch', 'Headers', 'Request', 'Response', 'FormData']
  .map(
    (name) =>
      `Object.defineProperty(globalThis, ${JSON.stringify(name)}, { configurable: true, get() { throw new Error('${name} read at import'); } });`,
  )
  .join('\n');

describe('importing @x/itch', () => {
  it('reads no fetch global and builds nothing', () => {
    const script = `${POISON}\nconst m = await import(${JSON.stringify(entry)});\nif (typeof m.getGame !== 'function') throw new Error('no getGame');`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
