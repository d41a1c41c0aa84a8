import type { ItchClient } from '../../src/index.js';

type Call = (client: ItchClient, headers?: Record<string, string>) => Promise<unknown>;

/**
 * One valid call per operation of the spec (36), keyed by operationId, plus
 * whether the spec requires the bearer token for it.
 */
export const calls: Record<string, { call: Call; secured: boolean }> = {
  getProfile: { secured: true, call: (client, headers) => client.getProfile({ headers }) },
  listProfileGames: {
    secured: true,
    call: (client, headers) => client.listProfileGames({ headers }),
  },
  listProfileOwnedKeys: {
    secured: true,
    call: (client, headers) => client.listProfileOwnedKeys({ page: 2 }, { headers }),
  },
  listProfileCollections: {
    secured: true,
    call: (client, headers) => client.listProfileCollections({ headers }),
  },
  listProfileOwnedBundles: {
    secured: true,
    call: (client, headers) => client.listProfileOwnedBundles({ headers }),
  },
  listProfileBuilds: {
    secured: true,
    call: (client, headers) =>
      client.listProfileBuilds(
        { page: 1, perPage: 20, state: 'live', includeTotals: '1', startedBuildIds: '1,2' },
        { headers },
      ),
  },
  getGame: {
    secured: true,
    call: (client, headers) => client.getGame(1328853, { downloadKeyId: 7 }, { headers }),
  },
  listGameUploads: {
    secured: true,
    call: (client, headers) => client.listGameUploads(1, { secret: 's' }, { headers }),
  },
  newDownloadSession: {
    secured: true,
    call: (client, headers) => client.newDownloadSession(1, { password: 'p' }, { headers }),
  },
  getUpload: {
    secured: true,
    call: (client, headers) => client.getUpload(4976926, undefined, { headers }),
  },
  listUploadBuilds: {
    secured: true,
    call: (client, headers) => client.listUploadBuilds(2, undefined, { headers }),
  },
  getUploadScannedArchive: {
    secured: true,
    call: (client, headers) => client.getUploadScannedArchive(2, undefined, { headers }),
  },
  getBuild: {
    secured: true,
    call: (client, headers) => client.getBuild(3, undefined, { headers }),
  },
  getBuildUpgradePath: {
    secured: true,
    call: (client, headers) => client.getBuildUpgradePath(3, 9, undefined, { headers }),
  },
  getBuildScannedArchive: {
    secured: true,
    call: (client, headers) => client.getBuildScannedArchive(3, undefined, { headers }),
  },
  getUser: {
    secured: true,
    call: (client, headers) => client.getUser(475352, { headers }),
  },
  getCollection: {
    secured: true,
    call: (client, headers) => client.getCollection(5, { headers }),
  },
  getCollectionGames: {
    secured: true,
    call: (client, headers) => client.getCollectionGames(5, { page: 1 }, { headers }),
  },
  getBundleGames: {
    secured: true,
    call: (client, headers) => client.getBundleGames(6, { page: 1 }, { headers }),
  },
  claimBundleGame: {
    secured: true,
    call: (client, headers) => client.claimBundleGame(6, { gameId: 1328853 }, { headers }),
  },
  searchGames: {
    secured: true,
    call: (client, headers) => client.searchGames({ query: 'sinkhole', page: 1 }, { headers }),
  },
  searchUsers: {
    secured: true,
    call: (client, headers) => client.searchUsers({ query: 'gurken' }, { headers }),
  },
  loginWithPassword: {
    secured: false,
    call: (client, headers) =>
      client.loginWithPassword(
        { username: 'u', password: 'hunter2', source: 'desktop', forceRecaptcha: false },
        { headers },
      ),
  },
  totpVerify: {
    secured: false,
    call: (client, headers) => client.totpVerify({ token: 't', code: '123456' }, { headers }),
  },
  wharfStatus: { secured: true, call: (client, headers) => client.wharfStatus({ headers }) },
  listChannels: {
    secured: true,
    call: (client, headers) => client.listChannels({ target: 'u/game' }, { headers }),
  },
  getChannel: {
    secured: true,
    call: (client, headers) => client.getChannel('windows-64', { target: 'u/game' }, { headers }),
  },
  createBuild: {
    secured: true,
    call: (client, headers) =>
      client.createBuild(
        { target: 'u/game', channel: 'windows-64', userVersion: '1.2.3', hidden: true },
        { headers },
      ),
  },
  getWharfBuild: {
    secured: true,
    call: (client, headers) => client.getWharfBuild(3, { headers }),
  },
  listBuildFiles: {
    secured: true,
    call: (client, headers) => client.listBuildFiles(3, { headers }),
  },
  createBuildFile: {
    secured: true,
    call: (client, headers) =>
      client.createBuildFile(
        3,
        { type: 'patch', subType: 'optimized', uploadType: 'deferred_resumable' },
        { headers },
      ),
  },
  finalizeBuildFile: {
    secured: true,
    call: (client, headers) => client.finalizeBuildFile(3, 4, { size: 1024 }, { headers }),
  },
  listBuildEvents: {
    secured: true,
    call: (client, headers) => client.listBuildEvents(3, { headers }),
  },
  createBuildEvent: {
    secured: true,
    call: (client, headers) =>
      client.createBuildEvent(
        3,
        { type: 'log', message: 'hello', data: JSON.stringify({ level: 'info' }) },
        { headers },
      ),
  },
  createBuildFailure: {
    secured: true,
    call: (client, headers) =>
      client.createBuildFailure(3, { message: 'boom', fatal: true }, { headers }),
  },
  createRediffBuildFailure: {
    secured: true,
    call: (client, headers) =>
      client.createRediffBuildFailure(3, { message: 'rediff failed' }, { headers }),
  },
};
