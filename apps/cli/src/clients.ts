import { createItchClient, type ItchClient } from '@x/itch';
import { createModrinthClient, type ModrinthClient } from '@x/modrinth';
import { VERSION } from './version.js';

const USER_AGENT = `x-update/${VERSION} (+https://github.com/x-sdks/x-sdks)`;

export function modrinthClient(baseUrl: string): ModrinthClient {
  return createModrinthClient({
    baseUrl,
    userAgent: USER_AGENT,
    // Read from the environment only; never printed.
    ...(process.env.MODRINTH_TOKEN ? { token: process.env.MODRINTH_TOKEN } : {}),
  });
}

export function itchClient(baseUrl: string, mock: boolean): ItchClient {
  // The mocks only check that a Bearer credential is present.
  const apiKey = process.env.ITCH_API_KEY || (mock ? 'mock-key' : undefined);
  return createItchClient({ baseUrl, userAgent: USER_AGENT, ...(apiKey ? { apiKey } : {}) });
}
