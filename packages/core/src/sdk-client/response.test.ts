import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { UnexpectedResponseError } from '../errors.js';
import { readData } from './response.js';

const URL_WITH_SECRET = 'https://api.test/games/1?password=hunter2';

function answer(body: BodyInit | null, status = 200, contentType?: string): Response {
  return new Response(body, {
    status,
    headers: contentType ? { 'content-type': contentType } : {},
  });
}

describe('readData', () => {
  it('parses JSON (also +json, and JSON without a Content-Type); 204 and other empty non-200 bodies are undefined', async () => {
    expect(
      await readData(
        answer('{"a":1}', 200, 'application/json; charset=utf-8'),
        URL_WITH_SECRET,
        'auto',
      ),
    ).toEqual({ a: 1 });
    expect(
      await readData(answer('[1]', 200, 'application/problem+json'), URL_WITH_SECRET, 'auto'),
    ).toEqual([1]);
    // Bytes: `new Response(string)` would add `text/plain`.
    expect(
      await readData(answer(new TextEncoder().encode('{"b":2}')), URL_WITH_SECRET, 'auto'),
    ).toEqual({ b: 2 });
    expect(await readData(answer(null, 204), URL_WITH_SECRET, 'auto')).toBeUndefined();
    expect(
      await readData(answer('', 201, 'application/json'), URL_WITH_SECRET, 'auto'),
    ).toBeUndefined();
    // Every 200 of our specs has a JSON body: an empty one is an error, not undefined.
    await expect(
      readData(answer('', 200, 'application/json'), URL_WITH_SECRET, 'auto'),
    ).rejects.toThrow(/empty body/);
  });

  it('HTML with 200 is an UnexpectedResponseError with the status, type and redacted URL, not a string', async () => {
    const error = await readData(
      answer('<html>portal</html>', 200, 'text/html'),
      URL_WITH_SECRET,
      'auto',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    const e = error as UnexpectedResponseError;
    expect(e.status).toBe(200);
    expect(e.contentType).toBe('text/html');
    expect(e.message).toMatch(/expected a JSON answer.*text\/html/);
    expect(`${e.message} ${e.url}`).not.toContain('hunter2');
  });

  it('a truncated JSON body is an UnexpectedResponseError whose cause is the parse error', async () => {
    const error = await readData(
      answer('{"a":', 200, 'application/json'),
      URL_WITH_SECRET,
      'auto',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('an invalid JSON body shows in neither the error nor its cause (a body may hold a key)', async () => {
    for (const body of ['mrp_SECRETKEY1', 'SECRETKEY', 'x"SECRETKEY"y"z']) {
      const error = await readData(
        answer(body, 200, 'application/json'),
        URL_WITH_SECRET,
        'auto',
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect((error as Error).cause).toBeInstanceOf(SyntaxError);
      expect(inspect(error)).not.toContain('SECRETKEY');
      expect(JSON.stringify(error)).not.toContain('SECRETKEY');
    }
  });

  it('parseAs text, blob and stream hand the body over as asked', async () => {
    expect(await readData(answer('<p>', 200, 'text/html'), URL_WITH_SECRET, 'text')).toBe('<p>');
    expect(await readData(answer('ab'), URL_WITH_SECRET, 'blob')).toBeInstanceOf(Blob);
    expect(await readData(answer('ab'), URL_WITH_SECRET, 'stream')).toBeInstanceOf(ReadableStream);
  });
});
