import type { Client } from '@x/core/client';
import * as sdk from '../../src/generated/sdk.gen.js';

type Call = (client: Client, headers?: Record<string, string>) => Promise<unknown>;

/**
 * One valid call per operation of the spec (36), keyed by operationId, plus
 * whether the spec requires the bearer token for it.
 */
export const calls: Record<string, { call: Call; secured: boolean }> = {
  getProfile: { secured: true, call: (client, headers) => sdk.getProfile({ client, headers }) },
  listProfileGames: {
    secured: true,
    call: (client, headers) => sdk.listProfileGames({ client, headers }),
  },
  listProfileOwnedKeys: {
    secured: true,
    call: (client, headers) => sdk.listProfileOwnedKeys({ client, headers, query: { page: 2 } }),
  },
  listProfileCollections: {
    secured: true,
    call: (client, headers) => sdk.listProfileCollections({ client, headers }),
  },
  listProfileOwnedBundles: {
    secured: true,
    call: (client, headers) => sdk.listProfileOwnedBundles({ client, headers }),
  },
  listProfileBuilds: {
    secured: true,
    call: (client, headers) =>
      sdk.listProfileBuilds({
        client,
        headers,
        query: {
          page: 1,
          per_page: 20,
          state: 'live',
          include_totals: '1',
          started_build_ids: '1,2',
        },
      }),
  },
  getGame: {
    secured: true,
    call: (client, headers) =>
      sdk.getGame({ client, headers, path: { gameId: 1328853 }, query: { download_key_id: 7 } }),
  },
  listGameUploads: {
    secured: true,
    call: (client, headers) =>
      sdk.listGameUploads({ client, headers, path: { gameId: 1 }, query: { secret: 's' } }),
  },
  newDownloadSession: {
    secured: true,
    call: (client, headers) =>
      sdk.newDownloadSession({ client, headers, path: { gameId: 1 }, query: { password: 'p' } }),
  },
  getUpload: {
    secured: true,
    call: (client, headers) => sdk.getUpload({ client, headers, path: { uploadId: 4976926 } }),
  },
  listUploadBuilds: {
    secured: true,
    call: (client, headers) => sdk.listUploadBuilds({ client, headers, path: { uploadId: 2 } }),
  },
  getUploadScannedArchive: {
    secured: true,
    call: (client, headers) =>
      sdk.getUploadScannedArchive({ client, headers, path: { uploadId: 2 } }),
  },
  getBuild: {
    secured: true,
    call: (client, headers) => sdk.getBuild({ client, headers, path: { buildId: 3 } }),
  },
  getBuildUpgradePath: {
    secured: true,
    call: (client, headers) =>
      sdk.getBuildUpgradePath({ client, headers, path: { buildId: 3, targetBuildId: 9 } }),
  },
  getBuildScannedArchive: {
    secured: true,
    call: (client, headers) =>
      sdk.getBuildScannedArchive({ client, headers, path: { buildId: 3 } }),
  },
  getUser: {
    secured: true,
    call: (client, headers) => sdk.getUser({ client, headers, path: { userId: 475352 } }),
  },
  getCollection: {
    secured: true,
    call: (client, headers) => sdk.getCollection({ client, headers, path: { collectionId: 5 } }),
  },
  getCollectionGames: {
    secured: true,
    call: (client, headers) =>
      sdk.getCollectionGames({ client, headers, path: { collectionId: 5 }, query: { page: 1 } }),
  },
  getBundleGames: {
    secured: true,
    call: (client, headers) =>
      sdk.getBundleGames({ client, headers, path: { bundleId: 6 }, query: { page: 1 } }),
  },
  claimBundleGame: {
    secured: true,
    call: (client, headers) =>
      sdk.claimBundleGame({ client, headers, path: { bundleId: 6 }, body: { game_id: 1328853 } }),
  },
  searchGames: {
    secured: true,
    call: (client, headers) =>
      sdk.searchGames({ client, headers, query: { query: 'sinkhole', page: 1 } }),
  },
  searchUsers: {
    secured: true,
    call: (client, headers) => sdk.searchUsers({ client, headers, query: { query: 'gurken' } }),
  },
  loginWithPassword: {
    secured: false,
    call: (client, headers) =>
      sdk.loginWithPassword({
        client,
        headers,
        body: { username: 'u', password: 'hunter2', source: 'desktop', force_recaptcha: false },
      }),
  },
  totpVerify: {
    secured: false,
    call: (client, headers) =>
      sdk.totpVerify({ client, headers, body: { token: 't', code: '123456' } }),
  },
  wharfStatus: { secured: true, call: (client, headers) => sdk.wharfStatus({ client, headers }) },
  listChannels: {
    secured: true,
    call: (client, headers) => sdk.listChannels({ client, headers, query: { target: 'u/game' } }),
  },
  getChannel: {
    secured: true,
    call: (client, headers) =>
      sdk.getChannel({
        client,
        headers,
        path: { channelName: 'windows-64' },
        query: { target: 'u/game' },
      }),
  },
  createBuild: {
    secured: true,
    call: (client, headers) =>
      sdk.createBuild({
        client,
        headers,
        body: { target: 'u/game', channel: 'windows-64', user_version: '1.2.3', hidden: true },
      }),
  },
  getWharfBuild: {
    secured: true,
    call: (client, headers) => sdk.getWharfBuild({ client, headers, path: { buildId: 3 } }),
  },
  listBuildFiles: {
    secured: true,
    call: (client, headers) => sdk.listBuildFiles({ client, headers, path: { buildId: 3 } }),
  },
  createBuildFile: {
    secured: true,
    call: (client, headers) =>
      sdk.createBuildFile({
        client,
        headers,
        path: { buildId: 3 },
        body: { type: 'patch', sub_type: 'optimized', upload_type: 'deferred_resumable' },
      }),
  },
  finalizeBuildFile: {
    secured: true,
    call: (client, headers) =>
      sdk.finalizeBuildFile({
        client,
        headers,
        path: { buildId: 3, fileId: 4 },
        body: { size: 1024 },
      }),
  },
  listBuildEvents: {
    secured: true,
    call: (client, headers) => sdk.listBuildEvents({ client, headers, path: { buildId: 3 } }),
  },
  createBuildEvent: {
    secured: true,
    call: (client, headers) =>
      sdk.createBuildEvent({
        client,
        headers,
        path: { buildId: 3 },
        body: { type: 'log', message: 'hello', data: JSON.stringify({ level: 'info' }) },
      }),
  },
  createBuildFailure: {
    secured: true,
    call: (client, headers) =>
      sdk.createBuildFailure({
        client,
        headers,
        path: { buildId: 3 },
        body: { message: 'boom', fatal: true },
      }),
  },
  createRediffBuildFailure: {
    secured: true,
    call: (client, headers) =>
      sdk.createRediffBuildFailure({
        client,
        headers,
        path: { buildId: 3 },
        body: { message: 'rediff failed' },
      }),
  },
};
