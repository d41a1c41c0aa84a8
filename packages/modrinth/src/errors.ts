/**
 * @x/core's error classes with Modrinth's error body typed: the same classes
 * (so `instanceof` works with either import), declared here with `code`,
 * `description` and `body` narrowed to what labrinth sends.
 */

import * as core from '@x/core';

/**
 * The machine-readable `error` of labrinth's error JSON (`ApiError::as_api_error`
 * in modrinth/code `apps/labrinth/src/routes/mod.rs`). Any other string may
 * arrive from a newer server.
 */
export type ModrinthErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'unauthorized'
  | 'ratelimit_error'
  | 'conflict'
  | 'api_deprecated'
  | 'internal_error'
  | 'request_error'
  | 'database_error'
  | 'json_error'
  | 'search_error'
  | 'file_hosting_error'
  | 'invalid_image'
  | 'decoding_error'
  | 'turnstile_error'
  | 'payments_error'
  | 'zip_error'
  | 'io_error'
  // Any other code: completion still offers the known ones.
  | (string & {});

/** Modrinth's error body: `{"error": "not_found", "description": "..."}`. */
export interface ModrinthErrorBody {
  /** Machine-readable code, e.g. `not_found`, `invalid_input`, `ratelimit_error`. */
  error: ModrinthErrorCode;
  /** Human-readable description. */
  description: string;
}

/** An @x/core HTTP error from Modrinth, its body's fields typed. */
export type ModrinthError<E extends core.ApiError = core.ApiError> = Omit<
  E,
  'code' | 'description' | 'body'
> & {
  /** labrinth's `error` code (`not_found`, `invalid_input`, `ratelimit_error`...), when the body had one. */
  readonly code: ModrinthErrorCode | undefined;
  /** labrinth's `description`, when the body had one. */
  readonly description: string | undefined;
  /** The parsed JSON body, its text when not JSON, `undefined` when empty. */
  readonly body: ModrinthErrorBody | string | undefined;
};

/** The same class, its instances typed as {@link ModrinthError}. */
export type ModrinthErrorClass<C extends abstract new (init: core.ApiErrorInit) => core.ApiError> =
  Omit<C, 'prototype'> & {
    readonly prototype: ModrinthError<InstanceType<C>>;
    new (init: core.ApiErrorInit): ModrinthError<InstanceType<C>>;
  };

/** Any HTTP error answer (status >= 400). */
export const ApiError = core.ApiError as ModrinthErrorClass<typeof core.ApiError>;
export type ApiError = ModrinthError<core.ApiError>;
/** 400: `invalid_input` and the like. */
export const BadRequestError = core.BadRequestError as ModrinthErrorClass<
  typeof core.BadRequestError
>;
export type BadRequestError = ModrinthError<core.BadRequestError>;
/** 401: a missing or refused token (`unauthorized`). */
export const AuthenticationError = core.AuthenticationError as ModrinthErrorClass<
  typeof core.AuthenticationError
>;
export type AuthenticationError = ModrinthError<core.AuthenticationError>;
/** 403 */
export const PermissionDeniedError = core.PermissionDeniedError as ModrinthErrorClass<
  typeof core.PermissionDeniedError
>;
export type PermissionDeniedError = ModrinthError<core.PermissionDeniedError>;
/** 404: `not_found`. */
export const NotFoundError = core.NotFoundError as ModrinthErrorClass<typeof core.NotFoundError>;
export type NotFoundError = ModrinthError<core.NotFoundError>;
/** 409: `conflict`. */
export const ConflictError = core.ConflictError as ModrinthErrorClass<typeof core.ConflictError>;
export type ConflictError = ModrinthError<core.ConflictError>;
/** 410: this API version is no longer served (`api_deprecated`). */
export const GoneError = core.GoneError as ModrinthErrorClass<typeof core.GoneError>;
export type GoneError = ModrinthError<core.GoneError>;
/** 422 */
export const UnprocessableEntityError = core.UnprocessableEntityError as ModrinthErrorClass<
  typeof core.UnprocessableEntityError
>;
export type UnprocessableEntityError = ModrinthError<core.UnprocessableEntityError>;
/** 429: `ratelimit_error`, after the retries. */
export const RateLimitError = core.RateLimitError as ModrinthErrorClass<typeof core.RateLimitError>;
export type RateLimitError = ModrinthError<core.RateLimitError>;
/** 5xx */
export const InternalServerError = core.InternalServerError as ModrinthErrorClass<
  typeof core.InternalServerError
>;
export type InternalServerError = ModrinthError<core.InternalServerError>;

export { parseModrinthError } from './error-body.js';
