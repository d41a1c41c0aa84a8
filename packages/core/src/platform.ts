/**
 * What differs between runtimes, in one module with a browser twin
 * (`platform.browser.ts`, swapped in by the `browser` build of the package:
 * see scripts/build-package.mjs). This default build keeps both ways: it
 * follows redirects by hand (the credential rule of `redirects.ts`) and sets
 * `User-Agent`, except in a browser-like runtime, where it leaves both to
 * the platform, like the browser build.
 */
import { isBrowserLike } from './internal/env.js';

import { followRedirects } from './redirects.js';

/** Follows redirects by hand (`undefined` in the browser build). */
export const followByHand: typeof followRedirects | undefined = followRedirects;

/** Whether the platform follows redirects and owns `User-Agent` (browsers, webviews, workers). */
export const platformOwnsRedirects: () => boolean = isBrowserLike;
