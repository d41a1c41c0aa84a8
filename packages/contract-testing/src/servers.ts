// Entry point for programs (not tests) that need the mock servers: no vitest here.
// Programs that must run on Node 20 import @x/mock-servers directly.

export {
  freePort,
  type PrismServer,
  PrismStartError,
  type SpecName,
  specPath,
  startPrism,
  writePrismSpec,
} from '@x/mock-servers';
export { fixture, fixtureJson, fixturesDir } from './fixtures.ts';
export { type ContractProxy, startContractProxy } from './proxy.ts';
export { loadSpec } from './spec.ts';
export { loadPatchedSpec, SPEC_PATCHES } from './spec-patches.ts';

import { type PrismServer, type SpecName, startMockServer as startRaw } from '@x/mock-servers';
import { SPEC_PATCHES } from './spec-patches.ts';

/**
 * Prism for one of the specs, serving the document the SDK was generated from
 * (`specs/<file>` through the SDK's input patches, as in the contract tests).
 */
export function startMockServer(
  name: SpecName,
  options: Omit<Parameters<typeof startRaw>[1] & object, 'patch'> = {},
): Promise<PrismServer> {
  return startRaw(name, { breakCycles: true, ...options, patch: SPEC_PATCHES[name] });
}
