// The fuzz tier (packages/contract-testing, "Fuzz"): every operation against
// Prism --dynamic, and random valid inputs for every operation, sent to an
// echo server and to Prism. Bounded in CI; `pnpm fuzz` runs it longer.
import { describeFuzz } from '@x/contract-testing/fuzz';
import { expect } from 'vitest';
import * as generated from '../src/generated/sdk.gen.js';
import * as sdk from '../src/index.js';
import { createModrinthClient } from '../src/index.js';

// Prism reads every multipart part as a string (see multipart-standin.ts):
// these three are fuzzed neither way here; uploads.test.ts covers them.
const MULTIPART = 'multipart body: Prism cannot parse its JSON part';

describeFuzz('modrinth', {
  // Operations the package wraps (icon uploads) are called as generated.
  sdk: { ...generated, ...sdk },
  client: (baseUrl, fetch) =>
    createModrinthClient({
      baseUrl,
      fetch,
      token: 'mrp_fuzzTokenDoNotLeak0123456789',
      retry: false,
      rateLimiter: false,
    }),
  skip: {
    answers: { createProject: MULTIPART, createVersion: MULTIPART, addFilesToVersion: MULTIPART },
    requests: { createProject: MULTIPART, createVersion: MULTIPART, addFilesToVersion: MULTIPART },
  },
  // @x/modrinth hands the JSON over as it came.
  checkAnswer: (_op, data, raw) => {
    if (raw !== undefined) expect(data).toEqual(raw);
  },
});
