import { describe, expectTypeOf, it } from 'vitest';
import {
  ApiError,
  BadRequestError,
  type Build,
  type Channel,
  createBuild,
  createBuildEvent,
  createBuildFailure,
  createBuildFile,
  createItchClient,
  createRediffBuildFailure,
  type DownloadKey,
  type FileUploadSpec,
  finalizeBuildFile,
  type Game,
  getBuildUpgradePath,
  getChannel,
  getGame,
  getUpload,
  getWharfBuild,
  type ItchClient,
  type ItchErrorBody,
  iterateOwnedKeys,
  iterateSearchGames,
  LoginError,
  type LoginFailureReason,
  type LoginResult,
  listBuildEvents,
  listBuildFiles,
  listChannels,
  listGameUploads,
  listProfileBuilds,
  login,
  loginWithPassword,
  type PaginatedIterable,
  planUpgrade,
  type UpgradeStep,
  wharfStatus,
} from '../src/index.js';

const client = createItchClient({ apiKey: 'k' });

describe('argument types', () => {
  it('path, query and body are typed from the spec', () => {
    expectTypeOf(client).toMatchTypeOf<ItchClient>();
    getGame({
      client,
      path: { gameId: 1 },
      query: { download_key_id: 2, password: 'p', secret: 's' },
    });
    // @ts-expect-error gameId is a number
    getGame({ client, path: { gameId: '1' } });
    // @ts-expect-error the path is required
    getGame({ client });
    // @ts-expect-error unknown query parameter
    getGame({ client, path: { gameId: 1 }, query: { page: 1 } });
    listProfileBuilds({ client, query: { state: 'live' } });
    // @ts-expect-error state is an enum
    listProfileBuilds({ client, query: { state: 'done' } });
    loginWithPassword({ body: { username: 'u', password: 'p' } });
    // @ts-expect-error the password is required
    loginWithPassword({ body: { username: 'u' } });
    // @ts-expect-error itch has no `apiKey` + `jwt` types other than credentials
    createItchClient({ apiKey: 1 });
    createItchClient({ jwt: async () => 'token', retry: false, timeoutMs: 5_000 });
  });

  it('wharf operations are typed end to end', async () => {
    const created = await createBuild({
      client,
      body: { target: 'me/game', channel: 'windows-64' },
    });
    expectTypeOf(created.build?.id).toEqualTypeOf<number | undefined>();
    expectTypeOf(created.build?.parentBuild?.id).toEqualTypeOf<number | undefined>();
    // @ts-expect-error the channel is required
    createBuild({ client, body: { target: 'me/game' } });
    const file = await createBuildFile({
      client,
      path: { buildId: 1 },
      body: { type: 'patch', sub_type: 'optimized', upload_type: 'deferred_resumable' },
    });
    expectTypeOf(file.file).toEqualTypeOf<FileUploadSpec | undefined>();
    expectTypeOf(file.file?.uploadHeaders).toEqualTypeOf<{ [key: string]: string } | undefined>();
    // @ts-expect-error the file type is an enum
    createBuildFile({ client, path: { buildId: 1 }, body: { type: 'zip' } });
    await finalizeBuildFile({ client, path: { buildId: 1, fileId: 2 }, body: { size: 10 } });
    // @ts-expect-error size is a number
    finalizeBuildFile({ client, path: { buildId: 1, fileId: 2 }, body: { size: '10' } });
    expectTypeOf(
      (await listBuildFiles({ client, path: { buildId: 1 } })).files?.[0]?.state,
    ).toEqualTypeOf<'created' | 'uploading' | 'uploaded' | 'failed' | undefined>();
    await createBuildEvent({ client, path: { buildId: 1 }, body: { type: 'log', message: 'm' } });
    // @ts-expect-error the event type is an enum
    createBuildEvent({ client, path: { buildId: 1 }, body: { type: 'info', message: 'm' } });
    expectTypeOf(
      (await listBuildEvents({ client, path: { buildId: 1 } })).events?.[0]?.data,
    ).toEqualTypeOf<{ [key: string]: unknown } | undefined>();
    await createBuildFailure({ client, path: { buildId: 1 }, body: { message: 'm', fatal: true } });
    await createRediffBuildFailure({ client, path: { buildId: 1 }, body: { message: 'm' } });
    expectTypeOf(
      (await listChannels({ client, query: { target: 'me/game' } })).channels,
    ).toEqualTypeOf<{ [key: string]: Channel } | undefined>();
    expectTypeOf(
      (await getChannel({ client, path: { channelName: 'c' }, query: { target: 't' } })).channel
        ?.head,
    ).toEqualTypeOf<Build | undefined>();
    expectTypeOf((await getWharfBuild({ client, path: { buildId: 1 } })).build).toEqualTypeOf<
      Build | undefined
    >();
    expectTypeOf((await wharfStatus({ client })).success).toEqualTypeOf<boolean | undefined>();
  });
});

describe('results are the spec’s camelCase types', () => {
  it('operations and helpers', async () => {
    const { game } = await getGame({ client, path: { gameId: 1 } });
    expectTypeOf(game).toEqualTypeOf<Game>();
    expectTypeOf(game.id).toEqualTypeOf<number>();
    expectTypeOf(game.coverUrl).toEqualTypeOf<string | undefined>();
    expectTypeOf(game.canBeBought).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(iterateOwnedKeys({ client })).toEqualTypeOf<PaginatedIterable<DownloadKey>>();
    expectTypeOf(iterateSearchGames({ client, query: { query: 'x' } })).toEqualTypeOf<
      PaginatedIterable<Game>
    >();
    // @ts-expect-error search needs its query
    iterateSearchGames({ client });
    // @ts-expect-error the iterator drives `page`
    iterateOwnedKeys({ client, query: { page: 2 } });
    expectTypeOf(login({ username: 'u', password: 'p' })).toEqualTypeOf<Promise<LoginResult>>();
    expectTypeOf(planUpgrade({ client, buildId: 1, targetBuildId: 2 })).toEqualTypeOf<
      Promise<UpgradeStep[]>
    >();
    const path = await getBuildUpgradePath({ client, path: { buildId: 1, targetBuildId: 2 } });
    expectTypeOf(path.upgradePath?.builds).toEqualTypeOf<Build[] | undefined>();
  });
});

// The honest types of spec-patches.ts.
describe('honest types', () => {
  it('ids and wrappers are always there', async () => {
    const { game } = await getGame({ client, path: { gameId: 1 } });
    expectTypeOf(game.id).toEqualTypeOf<number>();
    expectTypeOf(game.title).toEqualTypeOf<string>();
    expectTypeOf(game.url).toEqualTypeOf<string>();
    const { uploads } = await listGameUploads({ client, path: { gameId: 1 } });
    expectTypeOf(uploads[0]!.id).toEqualTypeOf<number>();
    expectTypeOf(uploads[0]!.filename).toEqualTypeOf<string>();
    const { upload } = await getUpload({ client, path: { uploadId: 1 } });
    expectTypeOf(upload.storage).toEqualTypeOf<'hosted' | 'build' | 'external'>();
    expectTypeOf<DownloadKey['id']>().toEqualTypeOf<number>();
  });

  it('errors carry itch’s `errors`; a refused login is a LoginError', () => {
    const error: unknown = undefined;
    if (error instanceof BadRequestError) {
      expectTypeOf(error.errors).toEqualTypeOf<readonly string[]>();
      expectTypeOf(error.body).toEqualTypeOf<ItchErrorBody | string | undefined>();
    }
    if (error instanceof ApiError) expectTypeOf(error.errors).toEqualTypeOf<readonly string[]>();
    if (error instanceof LoginError) {
      expectTypeOf(error.reason).toEqualTypeOf<LoginFailureReason>();
      expectTypeOf(error.errors).toEqualTypeOf<readonly string[]>();
    }
    expectTypeOf<'incorrect-credentials'>().toMatchTypeOf<LoginFailureReason>();
    expectTypeOf<'totp-invalid'>().toMatchTypeOf<LoginFailureReason>();
  });
});
