// Types of lib.mjs, for the TypeScript that imports it (packages/bench).
export declare const root: string;
export declare const PACKAGES: readonly string[];
export declare const packsDir: string;
export declare function bin(name: string): string;
export declare function pnpmCommand(): string[];
export declare function systemBin(name: string): string;
/** The browser build's rule: `./m.js` takes a sibling `m.browser.ts` when there is one. */
export declare const browserTwins: import('esbuild').Plugin;
