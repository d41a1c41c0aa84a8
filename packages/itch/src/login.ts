import type { ApiError } from '@x/core';
import type { OperationOptions, OperationTarget } from '@x/core/client';
import { CoreError } from '@x/core/internal';
import type { ItchError } from './errors.js';
import { loginWithPassword, totpVerify } from './generated/operations.gen.js';
import type { ApiKey } from './generated/types.gen.js';

/** Input of {@link login}. */
export interface LoginInput {
  /** Username or e-mail address. */
  username: string;
  /** The account's password. */
  password: string;
  /** Asked for a TOTP code only when the account has two-factor authentication on. */
  totp?: (() => string | Promise<string>) | undefined;
  /** Source surface reported to itch (e.g. `desktop`). */
  source?: string | undefined;
  /** The answer to a recaptcha challenge a previous attempt asked for. */
  recaptchaResponse?: string | undefined;
}

/** What a successful {@link login} resolves to. */
export interface LoginResult {
  /** The API key to use as `createItchClient({ apiKey })`. */
  apiKey: string;
  /** The key's record (id, userId, dates...). */
  key: ApiKey;
  /** Browser session cookies, when itch sends them. */
  cookie?: { [name: string]: string };
}

/**
 * Why {@link login} ended without a key:
 * - `incorrect-credentials`: itch refused the username or password (the live
 *   service answers 400 `{"errors":["Incorrect username or password"]}`);
 * - `totp-invalid`: itch refused the two-factor code (400 `{"errors":["invalid code"]}`);
 * - `totp-required`: itch asked for a TOTP code and there is no `totp` callback;
 * - `recaptcha-required`: itch asked for a recaptcha;
 * - `no-key`: itch answered without an API key.
 */
export type LoginFailureReason =
  | 'incorrect-credentials'
  | 'totp-invalid'
  | 'totp-required'
  | 'recaptcha-required'
  | 'no-key';

/**
 * The login flow ended without a key, for a reason the caller can act on.
 * Its message never holds the username, password, TOTP token or code.
 */
export class LoginError extends CoreError {
  static override readonly errorName: string = 'LoginError';
  /** Why the login failed. */
  readonly reason: LoginFailureReason;
  /** Where to solve the challenge, for `recaptcha-required`. */
  readonly recaptchaUrl?: string;
  /** itch's own words, for `incorrect-credentials` and `totp-invalid` (e.g. `["Incorrect username or password"]`). */
  readonly errors: readonly string[];
  /** For `incorrect-credentials` and `totp-invalid`: the HTTP error itch answered with (its `status`, `errors`). */
  declare readonly cause?: ItchError;
  constructor(
    reason: LoginFailureReason,
    message: string,
    options: { recaptchaUrl?: string | undefined; cause?: ItchError } = {},
  ) {
    super(message, options.cause ? { cause: options.cause } : undefined);
    this.reason = reason;
    this.errors = options.cause?.errors ?? [];
    if (options.recaptchaUrl) this.recaptchaUrl = options.recaptchaUrl;
  }
}

/**
 * itch refuses a wrong password, or a wrong TOTP code, with 400 and
 * `{"errors": [...]}` (recorded from the live service; the spec said 401, so
 * both are read so). Any other failure is passed on as it is.
 */
function refused(error: unknown, apiError: typeof ApiError | undefined): error is ItchError {
  return (
    apiError !== undefined &&
    error instanceof apiError &&
    (error.status === 400 || error.status === 401)
  );
}

/**
 * @x/core's `ApiError`, imported only for an error with a status 400 or 401:
 * `login` is bundled beside the operations every call runs, and a static
 * import of `@x/core` would put the error classes in a browser bundle's
 * first load (see @x/core's `lazy.browser.ts`).
 */
async function apiErrorFor(error: unknown): Promise<typeof ApiError | undefined> {
  const status = (error as { status?: unknown } | null)?.status;
  if (status !== 400 && status !== 401) return undefined;
  // Its chunk did not load (offline, a new deployment): the error stays as it came.
  return (await import('./api-error.js').catch(() => undefined))?.ApiError;
}

/**
 * Log in with a password: `loginWithPassword` (`POST /login`), then, when
 * itch answers that a TOTP code is needed, `totpVerify` (`POST /totp/verify`,
 * where itch's own clients send it) with the code from `input.totp()`.
 * Resolves to the API key.
 *
 * A wrong username or password rejects with a {@link LoginError} whose
 * `reason` is `'incorrect-credentials'`; a wrong TOTP code, `'totp-invalid'`
 * (itch's `errors` are on the error, its HTTP error in `cause`). Other HTTP
 * failures throw the @x/core errors. None of them contain the credentials.
 */
export async function login(
  client: OperationTarget,
  input: LoginInput,
  options?: OperationOptions,
): Promise<LoginResult> {
  const first = await loginWithPassword(
    client,
    {
      username: input.username,
      password: input.password,
      source: input.source,
      recaptchaResponse: input.recaptchaResponse,
    },
    options,
  ).catch(async (error: unknown) => {
    if (refused(error, await apiErrorFor(error))) {
      throw new LoginError(
        'incorrect-credentials',
        `itch.io refused the username or password (${error.status}: ${error.errors.join('; ') || 'no reason given'})`,
        { cause: error },
      );
    }
    throw error;
  });
  if (first.key?.key) return result(first.key, first.cookie);
  if (first.recaptchaNeeded) {
    throw new LoginError(
      'recaptcha-required',
      'itch.io asks for a recaptcha; solve it at recaptchaUrl and retry with recaptchaResponse',
      { recaptchaUrl: first.recaptchaUrl },
    );
  }
  if (first.totpNeeded) {
    if (!input.totp || !first.token) {
      throw new LoginError(
        'totp-required',
        'itch.io asks for a two-factor (TOTP) code; pass a totp callback',
      );
    }
    const code = await input.totp();
    const second = await totpVerify(client, { token: first.token, code }, options).catch(
      async (error: unknown) => {
        if (refused(error, await apiErrorFor(error))) {
          throw new LoginError(
            'totp-invalid',
            `itch.io refused the two-factor code (${error.status}: ${error.errors.join('; ') || 'no reason given'})`,
            { cause: error },
          );
        }
        throw error;
      },
    );
    if (second.key?.key) return result(second.key, second.cookie);
  }
  throw new LoginError('no-key', 'itch.io answered the login without an API key');
}

function result(key: ApiKey, cookie: { [name: string]: string } | undefined): LoginResult {
  const out: LoginResult = { apiKey: key.key as string, key };
  if (cookie) out.cookie = cookie;
  return out;
}
