import type { CallOptions, PaginatedIterable } from '@x/core';
import type { OperationOptions } from '@x/core/client';
import { planUpgrade, type UpgradeStep } from './builds.js';
import { createItchTransport, type ItchClientOptions } from './client.js';
import {
  type AccessInput,
  downloadUpload,
  openDownloadSession,
  resolveUploadDownloadUrl,
  type UploadDownloadInput,
  uploadDownloadUrl,
} from './downloads.js';
import { ItchOperations } from './generated/methods.gen.js';
import type {
  GetBundleGamesInput,
  GetCollectionGamesInput,
  ListProfileBuildsInput,
  ListProfileOwnedKeysInput,
  SearchGamesInput,
  SearchUsersInput,
} from './generated/operations.gen.js';
import type {
  Build,
  BundleGame,
  Collection,
  CollectionGame,
  DownloadKey,
  Game,
  User,
} from './generated/types.gen.js';
import { type LoginInput, type LoginResult, login } from './login.js';
import {
  iterateBundleGames,
  iterateCollectionGames,
  iterateOwnedKeys,
  iterateProfileBuilds,
  iterateProfileCollections,
  iterateProfileGames,
  iterateSearchGames,
  iterateSearchUsers,
  type PagedInput,
} from './pagination.js';

/**
 * An itch.io client: every operation of the API as a method generated from
 * the spec (`itch.getGame(gameId)`), and the helpers beside them, all of the
 * same shape: positional path values, then one input object (camelCase
 * fields, sent as itch's snake_case), then the per-call options (`signal`,
 * `timeoutMs`, `headers`, `retry`). Answers come back camelCase too.
 *
 * Each helper is also a standalone function of `@x/itch/operations` taking
 * the client first (`downloadUpload(itch, uploadId)`).
 */
export class ItchClient extends ItchOperations {
  /** A client sharing this one's limiter and credential, with other defaults (`timeoutMs`, `retry`...). */
  withOptions(overrides: CallOptions): ItchClient {
    return new ItchClient(this.transport.withOptions(overrides));
  }

  /**
   * Logs in with a password (`POST /login`) and, when the account asks for
   * one, a TOTP code (`POST /totp/verify`, as itch's own clients send it);
   * resolves to the API key. Use it with `createItchClient({ apiKey })`.
   * A wrong password rejects with a `LoginError` whose `reason` is
   * `'incorrect-credentials'` (itch answers 400; `cause` is the
   * `BadRequestError`, `errors` itch's words), a wrong code with
   * `'totp-invalid'`; none of them holds the credentials.
   */
  login(input: LoginInput, options?: OperationOptions): Promise<LoginResult> {
    return login(this, input, options);
  }

  /** `POST /games/{gameId}/download-sessions`: the session UUID to pass to the download. */
  openDownloadSession(
    gameId: number,
    input?: AccessInput,
    options?: OperationOptions,
  ): Promise<string> {
    return openDownloadSession(this, gameId, input, options);
  }

  /** The API address of an upload's file (`GET /uploads/{uploadId}/download`); no credentials in it. */
  uploadDownloadUrl(uploadId: number, input?: UploadDownloadInput): string {
    return uploadDownloadUrl(this, uploadId, input);
  }

  /** Where an upload's bytes live (the CDN URL), without downloading them. */
  resolveUploadDownloadUrl(
    uploadId: number,
    input?: UploadDownloadInput,
    options?: OperationOptions,
  ): Promise<string> {
    return resolveUploadDownloadUrl(this, uploadId, input, options);
  }

  /** Downloads an upload: the final `Response` (stream its `body`) and its URL; the key never reaches the CDN. */
  downloadUpload(
    uploadId: number,
    input?: UploadDownloadInput,
    options?: OperationOptions,
  ): Promise<{ url: string; response: Response }> {
    return downloadUpload(this, uploadId, input, options);
  }

  /** The patches from one build to another, in order (wharf upgrade path). */
  planUpgrade(
    buildId: number,
    targetBuildId: number,
    input?: AccessInput,
    options?: OperationOptions,
  ): Promise<UpgradeStep[]> {
    return planUpgrade(this, buildId, targetBuildId, input, options);
  }

  /** Every download key the profile owns, page by page. */
  iterateOwnedKeys(
    input?: PagedInput<ListProfileOwnedKeysInput>,
    options?: OperationOptions,
  ): PaginatedIterable<DownloadKey> {
    return iterateOwnedKeys(this, input, options);
  }

  /** The profile's games. */
  iterateProfileGames(options?: OperationOptions): PaginatedIterable<Game> {
    return iterateProfileGames(this, options);
  }

  /** The profile's collections. */
  iterateProfileCollections(options?: OperationOptions): PaginatedIterable<Collection> {
    return iterateProfileCollections(this, options);
  }

  /** The profile's builds, page by page. */
  iterateProfileBuilds(
    input?: PagedInput<ListProfileBuildsInput>,
    options?: OperationOptions,
  ): PaginatedIterable<Build> {
    return iterateProfileBuilds(this, input, options);
  }

  /** A collection's games, page by page. */
  iterateCollectionGames(
    collectionId: number,
    input?: PagedInput<GetCollectionGamesInput>,
    options?: OperationOptions,
  ): PaginatedIterable<CollectionGame> {
    return iterateCollectionGames(this, collectionId, input, options);
  }

  /** A bundle's games, page by page. */
  iterateBundleGames(
    bundleId: number,
    input?: PagedInput<GetBundleGamesInput>,
    options?: OperationOptions,
  ): PaginatedIterable<BundleGame> {
    return iterateBundleGames(this, bundleId, input, options);
  }

  /** Games matching `query`, page by page. */
  iterateSearchGames(
    input: PagedInput<SearchGamesInput>,
    options?: OperationOptions,
  ): PaginatedIterable<Game> {
    return iterateSearchGames(this, input, options);
  }

  /** Users matching `query`, page by page. */
  iterateSearchUsers(
    input: PagedInput<SearchUsersInput>,
    options?: OperationOptions,
  ): PaginatedIterable<User> {
    return iterateSearchUsers(this, input, options);
  }
}

/**
 * A client for the itch.io API, with an API key (or a `jwt`), e.g. from the
 * environment:
 *
 * ```ts
 * const itch = createItchClient({ apiKey: process.env.ITCH_API_KEY });
 * const { user } = await itch.getProfile();
 * ```
 */
export function createItchClient(options: ItchClientOptions = {}): ItchClient {
  return new ItchClient(createItchTransport(options));
}
