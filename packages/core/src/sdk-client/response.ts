import { UnexpectedResponseError } from '../errors.js';
import { redactUrl } from '../redact.js';
import type { ParseAs } from './types.js';

function isJson(contentType: string | null): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

/**
 * The data of a 2xx response. An empty body (204, or no bytes) is
 * `undefined`. With `'auto'` (every operation of our specs answers JSON), a
 * body is parsed as JSON when its `Content-Type` says JSON, or says nothing
 * and the bytes are JSON; anything else (HTML with 200...) is an
 * {@link UnexpectedResponseError} rather than a string typed as an object.
 */
export async function readData(
  response: Response,
  url: string,
  parseAs: ParseAs,
): Promise<unknown> {
  if (parseAs === 'stream') return response.body;
  if (parseAs === 'blob' || parseAs === 'arrayBuffer') return response[parseAs]();
  if (response.status === 204 || response.status === 205) {
    await response.body?.cancel();
    return undefined;
  }
  const text = await response.text();
  if (parseAs === 'text') return text;
  if (text === '') return undefined;
  const contentType = response.headers.get('content-type');
  const fail = (what: string, cause?: unknown) =>
    new UnexpectedResponseError(
      `${what} (HTTP ${response.status}, ${contentType ?? 'no Content-Type'}) from ${redactUrl(url)}`,
      {
        status: response.status,
        contentType,
        url,
        cause,
      },
    );
  if (parseAs === 'auto' && contentType !== null && !isJson(contentType)) {
    throw fail('expected a JSON answer, got another kind of body');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw fail('the answer is not valid JSON', withoutBody(error));
  }
}

/**
 * The parse error without the part of the body engines quote in its message
 * (V8: `Unexpected token 'm', "mrp_..." is not valid JSON`): the body may hold a key.
 */
function withoutBody(error: unknown): unknown {
  if (!(error instanceof SyntaxError)) return error;
  return new SyntaxError(error.message.replace(/"[\s\S]*"(\.\.\.)?/, '<body>'));
}
