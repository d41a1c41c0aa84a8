import { contractGlobalSetup } from '@x/contract-testing/global-setup';

// One Prism for this run; the run fails unless every operation of the spec is exercised.
export default contractGlobalSetup({ specs: ['modrinth'], minOperationCoverage: { modrinth: 1 } });
