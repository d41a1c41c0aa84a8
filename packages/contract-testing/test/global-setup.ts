import { contractGlobalSetup } from '../src/global-setup.ts';

// The harness's own tests run both specs side by side and exercise only a few
// operations on purpose: they measure no coverage (the SDK packages do).
export default contractGlobalSetup({ specs: ['itch', 'modrinth'], coverageDir: false });
