/**
 * `@x/modrinth/operations`: every operation as a standalone function
 * (tree-shakable: a bundle holds only the ones it imports), taking what it
 * sends with first, then the same arguments as the client's method:
 *
 * ```ts
 * import { createModrinthTransport, getProject } from '@x/modrinth/operations';
 * const transport = createModrinthTransport({ userAgent: 'my-app/1.0' });
 * const project = await getProject(transport, 'sodium');
 * ```
 *
 * A `ModrinthClient` works in place of the transport. Also here: the
 * helpers as functions, and the per-operation `*Data`/`*Errors`/`*Responses` types.
 */
export type { OperationOptions, OperationTarget } from '@x/core/client';
export {
  getLatestVersionsFromHashesBatched,
  getProjectsBatched,
  getUsersBatched,
  getVersionsBatched,
  versionsFromHashesBatched,
} from './batch.js';
export { createModrinthTransport, type ModrinthTransport } from './client.js';
export { downloadVersionFile } from './download.js';
// Generated from the spec (scripts/x-operations-plugin.mjs), one per operation
// but the six multipart/raw-image ones, replaced by the upload functions below.
export * from './generated/operations.gen.js';
export type * from './generated/types.gen.js';
export { searchAll } from './search.js';
export { checkUpdates } from './updates.js';
export {
  uploadGalleryImage,
  uploadProject,
  uploadProjectIcon,
  uploadUserIcon,
  uploadVersion,
  uploadVersionFiles,
} from './uploads.js';
