import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { BadAnswerError, checkAnswers } from './answers.ts';

const routes = [{ method: 'GET' as const, path: /^\/items$/, schema: z.array(z.string()) }];
const answering =
  (body: string, init: ResponseInit = { headers: { 'content-type': 'application/json' } }) =>
  async () =>
    new Response(body, init);

const get = (send: () => Promise<Response>, path = '/v2/items') =>
  checkAnswers('https://api.example/v2', routes, send)(new Request(`https://api.example${path}`));

describe('checkAnswers', () => {
  test('passes a good answer through, re-readable', async () => {
    const res = await get(answering('["a","b"]'));
    expect(await res.json()).toEqual(['a', 'b']);
  });

  test('an HTML page with 200 is refused, naming the URL', async () => {
    const error = await get(
      answering('<!doctype html><h1>Cloudflare</h1>', { headers: { 'content-type': 'text/html' } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadAnswerError);
    expect((error as Error).message).toBe(
      'bad answer from https://api.example/v2/items: expected JSON, got text/html ("<!doctype html><h1>Cloudflare</h1>")',
    );
  });

  test('invalid JSON is refused with the parser’s reason', async () => {
    await expect(get(answering('{"a":'))).rejects.toThrow(
      /^bad answer from https:\/\/api\.example\/v2\/items: invalid JSON \(.+\): "\{\\"a\\":"$/,
    );
  });

  test('`{}` where a list belongs is refused with the place and the problem', async () => {
    await expect(get(answering('{}'))).rejects.toThrow(
      /^bad answer from https:\/\/api\.example\/v2\/items: unexpected shape \(the body: .*expected array/,
    );
  });

  test('error statuses are left to the SDK, other routes (files) pass untouched', async () => {
    const notFound = await get(answering('<html>', { status: 404 }));
    expect(notFound.status).toBe(404);
    const file = await get(answering('raw bytes'), '/v2/files/a.jar');
    expect(await file.text()).toBe('raw bytes');
  });

  test('another origin (a CDN the API redirected to) passes untouched', async () => {
    const send = checkAnswers('https://api.example/v2', routes, answering('raw bytes'));
    const res = await send(new Request('https://cdn.example/v2/items'));
    expect(await res.text()).toBe('raw bytes');
  });

  test('query secrets are redacted from the message', async () => {
    await expect(get(answering('x'), '/v2/items?api_key=s3cret')).rejects.toThrow(
      /^bad answer from https:\/\/api\.example\/v2\/items\?api_key=(?!s3cret)/,
    );
  });
});
