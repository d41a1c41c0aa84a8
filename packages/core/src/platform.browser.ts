/**
 * The browser build's `platform.ts`: the platform follows redirects (an
 * opaque redirect cannot be followed by hand) and owns `User-Agent`, so
 * neither the by-hand redirect code nor a runtime check is bundled.
 */
import type { followRedirects } from './redirects.js';

export const followByHand: typeof followRedirects | undefined = undefined;

/** Always: this build is only resolved by bundlers targeting browsers. */
export const platformOwnsRedirects = (): boolean => true;
