import { inspect } from 'node:util';
import { ContractViolationError, contract, contractFetchFor } from '@x/contract-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiError,
  AuthenticationError,
  BadRequestError,
  createModrinthClient,
  NotFoundError,
} from '../src/index.js';
import { type StandIn, startMultipartStandIn } from './multipart-standin.js';
import { type OperationCase, operations } from './operations.js';
import { rootCause } from './support.js';

const c = contract('modrinth');
const TOKEN = 'mrp_contractTestTokenDoNotLeak1234567890';
const client = createModrinthClient({
  baseUrl: c.baseUrl,
  fetch: c.fetch,
  token: TOKEN,
  retry: false,
  rateLimiter: false,
  userAgent: 'x-sdks-tests/0.0.0 (contract tests)',
});

// Prism cannot parse the JSON `data` part of multipart bodies (see multipart-standin.ts).
const MULTIPART = new Set(['createProject', 'createVersion', 'addFilesToVersion']);
let standIn: StandIn;
let multipartClient: ReturnType<typeof createModrinthClient>;
beforeAll(async () => {
  standIn = await startMultipartStandIn(c.baseUrl);
  multipartClient = createModrinthClient({
    baseUrl: standIn.url,
    fetch: contractFetchFor('modrinth', standIn.url),
    token: TOKEN,
    retry: false,
    rateLimiter: false,
  });
});
afterAll(() => standIn?.close());

function run(id: string, row: OperationCase, headers?: Record<string, string>) {
  return row.call(MULTIPART.has(id) ? multipartClient : client, headers);
}

const ERROR_CLASSES: Record<string, new (...args: never[]) => ApiError> = {
  '400': BadRequestError,
  '401': AuthenticationError,
  '404': NotFoundError,
};

describe('every operation of the spec', () => {
  it('has a case for each of the 76 operations', () => {
    const ids = c.spec.operations.map((op) => op.operationId).sort();
    expect(ids).toHaveLength(76);
    expect(Object.keys(operations).sort()).toEqual(ids);
  });

  for (const op of contract('modrinth').spec.operations) {
    const row = operations[op.operationId];
    if (!row) continue;
    const success = op.statuses.find((s) => s.startsWith('2'));
    it(`${op.operationId}: ${success} returns the typed value`, async () => {
      const data = await run(op.operationId, row);
      row.check(data);
    });
    for (const status of op.statuses.filter((s) => /^[45]/.test(s))) {
      it(`${op.operationId}: ${status} throws ${ERROR_CLASSES[status]?.name}`, async () => {
        const error = await run(op.operationId, row, { prefer: `code=${status}` }).catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ERROR_CLASSES[status]);
        expect((error as ApiError).status).toBe(Number(status));
      });
    }
  }
});

describe('contract boundaries', () => {
  it('a request the spec forbids fails with ContractViolationError', async () => {
    // count must be an integer: the types forbid this, so go around them.
    const error = await client
      .randomProjects({ count: 'many' as unknown as number })
      .catch((e: unknown) => e);
    expect(rootCause(error)).toBeInstanceOf(ContractViolationError);
    expect((rootCause(error) as ContractViolationError).direction).toBe('request');
    expect((rootCause(error) as ContractViolationError).message).toMatch(/count/);
  });

  it('missing required query parameter is refused', async () => {
    const error = await client.getProjects({} as { ids: string[] }).catch((e: unknown) => e);
    expect(rootCause(error)).toBeInstanceOf(ContractViolationError);
  });

  it('error messages never contain the token', async () => {
    const error = (await client
      .getProject('x', { headers: { prefer: 'code=404' } })
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(NotFoundError);
    const auth = await operations
      .getUserFromAuth!.call(client, { prefer: 'code=401' })
      .catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(AuthenticationError);
    for (const e of [error, auth]) {
      const text = [
        String(e),
        (e as Error).stack,
        JSON.stringify(e),
        inspect(e, { depth: 5 }),
      ].join('\n');
      expect(text).not.toContain(TOKEN);
    }
  });
});

describe('multipart stand-in', () => {
  it('refuses a body whose file_parts name no file, as Prism would', async () => {
    const fetch = contractFetchFor('modrinth', standIn.url);
    const form = new FormData();
    form.append('data', JSON.stringify({ file_parts: ['missing.jar'] }));
    const error = await fetch(`${standIn.url}/version`, {
      method: 'POST',
      body: form,
      headers: { authorization: 'x' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
  });
});
