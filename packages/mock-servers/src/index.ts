import { type SpecName, specPath } from './paths.ts';
import { type PrismServer, type StartPrismOptions, startPrism } from './prism.ts';
import { type DeriveOptions, removePrismSpec, writePrismSpec } from './prism-spec.ts';
import { loadSpec, type SpecPatch } from './spec.ts';

export { repoRoot, SPEC_FILES, type SpecName, specPath } from './paths.ts';
export {
  freePort,
  type PrismServer,
  PrismStartError,
  type StartPrismOptions,
  startPrism,
} from './prism.ts';
export {
  addIntegerExamples,
  breakReferenceCycles,
  type DeriveOptions,
  derivePrismDocument,
  dropContradictingExamples,
  prismSafeName,
  removePrismSpec,
  writePrismSpec,
} from './prism-spec.ts';
export {
  HTTP_METHODS,
  type LoadedSpec,
  loadSpec,
  type Operation,
  pointerSegment,
  type SpecPatch,
} from './spec.ts';

/**
 * Starts Prism for one of the project's specs, through its route-safe copy in
 * a temporary folder that `stop()` removes (so does a failed start, exit or
 * Ctrl-C). `integerExamples` gives example-less integers a plausible value
 * (for programs showing mock data to people; the contract tests keep Prism's).
 * `patch` changes the document before Prism reads it (the contract-test
 * harness passes the SDK's generator input patches); `breakCycles` cuts
 * reference cycles so Prism's answers keep the fields schemas require.
 */
export async function startMockServer(
  name: SpecName,
  options: StartPrismOptions & DeriveOptions & { patch?: SpecPatch } = {},
): Promise<PrismServer> {
  const { integerExamples, breakCycles, patch, ...prism } = options;
  const file = writePrismSpec(loadSpec(specPath(name), patch), {
    integerExamples: Boolean(integerExamples),
    breakCycles: Boolean(breakCycles),
  });
  try {
    const server = await startPrism(file, prism);
    return {
      url: server.url,
      pid: server.pid,
      stop: async () => {
        await server.stop();
        removePrismSpec(file);
      },
    };
  } catch (error) {
    removePrismSpec(file);
    throw error;
  }
}
