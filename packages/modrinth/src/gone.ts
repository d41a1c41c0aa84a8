import { GoneError } from '@x/core';
import { GONE_MESSAGE } from './client.js';

/** Prefixes {@link GONE_MESSAGE} to a `GoneError` (once), and throws the error again. */
export function explainGone(error: unknown): never {
  if (error instanceof GoneError && !error.message.startsWith(GONE_MESSAGE)) {
    error.message = `${GONE_MESSAGE} (${error.message})`;
  }
  throw error;
}
