import { createItchClient } from '@x/itch';

/** An API key (itch.io settings -> API keys) never expires until revoked. */
export function withApiKey() {
  return createItchClient({ apiKey: process.env.ITCH_API_KEY });
}

/**
 * A JWT is short-lived: itch hands one to the game it launches in
 * `ITCHIO_API_KEY`. A provider is asked before every request, so a fresh
 * token is picked up without recreating the client.
 */
export function withJwt(readToken: () => Promise<string>) {
  return createItchClient({ jwt: readToken });
}

/** Username + password (+ TOTP when the account has it) -> API key. */
export async function logIn(username: string, password: string, askCode: () => Promise<string>) {
  const anonymous = createItchClient();
  const { apiKey } = await anonymous.login({ username, password, totp: askCode });

  const itch = createItchClient({ apiKey });
  const { user } = await itch.getProfile();
  return user?.username;
}
