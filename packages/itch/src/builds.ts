import type { OperationOptions, OperationTarget } from '@x/core/client';
import type { AccessInput } from './downloads.js';
import { getBuildUpgradePath } from './generated/operations.gen.js';
import type { Build, BuildFile, UpgradePath } from './generated/types.gen.js';

/** One patch to apply: from build `from` to build `to`. */
export interface UpgradeStep {
  /** The build the step starts from (only `id` is known for the very first). */
  from: Build;
  /** The build the step reaches. */
  to: Build;
  /** The patch file to download for this step (`type: 'patch'`); absent if none is listed. */
  patch?: BuildFile;
  /** The signature of `to`, to verify the result (`type: 'signature'`), when listed. */
  signature?: BuildFile;
}

const PATCH_PREFERENCE = ['optimized', 'default', 'gzip'];

function pick(build: Build, type: BuildFile['type']): BuildFile | undefined {
  const files = (build.files ?? []).filter(
    (f) => f.type === type && (f.state === undefined || f.state === 'uploaded'),
  );
  const rank = (f: BuildFile) => {
    const i = PATCH_PREFERENCE.indexOf(f.subType ?? 'default');
    return i < 0 ? PATCH_PREFERENCE.length : i;
  };
  return files.sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * Orders an upgrade path into the patches to apply, oldest first. The chain
 * is rebuilt from `parentBuildId` links starting at `fromBuildId`; if the
 * builds do not form such a chain, the server's order is kept. The starting
 * build itself, if listed, is not a step. Prefers `optimized` patches, then
 * `default`, then `gzip`; only files in state `uploaded` (or with no state).
 */
export function upgradeSteps(path: UpgradePath | undefined, fromBuildId: number): UpgradeStep[] {
  const builds = (path?.builds ?? []).filter((b) => b.id !== fromBuildId);
  const start = (path?.builds ?? []).find((b) => b.id === fromBuildId) ?? { id: fromBuildId };
  const chained: Build[] = [];
  let current = fromBuildId;
  for (;;) {
    const next = builds.find((b) => b.parentBuildId === current && !chained.includes(b));
    if (!next || next.id === undefined) break;
    chained.push(next);
    current = next.id;
  }
  const ordered = chained.length === builds.length ? chained : builds;
  let from: Build = start;
  return ordered.map((to) => {
    const step: UpgradeStep = { from, to };
    const patch = pick(to, 'patch');
    const signature = pick(to, 'signature');
    if (patch) step.patch = patch;
    if (signature) step.signature = signature;
    from = to;
    return step;
  });
}

/**
 * `GET /builds/{buildId}/upgrade-paths/{targetBuildId}`, as the ordered list
 * of patches that take build `buildId` to `targetBuildId`.
 */
export async function planUpgrade(
  client: OperationTarget,
  buildId: number,
  targetBuildId: number,
  input?: AccessInput,
  options?: OperationOptions,
): Promise<UpgradeStep[]> {
  const data = await getBuildUpgradePath(client, buildId, targetBuildId, input, options);
  return upgradeSteps(data.upgradePath, buildId);
}
