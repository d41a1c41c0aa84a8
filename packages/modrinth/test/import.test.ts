import { importWithoutFetchGlobals } from '@x/contract-testing';
import { describe, expect, it } from 'vitest';

// Importing the built package must build nothing and touch no fetch global:
// in Node, the first read of `Headers`, `Request`, `fetch`... loads the whole
// fetch implementation (tens of ms of start-up).
describe('importing @x/modrinth', () => {
  it('reads no fetch global and builds nothing', () => {
    const run = importWithoutFetchGlobals(
      new URL('../dist/index.js', import.meta.url),
      'createModrinthClient',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
