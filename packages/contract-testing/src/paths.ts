import { resolve } from 'node:path';
import { repoRoot } from '@x/mock-servers';

export { repoRoot, SPEC_FILES, type SpecName, specPath } from '@x/mock-servers';

export function defaultCoverageDir(): string {
  return resolve(repoRoot(), 'contract-coverage');
}
