import { CoreError } from './core-error.js';

/**
 * For `import(...).catch(...)`: a chunk that did not load (offline before it
 * was ever fetched, or removed by a new deployment) becomes a typed error
 * that says so, not the platform's `TypeError` (whose "Failed to fetch"
 * would read as the API unreachable).
 */
export const chunkFailed =
  (owner: string, what: string) =>
  (cause: unknown): never => {
    throw new CoreError(
      `${owner} could not load its ${what}: a chunk of this application failed to load (offline, or replaced by a new deployment)`,
      { cause },
    );
  };
