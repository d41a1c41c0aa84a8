import { describe, expect, it } from 'vitest';
import { defaultParseErrorBody, errorFromResponse } from './error-response.js';
import { InternalServerError, NotFoundError } from './errors.js';

const context = {
  method: 'GET',
  url: 'https://api.test/v2/x?token=abc12345',
  secrets: ['sekret-123'],
  retryAfterMs: undefined,
  parseErrorBody: undefined,
};

describe('errorFromResponse', () => {
  it('reads and parses the body, picks the subclass, redacts the URL', async () => {
    const response = new Response(JSON.stringify({ message: 'no such project' }), { status: 404 });
    const error = await errorFromResponse(response, context);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.body).toEqual({ message: 'no such project' });
    expect(error.apiMessage).toBe('no such project');
    expect(error.url).toBe('https://api.test/v2/x?token=[REDACTED]');
  });

  it('scrubs a secret echoed in the body, the message and any header', async () => {
    const response = new Response(JSON.stringify({ error: 'bad key sekret-123' }), {
      status: 500,
      headers: { 'x-echo': 'sekret-123', 'x-fine': 'ok' },
    });
    const error = await errorFromResponse(response, context);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(JSON.stringify(error)).not.toContain('sekret-123');
    expect(error.message).not.toContain('sekret-123');
    expect(error.headers).toMatchObject({ 'x-echo': '[REDACTED]', 'x-fine': 'ok' });
  });

  it('a text body stays text; a throwing parseErrorBody leaves apiMessage unset', async () => {
    const error = await errorFromResponse(new Response('<html>oops</html>', { status: 502 }), {
      ...context,
      parseErrorBody: () => {
        throw new Error('parser bug');
      },
    });
    expect(error.body).toBe('<html>oops</html>');
    expect(error.apiMessage).toBeUndefined();
    expect(error.code).toBeUndefined();
    expect(error.errors).toEqual([]);
  });

  it("a parser's structured result becomes code, description and errors, secrets scrubbed", async () => {
    const body = { error: 'invalid_input', description: 'token sekret-123 is malformed' };
    const error = await errorFromResponse(
      new Response(JSON.stringify(body), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      }),
      {
        ...context,
        parseErrorBody: (parsed) => {
          const b = parsed as typeof body;
          return {
            message: `${b.error}: ${b.description}`,
            code: b.error,
            description: b.description,
            errors: [b.description, 'second'],
          };
        },
      },
    );
    expect(error.code).toBe('invalid_input');
    expect(error.description).toBe('token [REDACTED] is malformed');
    expect(error.errors).toEqual(['token [REDACTED] is malformed', 'second']);
    expect(error.apiMessage).toBe('invalid_input: token [REDACTED] is malformed');
    expect(JSON.stringify(error)).not.toContain('sekret-123');
    expect(Object.isFrozen(error.errors)).toBe(true);
  });
});

describe('defaultParseErrorBody', () => {
  it('finds the common message fields', () => {
    expect(defaultParseErrorBody({ description: 'd' })).toBe('d');
    expect(defaultParseErrorBody({ error: { message: 'nested' } })).toBe('nested');
    expect(defaultParseErrorBody({ errors: ['a', 'b'] })).toBe('a; b');
    expect(defaultParseErrorBody('text')).toBeUndefined();
  });
});
