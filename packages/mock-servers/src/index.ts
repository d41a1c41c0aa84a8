import { type SpecName, specPath } from './paths.ts';
import { type PrismServer, type StartPrismOptions, startPrism } from './prism.ts';
import { removePrismSpec, writePrismSpec } from './prism-spec.ts';
import { loadSpec } from './spec.ts';

export { repoRoot, SPEC_FILES, type SpecName, specPath } from './paths.ts';
export {
  freePort,
  type PrismServer,
  PrismStartError,
  type StartPrismOptions,
  startPrism,
} from './prism.ts';
export {
  derivePrismDocument,
  dropContradictingExamples,
  prismSafeName,
  removePrismSpec,
  writePrismSpec,
} from './prism-spec.ts';
export { HTTP_METHODS, type LoadedSpec, loadSpec, type Operation, pointerSegment } from './spec.ts';

/**
 * Starts Prism for one of the project's specs, through its route-safe copy in
 * a temporary folder that `stop()` removes (so does a failed start, exit or
 * Ctrl-C).
 */
export async function startMockServer(
  name: SpecName,
  options?: StartPrismOptions,
): Promise<PrismServer> {
  const file = writePrismSpec(loadSpec(specPath(name)));
  try {
    const server = await startPrism(file, options);
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
