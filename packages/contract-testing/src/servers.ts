// Entry point for programs (not tests) that need the mock servers: no vitest here.
// Programs that must run on Node 20 import @x/mock-servers directly.

export {
  freePort,
  type PrismServer,
  PrismStartError,
  type SpecName,
  specPath,
  startMockServer,
  startPrism,
  writePrismSpec,
} from '@x/mock-servers';
export { fixture, fixtureJson, fixturesDir } from './fixtures.ts';
export { type ContractProxy, startContractProxy } from './proxy.ts';
export { loadSpec } from './spec.ts';
