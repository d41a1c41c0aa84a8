import { patchItchSpec } from '../../itch/spec-patches.ts';
import { patchModrinthSpec } from '../../modrinth/spec-patches.ts';
import type { SpecName } from './paths.ts';
import { specPath } from './paths.ts';
import { type LoadedSpec, loadSpec } from './spec.ts';

/**
 * Each SDK's generator input patches (`packages/<sdk>/spec-patches.ts`). The
 * harness reads every spec through them: Prism serves the patched document and
 * the validator checks every answer (Prism's, the fixtures', the recorded
 * corpus') against it, so a field the types call required must be on the wire.
 */
export const SPEC_PATCHES: Record<SpecName, (doc: unknown) => void> = {
  modrinth: patchModrinthSpec,
  itch: patchItchSpec,
};

/** The spec as the SDK was generated from it: `specs/<file>` through its patches. */
export function loadPatchedSpec(name: SpecName): LoadedSpec {
  return loadSpec(specPath(name), SPEC_PATCHES[name]);
}
