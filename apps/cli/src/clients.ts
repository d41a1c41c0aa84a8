import { createItchClient, type ItchClient } from '@x/itch';
import { createModrinthClient, type ModrinthClient } from '@x/modrinth';
import { checkAnswers } from './lib/answers.js';
import { ITCH_ANSWERS, MODRINTH_ANSWERS } from './lib/api-answers.js';
import { VERSION } from './version.js';

export const USER_AGENT = `x-update/${VERSION} (+https://github.com/x-sdks/x-sdks)`;

export function modrinthClient(baseUrl: string): ModrinthClient {
  return createModrinthClient({
    baseUrl,
    userAgent: USER_AGENT,
    fetch: checkAnswers(baseUrl, MODRINTH_ANSWERS),
    // Read from the environment only; never printed.
    ...(process.env.MODRINTH_TOKEN ? { token: process.env.MODRINTH_TOKEN } : {}),
  });
}

export function itchClient(baseUrl: string, mock: boolean): ItchClient {
  // The mocks only check that a Bearer credential is present.
  const apiKey = process.env.ITCH_API_KEY || (mock ? 'mock-key' : undefined);
  return createItchClient({
    baseUrl,
    userAgent: USER_AGENT,
    fetch: checkAnswers(baseUrl, ITCH_ANSWERS),
    ...(apiKey ? { apiKey } : {}),
  });
}
