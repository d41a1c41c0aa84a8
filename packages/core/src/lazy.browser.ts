/**
 * The browser build's `lazy.ts`: the failure path and the limiter's
 * learning are loaded with `import()` the first time a call needs them (a
 * status >= 400 or a network failure; an answer whose rate-limit headers
 * the page can read), then kept. An application bundled with code
 * splitting (Vite's and Rollup's default, esbuild `--splitting`) gets them
 * as chunks of their own, downloaded only then: a call that succeeds never
 * loads them. Without splitting they are bundled in, as before.
 */
import { CoreError } from './core-error.js';

type Failure = typeof import('./failure.js');
type Observer = typeof import('./rate-limit-observer.js');

let failure: Failure | undefined;
let observer: Observer | undefined;

/**
 * A chunk that did not load (offline before it was ever fetched, or removed
 * by a new deployment): a typed error that says so, not the platform's
 * `TypeError` (whose "Failed to fetch" would read as the API unreachable).
 * Not kept: the next call tries the import again.
 */
const unloadable =
  (what: string) =>
  (cause: unknown): never => {
    throw new CoreError(
      `@x/core could not load its ${what}: a chunk of this application failed to load (offline, or replaced by a new deployment)`,
      { cause },
    );
  };

/** The failure path (`failure.ts`): the module once loaded, a promise of it until then. */
export const failurePath = (): Failure | Promise<Failure> =>
  failure ?? import('./failure.js').then((m) => (failure = m), unloadable('failure handling'));

/** What the limiter learns from rate-limit headers (`rate-limit-observer.ts`). */
export const observerPath = (): Observer | Promise<Observer> =>
  observer ??
  import('./rate-limit-observer.js').then((m) => (observer = m), unloadable('rate-limit learning'));
