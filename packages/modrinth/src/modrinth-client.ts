import type { CallOptions } from '@x/core';
import type { OperationOptions } from '@x/core/client';
import {
  type ChunkOptions,
  getLatestVersionsFromHashesBatched,
  getProjectsBatched,
  getUsersBatched,
  getVersionsBatched,
  type HashLookup,
  type LatestVersionsLookup,
  versionsFromHashesBatched,
} from './batch.js';
import { createModrinthTransport, type ModrinthClientOptions } from './client.js';
import {
  type DownloadableFile,
  type DownloadFields,
  type DownloadOptions,
  downloadVersionFile,
} from './download.js';
import { ModrinthOperations } from './generated/methods.gen.js';
import type {
  HashVersionMap,
  Project,
  ProjectResult,
  User,
  Version,
} from './generated/types.gen.js';
import { type SearchAllInput, searchAll } from './search.js';
import {
  type CheckUpdatesInput,
  checkUpdates,
  type HashedFile,
  type UpdateCheck,
} from './updates.js';
import {
  type AddFilesUpload,
  type CreateProjectUpload,
  type CreateVersionUpload,
  type GalleryImageUpload,
  type ProjectIconUpload,
  type UserIconUpload,
  uploadGalleryImage,
  uploadProject,
  uploadProjectIcon,
  uploadUserIcon,
  uploadVersion,
  uploadVersionFiles,
} from './uploads.js';

/**
 * A Modrinth client: every operation of the API as a method generated from
 * the spec (`modrinth.getProject('sodium')`), and the helpers beside them,
 * all of the same shape: positional path values, then one input object, then
 * the per-call options (`signal`, `timeoutMs`, `headers`, `retry`).
 *
 * Each helper is also a standalone function of `@x/modrinth/operations`
 * taking the client first (`checkUpdates(modrinth, files, input)`).
 */
export class ModrinthClient extends ModrinthOperations {
  /** A client sharing this one's limiter and token, with other defaults (`timeoutMs`, `retry`...). */
  withOptions(overrides: CallOptions): ModrinthClient {
    return new ModrinthClient(this.transport.withOptions(overrides));
  }

  /** Every hit of a search, page by page; see `searchProjects` for the fields. */
  searchAll(input?: SearchAllInput, options?: OperationOptions): AsyncIterable<ProjectResult> {
    return searchAll(this, input, options);
  }

  /** `getProjects` for any number of IDs or slugs, chunked to keep URLs short, results merged. */
  getProjectsBatched(
    ids: Iterable<string>,
    input?: ChunkOptions,
    options?: OperationOptions,
  ): Promise<Project[]> {
    return getProjectsBatched(this, ids, input, options);
  }

  /** `getVersions` for any number of version IDs, chunked, results merged. */
  getVersionsBatched(
    ids: Iterable<string>,
    input?: ChunkOptions,
    options?: OperationOptions,
  ): Promise<Version[]> {
    return getVersionsBatched(this, ids, input, options);
  }

  /** `getUsers` for any number of user IDs or usernames, chunked, results merged. */
  getUsersBatched(
    ids: Iterable<string>,
    input?: ChunkOptions,
    options?: OperationOptions,
  ): Promise<User[]> {
    return getUsersBatched(this, ids, input, options);
  }

  /** `versionsFromHashes` for any number of hashes: hash -> Version. */
  versionsFromHashesBatched(
    hashes: Iterable<string>,
    input: HashLookup,
    options?: OperationOptions,
  ): Promise<HashVersionMap> {
    return versionsFromHashesBatched(this, hashes, input, options);
  }

  /** `getLatestVersionsFromHashes` for any number of hashes: hash -> newest matching Version. */
  getLatestVersionsFromHashesBatched(
    hashes: Iterable<string>,
    input: LatestVersionsLookup,
    options?: OperationOptions,
  ): Promise<HashVersionMap> {
    return getLatestVersionsFromHashesBatched(this, hashes, input, options);
  }

  /**
   * For a folder's worth of files, in two batched lookups: which version each
   * file is, and whether a newer one exists for the loaders and game versions.
   */
  checkUpdates(
    files: readonly HashedFile[],
    input: CheckUpdatesInput,
    options?: OperationOptions,
  ): Promise<UpdateCheck[]> {
    return checkUpdates(this, files, input, options);
  }

  /**
   * Downloads a version's file (`primaryFile(version)`) into memory, verified
   * by its size and `sha512` (else `sha1`): a `File`, in any runtime. The
   * token never goes to the CDN. To stream it to disk, atomically, see
   * `saveVersionFile` in `@x/modrinth/node`.
   */
  downloadVersionFile(
    file: DownloadableFile,
    input?: DownloadFields,
    options?: DownloadOptions,
  ): Promise<File> {
    return downloadVersionFile(this, file, input, options);
  }

  /** Creates a version with its files (`POST /version`, multipart). */
  uploadVersion(upload: CreateVersionUpload, options?: OperationOptions): Promise<Version> {
    return uploadVersion(this, upload, options);
  }

  /** Creates a project with its optional icon (`POST /project`, multipart). */
  uploadProject(upload: CreateProjectUpload, options?: OperationOptions): Promise<Project> {
    return uploadProject(this, upload, options);
  }

  /** Adds files to a version (`POST /version/{id}/file`, multipart). */
  uploadVersionFiles(
    versionId: string,
    upload: AddFilesUpload,
    options?: OperationOptions,
  ): Promise<void> {
    return uploadVersionFiles(this, versionId, upload, options);
  }

  /** Changes a project's icon (`PATCH /project/{id|slug}/icon`). */
  uploadProjectIcon(
    idOrSlug: string,
    input: ProjectIconUpload,
    options?: OperationOptions,
  ): Promise<void> {
    return uploadProjectIcon(this, idOrSlug, input, options);
  }

  /** Adds a gallery image (`POST /project/{id|slug}/gallery`). */
  uploadGalleryImage(
    idOrSlug: string,
    input: GalleryImageUpload,
    options?: OperationOptions,
  ): Promise<void> {
    return uploadGalleryImage(this, idOrSlug, input, options);
  }

  /** Changes a user's avatar (`PATCH /user/{id|username}/icon`). */
  uploadUserIcon(
    idOrUsername: string,
    input: UserIconUpload,
    options?: OperationOptions,
  ): Promise<void> {
    return uploadUserIcon(this, idOrUsername, input, options);
  }
}

/**
 * A Modrinth client. Set a `userAgent` that names your application; `token`
 * (a personal access token, e.g. `process.env.MODRINTH_TOKEN`) only for
 * operations that need one.
 *
 * ```ts
 * const modrinth = createModrinthClient({ userAgent: 'my-launcher/1.0 (me@example.com)' });
 * const project = await modrinth.getProject('sodium');
 * ```
 */
export function createModrinthClient(options: ModrinthClientOptions = {}): ModrinthClient {
  return new ModrinthClient(createModrinthTransport(options));
}
