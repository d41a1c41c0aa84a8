import {
  createBuild,
  createBuildFile,
  createItchClient,
  finalizeBuildFile,
  getWharfBuild,
  type ItchClientOptions,
  listChannels,
  planUpgrade,
} from '@x/itch';

/** The patches a launcher applies to go from the installed build to the latest one. */
export async function patchesToApply(
  installedBuildId: number,
  latestBuildId: number,
  overrides: ItchClientOptions = {},
) {
  const client = createItchClient({ apiKey: process.env.ITCH_API_KEY, ...overrides });

  const steps = await planUpgrade({
    client,
    buildId: installedBuildId,
    targetBuildId: latestBuildId,
  });
  return steps.map((step) => ({ from: step.from.id, to: step.to.id, patchFileId: step.patch?.id }));
}

/** The wharf side of a push (what butler does): channel, build, file slot, finalise. */
export async function startPush(
  target: string,
  channel: string,
  overrides: ItchClientOptions = {},
) {
  const client = createItchClient({ apiKey: process.env.ITCH_API_KEY, ...overrides });

  const { channels } = await listChannels({ client, query: { target } });
  const parent = channels?.[channel]?.head?.id;

  const { build } = await createBuild({ client, body: { target, channel, user_version: '1.0.1' } });
  if (!build?.id) throw new Error('no build');
  const { file } = await createBuildFile({
    client,
    path: { buildId: build.id },
    body: { type: 'patch', sub_type: 'default', upload_type: 'deferred_resumable' },
  });
  // ...upload the patch to file.uploadUrl with file.uploadHeaders, then:
  if (file?.id) {
    await finalizeBuildFile({
      client,
      path: { buildId: build.id, fileId: file.id },
      body: { size: 1024 },
    });
  }
  const { build: state } = await getWharfBuild({ client, path: { buildId: build.id } });
  return { parent, buildId: build.id, uploadUrl: file?.uploadUrl, state: state?.state };
}
