// The @x/core error classes `download.ts` throws, imported by it with
// `import()` when a download fails (see there): named exports of
// `@x/core/errors` (the error classes alone), not `import('@x/core')`, whose
// namespace would keep all of @x/core in a bundle.
export { ConnectionError, TimeoutError, UnexpectedResponseError } from '@x/core/errors';
