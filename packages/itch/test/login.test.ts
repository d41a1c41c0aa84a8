import { inspect } from 'node:util';
import { contract, contractFetchFor, fixture } from '@x/contract-testing';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { AuthenticationError, BadRequestError } from '../src/errors.js';
import { createItchClient } from '../src/index.js';
import { LoginError, type LoginFailureReason } from '../src/login.js';
import { totpVerify } from '../src/operations.js';
import { type LocalServer, sendJson, startServer } from './helpers/server.js';

const USER = 'leafo-fan@example.com';
const PASSWORD = 'correct horse battery staple';
const TOTP_TOKEN = 'fixture-totp-token';
const CODE = '424242';

const payload = (file: string) => fixture('itch', file);

let server: LocalServer;
const logs: string[] = [];

beforeAll(async () => {
  server = await startServer((req, res) => {
    const form = new URLSearchParams(req.body);
    if (req.url === '/login') {
      if (form.get('password') !== PASSWORD) {
        // The live service answers 400 here (seen in recordings); the spec documents 401.
        return sendJson(res, 400, payload('error.login-incorrect-password.json'));
      }
      if (form.get('username') === 'two-factor') {
        return sendJson(res, 200, payload('login.totp-needed.redacted.json'));
      }
      return sendJson(res, 200, payload('login.success.redacted.json'));
    }
    // Where itch's own clients (go-itchio `TOTPVerify`) send the second step;
    // the spec's `/login/with-totp-token` gets the 404 below.
    if (req.url === '/totp/verify') {
      if (form.get('token') !== TOTP_TOKEN || form.get('code') !== CODE) {
        return sendJson(res, 400, payload('error.totp-verify-invalid-code.json'));
      }
      return sendJson(res, 200, payload('login.success.redacted.json'));
    }
    sendJson(res, 404, { errors: ['not found'] });
  });
});
afterAll(() => server.close());

/**
 * Every answer goes through the contract checker, against the spec as the SDK
 * is generated from it: `spec-patches.ts` documents the live 400s and moves
 * the second step to `/totp/verify`.
 */
function localClient() {
  return createItchClient({
    baseUrl: server.url,
    retry: false,
    fetch: contractFetchFor('itch', server.url),
    logger: {
      debug: (message: string, data?: unknown) =>
        logs.push(inspect([message, data], { depth: 10 })),
    },
  });
}

function expectNoSecrets(value: unknown) {
  const views = [String(value), inspect(value, { depth: 10 }), JSON.stringify(value), ...logs];
  for (const view of views) {
    for (const secret of [PASSWORD, CODE, USER]) expect(view).not.toContain(secret);
  }
}

describe('login()', () => {
  it('yields the key at once when no second factor is on (real-shaped answer)', async () => {
    const result = await localClient().login({ username: USER, password: PASSWORD });
    expect(result.apiKey).toBe('fixture-api-key');
    expect(result.key).toMatchObject({ id: 31337, userId: 4242, sourceVersion: '26.1.0' });
    expect(result.cookie).toEqual({ itchio: 'fixture-cookie' });
  });

  it('asks for the TOTP code only when itch says so, then yields the key', async () => {
    let asked = 0;
    const result = await localClient().login({
      username: 'two-factor',
      password: PASSWORD,
      totp: () => {
        asked++;
        return CODE;
      },
    });
    expect(asked).toBe(1);
    expect(logs.length).toBeGreaterThan(0);
    expect(result.apiKey).toBe('fixture-api-key');
    const sent = server.requests.filter((r) => r.url === '/login' || r.url === '/totp/verify');
    expect(sent.map((r) => r.url).slice(-2)).toEqual(['/login', '/totp/verify']);
    expect(Object.fromEntries(new URLSearchParams(sent.at(-1)?.body))).toEqual({
      token: TOTP_TOKEN,
      code: CODE,
    });
    expect(sent.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it('a needed TOTP code without a totp callback is a LoginError without credentials', async () => {
    const error = await localClient()
      .login({ username: 'two-factor', password: PASSWORD })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginError);
    expect((error as LoginError).reason).toBe('totp-required');
    expectNoSecrets(error);
  });

  it('a wrong password is a LoginError (incorrect-credentials) with itch’s errors and no credentials', async () => {
    const error = await localClient()
      .login({ username: USER, password: 'wrong-password-123' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginError);
    if (!(error instanceof LoginError)) return;
    expectTypeOf(error.reason).toEqualTypeOf<LoginFailureReason>();
    expect(error.reason).toBe('incorrect-credentials');
    expect(error.errors).toEqual(['Incorrect username or password']);
    expect(error.message).toContain('Incorrect username or password');
    // The HTTP answer, typed: itch's 400 and its `errors`.
    expect(error.cause).toBeInstanceOf(BadRequestError);
    expect(error.cause?.status).toBe(400);
    expectTypeOf(error.cause?.errors).toEqualTypeOf<readonly string[] | undefined>();
    expect(error.cause?.errors).toEqual(['Incorrect username or password']);
    expectNoSecrets(error);
    expect(inspect(error)).not.toContain('wrong-password-123');
  });

  it('a wrong TOTP code is a LoginError (totp-invalid) with itch’s errors and no credentials', async () => {
    const error = await localClient()
      .login({ username: 'two-factor', password: PASSWORD, totp: () => '000000' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginError);
    expect((error as LoginError).reason).toBe('totp-invalid');
    expect((error as LoginError).errors).toEqual(['invalid code']);
    expect((error as LoginError).cause).toBeInstanceOf(BadRequestError);
    expectNoSecrets(error);
  });

  it('against Prism: the documented 200 yields a key, a refusal (400 or 401) a LoginError', async () => {
    const c = contract('itch');
    const client = createItchClient({ baseUrl: c.baseUrl, retry: false, fetch: c.fetch });
    const ok = await client.login({ username: USER, password: PASSWORD });
    expect(typeof ok.apiKey).toBe('string');
    for (const [status, Class] of [
      [400, BadRequestError],
      [401, AuthenticationError],
    ] as const) {
      const failing = createItchClient({
        baseUrl: c.baseUrl,
        retry: false,
        fetch: (request) => {
          request.headers.set('prefer', `code=${status}`);
          return c.fetch(request);
        },
      });
      const error = await failing
        .login({ username: USER, password: PASSWORD })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LoginError);
      expect((error as LoginError).reason).toBe('incorrect-credentials');
      expect((error as LoginError).cause).toBeInstanceOf(Class);
      expectNoSecrets(error);
    }
  });

  it('against Prism: totpVerify posts token and code to /totp/verify, as itch’s clients do', async () => {
    const c = contract('itch');
    const sent: string[] = [];
    const client = createItchClient({
      baseUrl: c.baseUrl,
      retry: false,
      fetch: (request) => {
        sent.push(new URL(request.url).pathname);
        return c.fetch(request);
      },
    });
    const answer = await totpVerify(client, { token: TOTP_TOKEN, code: CODE });
    expect(sent).toEqual(['/totp/verify']);
    expect(typeof answer.key?.key).toBe('string');
    const refused = createItchClient({
      baseUrl: c.baseUrl,
      retry: false,
      fetch: (request) => {
        request.headers.set('prefer', 'code=400');
        return c.fetch(request);
      },
    });
    const error = await totpVerify(refused, { token: TOTP_TOKEN, code: CODE }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(Array.isArray((error as BadRequestError).errors)).toBe(true);
  });
});
