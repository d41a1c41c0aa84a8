import { createItchClient } from '@x/itch';

/** The patches a launcher applies to go from the installed build to the latest one. */
export async function patchesToApply(installedBuildId: number, latestBuildId: number) {
  const itch = createItchClient({ apiKey: process.env.ITCH_API_KEY });

  const steps = await itch.planUpgrade(installedBuildId, latestBuildId);
  return steps.map((step) => ({ from: step.from.id, to: step.to.id, patchFileId: step.patch?.id }));
}

/** The wharf side of a push (what butler does): channel, build, file slot, finalise. */
export async function startPush(target: string, channel: string) {
  const itch = createItchClient({ apiKey: process.env.ITCH_API_KEY });

  const { channels } = await itch.listChannels({ target });
  const parent = channels?.[channel]?.head?.id;

  const { build } = await itch.createBuild({ target, channel, userVersion: '1.0.1' });
  if (!build?.id) throw new Error('no build');
  const { file } = await itch.createBuildFile(build.id, {
    type: 'patch',
    subType: 'default',
    uploadType: 'deferred_resumable',
  });
  // ...upload the patch to file.uploadUrl with file.uploadHeaders, then:
  if (file?.id) await itch.finalizeBuildFile(build.id, file.id, { size: 1024 });
  const { build: state } = await itch.getWharfBuild(build.id);
  return { parent, buildId: build.id, uploadUrl: file?.uploadUrl, state: state?.state };
}
