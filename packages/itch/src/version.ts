/** This package's version (kept equal to package.json by test/smoke.test.ts). */
export const VERSION = '0.1.0';
