/** The version of `@x/core`. */
export const VERSION = '0.1.0';
