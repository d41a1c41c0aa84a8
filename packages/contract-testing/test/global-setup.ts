import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractGlobalSetup } from '../src/global-setup.ts';

// The harness's own tests run both specs side by side; their coverage goes to
// a throwaway folder so the SDK packages' reports are never overwritten.
export default contractGlobalSetup({
  specs: ['itch', 'modrinth'],
  coverageDir: mkdtempSync(join(tmpdir(), 'x-harness-coverage-')),
});
