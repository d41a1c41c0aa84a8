/**
 * @x/core's error classes with itch's error body typed: the same classes (so
 * `instanceof` works with either import), declared here with `errors` and
 * `body` narrowed to what itch sends.
 */

import * as core from '@x/core';

/** itch's error body: `{"errors": ["Incorrect username or password"]}`. */
export interface ItchErrorBody {
  /** What went wrong, in itch's words. */
  errors: string[];
}

/** An @x/core HTTP error from itch, its body's fields typed. */
export type ItchError<E extends core.ApiError = core.ApiError> = Omit<E, 'errors' | 'body'> & {
  /** itch's `errors` (e.g. `["Incorrect username or password"]`); empty when the body had none. */
  readonly errors: readonly string[];
  /** The parsed JSON body, its text when not JSON, `undefined` when empty. */
  readonly body: ItchErrorBody | string | undefined;
};

/** The same class, its instances typed as {@link ItchError}. */
export type ItchErrorClass<C extends abstract new (init: core.ApiErrorInit) => core.ApiError> =
  Omit<C, 'prototype'> & {
    readonly prototype: ItchError<InstanceType<C>>;
    new (init: core.ApiErrorInit): ItchError<InstanceType<C>>;
  };

/** Any HTTP error answer (status >= 400). */
export const ApiError = core.ApiError as ItchErrorClass<typeof core.ApiError>;
export type ApiError = ItchError<core.ApiError>;
/** 400: itch's answer to refused input, a wrong password or TOTP code included. */
export const BadRequestError = core.BadRequestError as ItchErrorClass<typeof core.BadRequestError>;
export type BadRequestError = ItchError<core.BadRequestError>;
/** 401: a missing or refused API key. */
export const AuthenticationError = core.AuthenticationError as ItchErrorClass<
  typeof core.AuthenticationError
>;
export type AuthenticationError = ItchError<core.AuthenticationError>;
/** 403 */
export const PermissionDeniedError = core.PermissionDeniedError as ItchErrorClass<
  typeof core.PermissionDeniedError
>;
export type PermissionDeniedError = ItchError<core.PermissionDeniedError>;
/** 404 */
export const NotFoundError = core.NotFoundError as ItchErrorClass<typeof core.NotFoundError>;
export type NotFoundError = ItchError<core.NotFoundError>;
/** 409 */
export const ConflictError = core.ConflictError as ItchErrorClass<typeof core.ConflictError>;
export type ConflictError = ItchError<core.ConflictError>;
/** 410 */
export const GoneError = core.GoneError as ItchErrorClass<typeof core.GoneError>;
export type GoneError = ItchError<core.GoneError>;
/** 422 */
export const UnprocessableEntityError = core.UnprocessableEntityError as ItchErrorClass<
  typeof core.UnprocessableEntityError
>;
export type UnprocessableEntityError = ItchError<core.UnprocessableEntityError>;
/** 429, after the retries. */
export const RateLimitError = core.RateLimitError as ItchErrorClass<typeof core.RateLimitError>;
export type RateLimitError = ItchError<core.RateLimitError>;
/** 5xx */
export const InternalServerError = core.InternalServerError as ItchErrorClass<
  typeof core.InternalServerError
>;
export type InternalServerError = ItchError<core.InternalServerError>;

export { parseItchErrorBody } from './error-body.js';
