import { contractGlobalSetup } from '@x/contract-testing/global-setup';

// Prism for both APIs; the CLI is pointed at contract-checking proxies in
// front of them. The app does not own the SDKs' coverage reports: none written.
export default contractGlobalSetup({ specs: ['modrinth', 'itch'], coverageDir: false });
