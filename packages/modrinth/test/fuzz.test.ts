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
// The image uploads have no generated function: their helpers
// (uploadProjectIcon...) send the Content-Type that `ext` names, where the
// spec lets a random `ext` and a random image type go together.
const IMAGE = 'image upload: its helper derives Content-Type from ext';
const SKIPPED = {
  createProject: MULTIPART,
  createVersion: MULTIPART,
  addFilesToVersion: MULTIPART,
  changeProjectIcon: IMAGE,
  changeUserIcon: IMAGE,
  addGalleryImage: IMAGE,
};

describeFuzz('modrinth', {
  sdk: operations,
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
