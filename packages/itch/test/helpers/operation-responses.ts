import { normalizeAs } from '../../src/normalize.js';

/**
 * The tests' table of each operation's route and the component schema of its
 * 200 response (the operations themselves carry their response's shape in
 * their generated spec, `response`), from
 * `specs/itch.openapi.json` (`null`: an inline `{ type: object }` with nothing to
 * normalise). `test/operations.test.ts` checks this table
 * against the spec, so it cannot drift from it.
 */
export const OPERATION_RESPONSES = [
  ['getProfile', 'GET', '/profile', 'GetProfileResponse'],
  ['listProfileGames', 'GET', '/profile/games', 'ListProfileGamesResponse'],
  ['listProfileOwnedKeys', 'GET', '/profile/owned-keys', 'ListProfileOwnedKeysResponse'],
  ['listProfileCollections', 'GET', '/profile/collections', 'ListProfileCollectionsResponse'],
  ['listProfileOwnedBundles', 'GET', '/profile/owned-bundles', 'ListProfileOwnedBundlesResponse'],
  ['listProfileBuilds', 'GET', '/profile/builds', 'ListProfileBuildsResponse'],
  ['getGame', 'GET', '/games/{gameId}', 'GetGameResponse'],
  ['listGameUploads', 'GET', '/games/{gameId}/uploads', 'ListGameUploadsResponse'],
  ['newDownloadSession', 'POST', '/games/{gameId}/download-sessions', 'NewDownloadSessionResponse'],
  ['getUpload', 'GET', '/uploads/{uploadId}', 'GetUploadResponse'],
  ['listUploadBuilds', 'GET', '/uploads/{uploadId}/builds', 'ListUploadBuildsResponse'],
  [
    'getUploadScannedArchive',
    'GET',
    '/uploads/{uploadId}/scanned-archive',
    'GetScannedArchiveResponse',
  ],
  ['getBuild', 'GET', '/builds/{buildId}', 'GetBuildResponse'],
  [
    'getBuildUpgradePath',
    'GET',
    '/builds/{buildId}/upgrade-paths/{targetBuildId}',
    'GetBuildUpgradePathResponse',
  ],
  [
    'getBuildScannedArchive',
    'GET',
    '/builds/{buildId}/scanned-archive',
    'GetScannedArchiveResponse',
  ],
  ['getUser', 'GET', '/users/{userId}', 'GetUserResponse'],
  ['getCollection', 'GET', '/collections/{collectionId}', 'GetCollectionResponse'],
  [
    'getCollectionGames',
    'GET',
    '/collections/{collectionId}/collection-games',
    'GetCollectionGamesResponse',
  ],
  ['getBundleGames', 'GET', '/bundles/{bundleId}/bundle-games', 'GetBundleGamesResponse'],
  ['claimBundleGame', 'POST', '/bundles/{bundleId}/claim-game', 'ClaimBundleGameResponse'],
  ['searchGames', 'GET', '/search/games', 'SearchGamesResponse'],
  ['searchUsers', 'GET', '/search/users', 'SearchUsersResponse'],
  ['loginWithPassword', 'POST', '/login', 'LoginWithPasswordResponse'],
  ['totpVerify', 'POST', '/totp/verify', 'TOTPVerifyResponse'],
  ['wharfStatus', 'GET', '/wharf/status', 'WharfStatusResponse'],
  ['listChannels', 'GET', '/wharf/channels', 'ListChannelsResponse'],
  ['getChannel', 'GET', '/wharf/channels/{channelName}', 'GetChannelResponse'],
  ['createBuild', 'POST', '/wharf/builds', 'CreateBuildResponse'],
  ['getWharfBuild', 'GET', '/wharf/builds/{buildId}', 'GetWharfBuildResponse'],
  ['listBuildFiles', 'GET', '/wharf/builds/{buildId}/files', 'ListBuildFilesResponse'],
  ['createBuildFile', 'POST', '/wharf/builds/{buildId}/files', 'CreateBuildFileResponse'],
  ['finalizeBuildFile', 'POST', '/wharf/builds/{buildId}/files/{fileId}', null],
  ['listBuildEvents', 'GET', '/wharf/builds/{buildId}/events', 'ListBuildEventsResponse'],
  ['createBuildEvent', 'POST', '/wharf/builds/{buildId}/events', null],
  ['createBuildFailure', 'POST', '/wharf/builds/{buildId}/failures', null],
  ['createRediffBuildFailure', 'POST', '/wharf/builds/{buildId}/failures/rediff', null],
] as const;

/** Each operation by `METHOD /path/{template}`. */
const routes = new Map(
  OPERATION_RESPONSES.map(([operationId, method, template, schema]) => [
    `${method} ${template}`,
    { operationId, schema },
  ]),
);

/** The operation a call targets, by its method and path template. */
export function routeOf(
  method: string,
  template: string,
): { operationId: string; schema: string | null } | undefined {
  return routes.get(`${method.toUpperCase()} ${template}`);
}

/** Normalise the JSON body of one operation's 200 response, by operationId, through the table. */
export function normalizeResponse(operationId: string, body: unknown): unknown {
  const route = [...routes.values()].find((r) => r.operationId === operationId);
  if (!route) throw new Error(`@x/itch: unknown operation ${operationId}`);
  return route.schema ? normalizeAs(route.schema, body) : body;
}
