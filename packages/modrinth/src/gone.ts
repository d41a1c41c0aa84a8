import { GoneError } from '@x/core/errors';

/**
 * Prefixes `message` (`GONE_MESSAGE`, passed in rather than imported: this
 * module is a chunk of its own in a browser bundle, and an import of
 * `client.ts` would split what it shares with every call into another
 * chunk) to a `GoneError`'s message, once, and throws the error again.
 */
export function explainGone(error: unknown, message: string): never {
  if (error instanceof GoneError && !error.message.startsWith(message)) {
    error.message = `${message} (${error.message})`;
  }
  throw error;
}
