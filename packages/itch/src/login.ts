import { CoreError } from '@x/core';
import type { OperationOptions, OperationTarget } from '@x/core/client';
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
 * Why {@link login} ended without a key: itch asked for a TOTP code that could
 * not be sent (no `totp` callback), asked for a recaptcha, or answered with no key.
 */
export type LoginFailureReason = 'totp-required' | 'recaptcha-required' | 'no-key';

/**
 * The login flow ended without a key, for a reason the caller can act on.
 * Its message never holds the username, password, TOTP token or code.
 */
export class LoginError extends CoreError {
  /** Why the login failed. */
  readonly reason: LoginFailureReason;
  /** Where to solve the challenge, for `recaptcha-required`. */
  readonly recaptchaUrl?: string;
  constructor(reason: LoginFailureReason, message: string, recaptchaUrl?: string) {
    super(message);
    this.reason = reason;
    if (recaptchaUrl) this.recaptchaUrl = recaptchaUrl;
  }
}

/**
 * Log in with a password: `loginWithPassword`, then, when itch answers that
 * a TOTP code is needed, `totpVerify` with the code from `input.totp()`.
 * Resolves to the API key. HTTP failures throw @x/core errors (a wrong
 * password is an `AuthenticationError`); neither they nor a `LoginError`
 * contain the credentials.
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
  );
  if (first.key?.key) return result(first.key, first.cookie);
  if (first.recaptchaNeeded) {
    throw new LoginError(
      'recaptcha-required',
      'itch.io asks for a recaptcha; solve it at recaptchaUrl and retry with recaptchaResponse',
      first.recaptchaUrl,
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
    const second = await totpVerify(client, { token: first.token, code }, options);
    if (second.key?.key) return result(second.key, second.cookie);
  }
  throw new LoginError('no-key', 'itch.io answered the login without an API key');
}

function result(key: ApiKey, cookie: { [name: string]: string } | undefined): LoginResult {
  const out: LoginResult = { apiKey: key.key as string, key };
  if (cookie) out.cookie = cookie;
  return out;
}
