import { resolve } from 'node:path';
import { repoRoot } from '../../mock-servers/src/paths.ts';

// The monorepo paths live in @x/mock-servers; imported from its source, not
// its build: scripts/test.mjs loads this file (through fixtures.ts) before
// turbo has built anything.
export { repoRoot, SPEC_FILES, type SpecName, specPath } from '../../mock-servers/src/paths.ts';

export function defaultCoverageDir(): string {
  return resolve(repoRoot(), 'contract-coverage');
}
