/**
 * The browser build's `lazy.ts`: the failure path and the limiter's
 * learning are loaded with `import()` the first time a call needs them (a
 * status >= 400 or a network failure; an answer whose rate-limit headers
 * the page can read), then kept. An application bundled with code
 * splitting (Vite's and Rollup's default, esbuild `--splitting`) gets them
 * as chunks of their own, downloaded only then: a call that succeeds never
 * loads them. Without splitting they are bundled in, as before.
 */
import { chunkFailed } from './chunk-error.js';

type Failure = typeof import('./failure.js');
type Observer = typeof import('./rate-limit-observer.js');

let failure: Failure | undefined;
let observer: Observer | undefined;

/**
 * The failure path (`failure.ts`): the module once loaded, a promise of it
 * until then. A load that fails is not kept: the next call tries again.
 */
export const failurePath = (): Failure | Promise<Failure> =>
  failure ??
  import('./failure.js').then((m) => (failure = m), chunkFailed('@x/core', 'failure handling'));

/** What the limiter learns from rate-limit headers (`rate-limit-observer.ts`). */
export const observerPath = (): Observer | Promise<Observer> =>
  observer ??
  import('./rate-limit-observer.js').then(
    (m) => (observer = m),
    chunkFailed('@x/core', 'rate-limit learning'),
  );
