import { ContractViolationError, contract } from '@x/contract-testing';
import { urlSearchParamsBodySerializer } from '@x/core/client';
import { describe, expect, it } from 'vitest';
import {
  type ApiError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
} from '../src/errors.js';
import { createItchClient } from '../src/index.js';
import { calls } from './helpers/operations.js';
import { specDoc } from './helpers/schema-walk.js';

const KEY = 'contract-test-key';

const ERROR_CLASSES: Record<string, new (...args: never[]) => ApiError> = {
  // `/login` and `/totp/verify`: documented by spec-patches.ts, as the live service answers.
  '400': BadRequestError,
  '401': AuthenticationError,
  '404': NotFoundError,
};

interface SpecOp {
  operationId: string;
  method: string;
  path: string;
  statuses: string[];
  secured: boolean;
}

const operations: SpecOp[] = Object.entries<
  Record<string, { operationId: string; responses: object; security?: unknown[] }>
>(specDoc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({
    operationId: op.operationId,
    method: method.toUpperCase(),
    path,
    statuses: Object.keys(op.responses),
    secured: !(Array.isArray(op.security) && op.security.length === 0),
  })),
);

/** A client on Prism through the contract-checking fetch, recording each outgoing Authorization header. */
function recordingClient() {
  const c = contract('itch');
  const seen: (string | null)[] = [];
  const client = createItchClient({
    baseUrl: c.baseUrl,
    apiKey: KEY,
    retry: false,
    rateLimiter: false,
    fetch: (request) => {
      seen.push(request.headers.get('authorization'));
      return c.fetch(request);
    },
  });
  return { client, seen };
}

/** The harness throws ContractViolationError from inside fetch; @x/core hands it on as the cause. */
function violationOf(error: unknown): ContractViolationError | undefined {
  if (error instanceof ContractViolationError) return error;
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return cause instanceof ContractViolationError ? cause : undefined;
}

describe('every operation of the spec', () => {
  it('the spec has 36 operations and each has a call here', () => {
    expect(operations).toHaveLength(36);
    expect(Object.keys(calls).sort()).toEqual(operations.map((o) => o.operationId).sort());
  });

  for (const op of operations) {
    describe(`${op.operationId} (${op.method} ${op.path})`, () => {
      it('200: a valid call gets a response the spec allows, as an object', async () => {
        const { client, seen } = recordingClient();
        const data = await calls[op.operationId]!.call(client);
        expect(data).toBeTypeOf('object');
        expect(seen).toHaveLength(1);
        if (op.secured) expect(seen[0]).toBe(`Bearer ${KEY}`);
        else expect(seen[0]).toBeNull();
      });

      for (const status of op.statuses.filter((s) => s !== '200')) {
        it(`${status}: throws ${ERROR_CLASSES[status]?.name}`, async () => {
          const { client } = recordingClient();
          const error = await calls[op.operationId]!.call(client, {
            prefer: `code=${status}`,
          }).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(ERROR_CLASSES[status]);
          expect((error as ApiError).status).toBe(Number(status));
          // itch's `{"errors": [...]}`, typed on the error.
          expect(Array.isArray((error as ApiError).errors)).toBe(true);
          expect(String((error as Error).message)).not.toContain(KEY);
        });
      }
    });
  }
});

describe('authorization header', () => {
  it('/login and /totp/verify never send Authorization, even with a key configured', async () => {
    const { client, seen } = recordingClient();
    await calls.loginWithPassword!.call(client);
    await calls.totpVerify!.call(client);
    expect(seen).toEqual([null, null]);
  });

  it('a secured operation without credentials leaves the contract (Prism: 401 security violation)', async () => {
    const c = contract('itch');
    const client = createItchClient({ baseUrl: c.baseUrl, retry: false, fetch: c.fetch });
    const error = await client.getProfile().catch((e: unknown) => e);
    expect(violationOf(error)?.direction).toBe('request');
  });

  it('a JWT provider is asked per request and sent as Bearer', async () => {
    const c = contract('itch');
    let n = 0;
    const seen: (string | null)[] = [];
    const client = createItchClient({
      baseUrl: c.baseUrl,
      retry: false,
      jwt: async () => `jwt-${++n}`,
      fetch: (request) => {
        seen.push(request.headers.get('authorization'));
        return c.fetch(request);
      },
    });
    await client.getProfile();
    await client.wharfStatus();
    expect(seen).toEqual(['Bearer jwt-1', 'Bearer jwt-2']);
  });
});

describe('requests the spec forbids', () => {
  const forbidden: [string, (client: ReturnType<typeof createItchClient>) => Promise<unknown>][] = [
    [
      'login without a password',
      (client) =>
        client.loginWithPassword({ username: 'u' } as { username: string; password: string }),
    ],
    [
      'createBuildFile with a type outside the enum',
      (client) => client.createBuildFile(1, { type: 'zip' as 'patch' }),
    ],
    [
      'listChannels without the required target',
      (client) => client.listChannels({} as { target: string }),
    ],
    ['getGame with a non-integer id', (client) => client.getGame('abc' as unknown as number)],
  ];
  for (const [name, call] of forbidden) {
    it(`${name} fails with a request ContractViolationError`, async () => {
      const { client } = recordingClient();
      const error = await call(client).then(
        () => undefined,
        (e: unknown) => e,
      );
      const violation = violationOf(error);
      expect(violation, String(error)).toBeInstanceOf(ContractViolationError);
      expect(violation?.direction).toBe('request');
    });
  }
});

describe('form bodies', () => {
  it('are application/x-www-form-urlencoded with booleans and numbers as text', async () => {
    const c = contract('itch');
    const bodies: { type: string | null; text: string }[] = [];
    const client = createItchClient({
      baseUrl: c.baseUrl,
      apiKey: KEY,
      retry: false,
      fetch: async (request) => {
        bodies.push({
          type: request.headers.get('content-type'),
          text: await request.clone().text(),
        });
        return c.fetch(request);
      },
    });
    await calls.createBuild!.call(client);
    await calls.claimBundleGame!.call(client);
    expect(bodies[0]).toEqual({
      type: 'application/x-www-form-urlencoded',
      text: 'target=u%2Fgame&channel=windows-64&user_version=1.2.3&hidden=true',
    });
    expect(bodies[1]?.text).toBe('game_id=1328853');
  });

  it('would send arrays as repeated keys and skip undefined/null (documented encoding)', () => {
    expect(
      urlSearchParamsBodySerializer.bodySerializer({
        a: ['x', 'y'],
        b: 1,
        c: false,
        d: undefined,
        e: null,
        f: 'p q&r',
      }),
    ).toBe('a=x&a=y&b=1&c=false&f=p+q%26r');
  });
});
