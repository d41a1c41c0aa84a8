// @x/core's `ApiError`, imported by `login.ts` with `import()` when itch
// refuses (see there): a module of named exports from `@x/core/errors` (the
// error classes alone), not `import('@x/core')`, whose namespace would keep
// all of @x/core in a bundle.
export { ApiError } from '@x/core/errors';
