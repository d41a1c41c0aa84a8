// The fuzz tier (packages/contract-testing, "Fuzz"): every operation against
// Prism --dynamic, and random valid inputs for every operation, sent to an
// echo server and to Prism. Bounded in CI; `pnpm fuzz` runs it longer.
import { contract, createResponseValidator } from '@x/contract-testing';
import { describeFuzz } from '@x/contract-testing/fuzz';
import { expect } from 'vitest';
import { createItchClient } from '../src/index.js';
import * as operations from '../src/operations.js';

let validator: ReturnType<typeof createResponseValidator> | undefined;

describeFuzz('itch', {
  sdk: operations,
  // The input is camelCase (the wire is snake_case).
  inputKey: (name) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
  client: (baseUrl, fetch) =>
    createItchClient({ baseUrl, fetch, apiKey: 'itch-fuzz-key', retry: false, rateLimiter: false }),
  // The normaliser's output is the documented shape: it still validates.
  checkAnswer: (op, data) => {
    validator ??= createResponseValidator(contract('itch').spec);
    const result = validator.check(op, 200, 'application/json', data);
    expect(result.errors, `${op.operationId}: normalised answer`).toEqual([]);
  },
});
