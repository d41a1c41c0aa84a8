import { describe, inject } from 'vitest';
import { type ContractFetch, createContractFetch } from './contract-fetch.ts';
import { type PayloadSource, payloadSources } from './fixtures.ts';
import type { SpecName } from './paths.ts';
import type { LoadedSpec } from './spec.ts';
import { loadPatchedSpec } from './spec-patches.ts';

export { type BuiltCopy, withoutChunks } from './built-copy.ts';
export { importWithoutFetchGlobals } from './cold-import.ts';
export {
  type ContractFetch,
  ContractViolationError,
  createContractFetch,
} from './contract-fetch.ts';
export { buildCoverageReport, type CoverageReport, summariseCoverage } from './coverage.ts';
export {
  fixture,
  fixtureJson,
  fixturesDir,
  type PayloadSource,
  payloadSources,
  type RecordedCorpus,
  readPayload,
  recordedCorpus,
} from './fixtures.ts';
export {
  type FuzzBounds,
  type FuzzInput,
  fuzzBounds,
  fuzzInput,
  random,
  SchemaSampler,
} from './fuzz.ts';
export type { ContractContext, ContractSetupOptions } from './global-setup.ts';
export { matchOperation } from './match.ts';
export { repoRoot, type SpecName, specPath } from './paths.ts';
export { freePort, type PrismServer, PrismStartError, startPrism } from './prism.ts';
export { derivePrismDocument, prismSafeName } from './prism-spec.ts';
export { type LoadedSpec, loadSpec, type Operation } from './spec.ts';
export { loadPatchedSpec, SPEC_PATCHES } from './spec-patches.ts';
export { createResponseValidator, honourNullableEnums } from './validate.ts';

const specs = new Map<SpecName, LoadedSpec>();

/** The spec as the SDK was generated from it (through its input patches), parsed once per worker. */
export function spec(name: SpecName): LoadedSpec {
  let loaded = specs.get(name);
  if (!loaded) {
    loaded = loadPatchedSpec(name);
    specs.set(name, loaded);
  }
  return loaded;
}

export interface Contract {
  /** The Prism mock's base URL for this spec. */
  baseUrl: string;
  /** A fetch that validates both directions against the spec and records coverage. */
  fetch: ContractFetch;
  spec: LoadedSpec;
}

/** Inside a test: the running Prism for `name`, and a contract-checking fetch for it. */
export function contract(name: SpecName): Contract {
  const ctx = inject('xContract');
  const server = ctx?.servers[name];
  if (!server) {
    throw new Error(
      `contract-testing: no Prism server for "${name}"; add it to contractGlobalSetup({ specs }) in vitest.config`,
    );
  }
  const loaded = spec(name);
  return {
    baseUrl: server.url,
    spec: loaded,
    fetch: createContractFetch({ spec: loaded, baseUrl: server.url, recordsDir: ctx.recordsDir }),
  };
}

/**
 * A contract-checking fetch for another server that speaks the same API (a
 * local server replaying recorded payloads, say). Coverage is recorded too.
 */
export function contractFetchFor(name: SpecName, baseUrl: string): ContractFetch {
  const ctx = inject('xContract');
  return createContractFetch({ spec: spec(name), baseUrl, recordsDir: ctx?.recordsDir });
}

/**
 * One suite, run on the repository's fixtures and again on the recorded
 * corpus (`../shared/payloads`) when it is there. Without the corpus the
 * second run is reported as skipped, the reason in its title. `body` must read
 * its files in hooks or tests (not while the suite is collected), so a
 * skipped run touches nothing.
 */
export function describePayloads(
  api: SpecName,
  title: string,
  body: (source: PayloadSource) => void,
): void {
  for (const source of payloadSources(api)) {
    if (source.skipReason)
      describe.skip(`${title} [${source.label}: skipped, ${source.skipReason}]`, () =>
        body(source));
    else describe(`${title} [${source.label}]`, () => body(source));
  }
}
