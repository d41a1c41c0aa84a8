// Entry point for programs (not tests) that need the mock servers: no vitest here.

export { fixture, fixtureJson, fixturesDir } from './fixtures.ts';
export { type SpecName, specPath } from './paths.ts';
export { freePort, type PrismServer, PrismStartError, startPrism } from './prism.ts';
export { writePrismSpec } from './prism-spec.ts';
export { type ContractProxy, startContractProxy } from './proxy.ts';
export { loadSpec } from './spec.ts';

import { type SpecName, specPath } from './paths.ts';
import { type PrismServer, type StartPrismOptions, startPrism } from './prism.ts';
import { writePrismSpec } from './prism-spec.ts';
import { loadSpec } from './spec.ts';

/** Starts Prism for one of the project's specs (through its route-safe copy). */
export function startMockServer(name: SpecName, options?: StartPrismOptions): Promise<PrismServer> {
  return startPrism(writePrismSpec(loadSpec(specPath(name))), options);
}
