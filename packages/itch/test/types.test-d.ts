import { describe, expectTypeOf, it } from 'vitest';
import {
  ApiError,
  BadRequestError,
  type Build,
  type Channel,
  createItchClient,
  type DownloadKey,
  type FileUploadSpec,
  type Game,
  type ItchClient,
  type ItchErrorBody,
  LoginError,
  type LoginFailureReason,
  type LoginResult,
  type PaginatedIterable,
  type UpgradeStep,
} from '../src/index.js';

const client = createItchClient({ apiKey: 'k' });

describe('argument types', () => {
  it('path, query and body are typed from the spec', () => {
    expectTypeOf(client).toMatchTypeOf<ItchClient>();
    client.getGame(1, { downloadKeyId: 2, password: 'p', secret: 's' });
    // @ts-expect-error gameId is a number
    client.getGame('1');
    // @ts-expect-error the path is required
    client.getGame();
    // @ts-expect-error unknown query parameter
    client.getGame(1, { page: 1 });
    client.listProfileBuilds({ state: 'live' });
    // @ts-expect-error state is an enum
    client.listProfileBuilds({ state: 'done' });
    client.loginWithPassword({ username: 'u', password: 'p' });
    // @ts-expect-error the password is required
    client.loginWithPassword({ username: 'u' });
    // @ts-expect-error itch has no `apiKey` + `jwt` types other than credentials
    createItchClient({ apiKey: 1 });
    createItchClient({ jwt: async () => 'token', retry: false, timeoutMs: 5_000 });
  });

  it('wharf operations are typed end to end', async () => {
    const created = await client.createBuild({ target: 'me/game', channel: 'windows-64' });
    expectTypeOf(created.build?.id).toEqualTypeOf<number | undefined>();
    expectTypeOf(created.build?.parentBuild?.id).toEqualTypeOf<number | undefined>();
    // @ts-expect-error the channel is required
    client.createBuild({ target: 'me/game' });
    const file = await client.createBuildFile(1, {
      type: 'patch',
      subType: 'optimized',
      uploadType: 'deferred_resumable',
    });
    expectTypeOf(file.file).toEqualTypeOf<FileUploadSpec | undefined>();
    expectTypeOf(file.file?.uploadHeaders).toEqualTypeOf<{ [key: string]: string } | undefined>();
    // @ts-expect-error the file type is an enum
    client.createBuildFile(1, { type: 'zip' });
    await client.finalizeBuildFile(1, 2, { size: 10 });
    // @ts-expect-error size is a number
    client.finalizeBuildFile(1, 2, { size: '10' });
    expectTypeOf((await client.listBuildFiles(1)).files?.[0]?.state).toEqualTypeOf<
      'created' | 'uploading' | 'uploaded' | 'failed' | undefined
    >();
    await client.createBuildEvent(1, { type: 'log', message: 'm' });
    // @ts-expect-error the event type is an enum
    client.createBuildEvent(1, { type: 'info', message: 'm' });
    expectTypeOf((await client.listBuildEvents(1)).events?.[0]?.data).toEqualTypeOf<
      { [key: string]: unknown } | undefined
    >();
    await client.createBuildFailure(1, { message: 'm', fatal: true });
    await client.createRediffBuildFailure(1, { message: 'm' });
    expectTypeOf((await client.listChannels({ target: 'me/game' })).channels).toEqualTypeOf<
      { [key: string]: Channel } | undefined
    >();
    expectTypeOf((await client.getChannel('c', { target: 't' })).channel?.head).toEqualTypeOf<
      Build | undefined
    >();
    expectTypeOf((await client.getWharfBuild(1)).build).toEqualTypeOf<Build | undefined>();
    expectTypeOf((await client.wharfStatus()).success).toEqualTypeOf<boolean | undefined>();
  });
});

describe('results are the spec’s camelCase types', () => {
  it('operations and helpers', async () => {
    const { game } = await client.getGame(1);
    expectTypeOf(game).toEqualTypeOf<Game>();
    expectTypeOf(game.id).toEqualTypeOf<number>();
    expectTypeOf(game.coverUrl).toEqualTypeOf<string | undefined>();
    expectTypeOf(game.canBeBought).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(client.iterateOwnedKeys()).toEqualTypeOf<PaginatedIterable<DownloadKey>>();
    expectTypeOf(client.iterateSearchGames({ query: 'x' })).toEqualTypeOf<
      PaginatedIterable<Game>
    >();
    // @ts-expect-error search needs its query
    client.iterateSearchGames();
    // @ts-expect-error the iterator drives `page`
    client.iterateOwnedKeys({ page: 2 });
    expectTypeOf(client.login({ username: 'u', password: 'p' })).toEqualTypeOf<
      Promise<LoginResult>
    >();
    expectTypeOf(client.planUpgrade(1, 2)).toEqualTypeOf<Promise<UpgradeStep[]>>();
    const path = await client.getBuildUpgradePath(1, 2);
    expectTypeOf(path.upgradePath?.builds).toEqualTypeOf<Build[] | undefined>();
  });
});

describe('the user-facing surface', () => {
  it('options from the environment, per-call options, no generator plumbing', async () => {
    const itch = createItchClient({
      apiKey: process.env.ITCH_API_KEY,
      baseUrl: process.env.ITCH_URL,
    });
    const { game } = await itch.getGame(3, undefined, {
      signal: AbortSignal.timeout(1000),
      timeoutMs: 500,
    });
    expectTypeOf(game).toEqualTypeOf<Game>();
    itch.getGame(3, { downloadKeyId: process.env.KEY ? Number(process.env.KEY) : undefined });
    // @ts-expect-error input fields are camelCase
    itch.getGame(3, { download_key_id: 2 });
    // @ts-expect-error parseAs is no per-call option
    itch.getGame(3, undefined, { parseAs: 'text' });
    // @ts-expect-error method is no per-call option
    itch.getProfile({ method: 'DELETE' });
  });
});

// The honest types of spec-patches.ts.
describe('honest types', () => {
  it('ids and wrappers are always there', async () => {
    const { game } = await client.getGame(1);
    expectTypeOf(game.id).toEqualTypeOf<number>();
    expectTypeOf(game.title).toEqualTypeOf<string>();
    expectTypeOf(game.url).toEqualTypeOf<string>();
    const { uploads } = await client.listGameUploads(1);
    expectTypeOf(uploads[0]!.id).toEqualTypeOf<number>();
    expectTypeOf(uploads[0]!.filename).toEqualTypeOf<string>();
    const { upload } = await client.getUpload(1);
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
