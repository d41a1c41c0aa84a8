/**
 * The modules only some calls need (a failure, an answer carrying
 * rate-limit headers), with a browser twin (`lazy.browser.ts`, swapped in
 * by the `browser` build: see scripts/build-package.mjs). This default build
 * imports them statically: a Node process pays nothing to have them, and
 * each call sees them at once, so the code that uses them runs exactly as
 * if they were written in place. Callers take either the module or, from
 * the browser build, a promise of it: `const m = failurePath();
 * const f = m instanceof Promise ? await m : m;`.
 */
import * as failure from './failure.js';
import * as observer from './rate-limit-observer.js';

/** The failure path (`failure.ts`). */
export const failurePath = (): typeof failure | Promise<typeof failure> => failure;

/** What the limiter learns from rate-limit headers (`rate-limit-observer.ts`). */
export const observerPath = (): typeof observer | Promise<typeof observer> => observer;
