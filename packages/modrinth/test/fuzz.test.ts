// The fuzz tier (packages/contract-testing, "Fuzz"): every operation against
// Prism --dynamic, and random valid inputs for every operation, sent to an
// echo server and to Prism. Bounded in CI; `pnpm fuzz` runs it longer.
import { describeFuzz } from '@x/contract-testing/fuzz';
import { expect } from 'vitest';
import { createModrinthClient } from '../src/index.js';
import * as operations from '../src/operations.js';

// Prism reads every multipart part as a string (see multipart-standin.ts):
// these three are fuzzed neither way here; uploads.test.ts covers them.
const MULTIPART = 'multipart body: Prism cannot parse its JSON part';
const SKIPPED = {
  createProject: MULTIPART,
  createVersion: MULTIPART,
  addFilesToVersion: MULTIPART,
};

describeFuzz('modrinth', {
  sdk: {
    ...operations,
    // The image uploads have no generated function: the helpers that replace
    // them take the same path, `ext` and raw `body`.
    changeProjectIcon: operations.uploadProjectIcon,
    addGalleryImage: operations.uploadGalleryImage,
    changeUserIcon: operations.uploadUserIcon,
  },
  client: (baseUrl, fetch) =>
    createModrinthClient({
      baseUrl,
      fetch,
      token: 'mrp_fuzzTokenDoNotLeak0123456789',
      retry: false,
      rateLimiter: false,
    }),
  skip: {
    answers: SKIPPED,
    requests: SKIPPED,
  },
  // @x/modrinth hands the JSON over as it came.
  checkAnswer: (_op, data, raw) => {
    if (raw !== undefined) expect(data).toEqual(raw);
  },
});
