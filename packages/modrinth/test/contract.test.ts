import { inspect } from 'node:util';
import { ContractViolationError, contract } from '@x/contract-testing';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  createModrinthClient,
  getProject,
  getProjects,
  NotFoundError,
  randomProjects,
} from '../src/index.js';
import { operations } from './operations.js';

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
      const data = await row.call(client);
      row.check(data);
    });
    for (const status of op.statuses.filter((s) => /^[45]/.test(s))) {
      it(`${op.operationId}: ${status} throws ${ERROR_CLASSES[status]?.name}`, async () => {
        const error = await row.call(client, { prefer: `code=${status}` }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ERROR_CLASSES[status]);
        expect((error as ApiError).status).toBe(Number(status));
      });
    }
  }
});

describe('contract boundaries', () => {
  it('a request the spec forbids fails with ContractViolationError', async () => {
    // count must be an integer: the types forbid this, so go around them.
    const error = await randomProjects({ client, query: { count: 'many' as unknown as number } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContractViolationError);
    expect((error as ContractViolationError).direction).toBe('request');
  });

  it('missing required query parameter is refused', async () => {
    const error = await getProjects({ client, query: {} as { ids: string[] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
  });

  it('error messages never contain the token', async () => {
    const error = (await getProject({
      client,
      path: { 'id|slug': 'x' },
      headers: { prefer: 'code=404' },
    }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(NotFoundError);
    const auth = await operations.getUserFromAuth!.call(client, { prefer: 'code=401' }).catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(AuthenticationError);
    for (const e of [error, auth]) {
      const text = [String(e), (e as Error).stack, JSON.stringify(e), inspect(e, { depth: 5 })].join('\n');
      expect(text).not.toContain(TOKEN);
    }
  });
});
