import { resolve } from 'node:path';
import { repoRoot, type SpecName } from '@x/mock-servers';

export { repoRoot, SPEC_FILES, type SpecName, specPath } from '@x/mock-servers';

/** Recorded live payloads live beside the repo in ../shared (never copied in). */
export function payloadsDir(api: SpecName): string {
  return resolve(repoRoot(), '..', 'shared', 'payloads', api);
}

export function defaultCoverageDir(): string {
  return resolve(repoRoot(), 'contract-coverage');
}
