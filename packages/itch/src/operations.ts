/**
 * `@x/itch/operations`: every operation as a standalone function
 * (tree-shakable: a bundle holds only the ones it imports), taking what it
 * sends with first, then the same arguments as the client's method:
 *
 * ```ts
 * import { createItchTransport, getGame } from '@x/itch/operations';
 * const transport = createItchTransport({ apiKey: process.env.ITCH_API_KEY });
 * const { game } = await getGame(transport, 3);
 * ```
 *
 * An `ItchClient` works in place of the transport. Also here: the helpers
 * as functions, and the per-operation `*Data`/`*Errors`/`*Responses` types.
 */
export type { OperationOptions, OperationTarget } from '@x/core/client';
export { planUpgrade } from './builds.js';
export { createItchTransport, type ItchTransport } from './client.js';
export {
  downloadUpload,
  openDownloadSession,
  resolveUploadDownloadUrl,
  uploadDownloadUrl,
} from './downloads.js';
// Generated from the spec (scripts/x-operations-plugin.mjs), one per operation.
export * from './generated/operations.gen.js';
export type * from './generated/types.gen.js';
export { login } from './login.js';
export {
  iterateBundleGames,
  iterateCollectionGames,
  iterateOwnedKeys,
  iterateProfileBuilds,
  iterateProfileCollections,
  iterateProfileGames,
  iterateSearchGames,
  iterateSearchUsers,
} from './pagination.js';
