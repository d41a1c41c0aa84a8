import { createItchClient, getProfile, type ItchClientOptions, login } from '@x/itch';

/** An API key (itch.io settings -> API keys) never expires until revoked. */
export function withApiKey(apiKey: string, overrides: ItchClientOptions = {}) {
  return createItchClient({ apiKey, ...overrides });
}

/**
 * A JWT is short-lived: itch hands one to the game it launches in
 * `ITCHIO_API_KEY`. A provider is asked before every request, so a fresh
 * token is picked up without recreating the client.
 */
export function withJwt(readToken: () => Promise<string>, overrides: ItchClientOptions = {}) {
  return createItchClient({ jwt: readToken, ...overrides });
}

/** Username + password (+ TOTP when the account has it) -> API key. */
export async function logIn(
  username: string,
  password: string,
  askCode: () => Promise<string>,
  overrides: ItchClientOptions = {},
) {
  const anonymous = createItchClient(overrides);
  const { apiKey } = await login({ client: anonymous, username, password, totp: askCode });

  const client = createItchClient({ apiKey, ...overrides });
  const { user } = await getProfile({ client });
  return user?.username;
}
