import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractGlobalSetup } from '@x/contract-testing/global-setup';
import type { TestProject } from 'vitest/node';

// Prism for both APIs; the CLI is pointed at contract-checking proxies in
// front of them. The app does not own the SDKs' coverage reports: none written.
const contract = contractGlobalSetup({ specs: ['modrinth', 'itch'], coverageDir: false });

/**
 * The whole run (workers, the CLI processes they start, Prism) gets a temp
 * directory of its own; the run fails if anything is left in it at the end.
 */
export default async function setup(project: TestProject) {
  const temp = mkdtempSync(join(tmpdir(), 'x-update-test-run-'));
  process.env.TMPDIR = temp;
  const teardownContract = await contract(project);
  return async function teardown() {
    await teardownContract();
    const left = readdirSync(temp);
    rmSync(temp, { recursive: true, force: true });
    if (left.length > 0) {
      throw new Error(
        `the tests left ${left.length} entries in the temp directory: ${left.join(', ')}`,
      );
    }
  };
}
