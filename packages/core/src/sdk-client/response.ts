import { takeReadBody } from '../attempt.js';
import { failurePath } from '../lazy.js';
import { isOpaque } from '../platform-redirects.js';
import { redactUrl } from '../redact-url.js';
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
 * `UnexpectedResponseError` rather than a string typed as an object.
 */
export async function readData(
  response: Response,
  url: string,
  parseAs: ParseAs,
  method = 'GET',
): Promise<unknown> {
  // Read already when @x/core read it within the attempt (`READ_BODY`).
  const read = takeReadBody(response);
  // Status 0 hides status, headers and body: never `undefined` as if it were data.
  if (isOpaque(response)) throw (await failure()).opaqueError(response, method, redactUrl(url), []);
  if (parseAs === 'stream') return read === undefined ? response.body : new Blob([read]).stream();
  if (parseAs === 'arrayBuffer') {
    return read instanceof ArrayBuffer ? read : response.arrayBuffer();
  }
  if (parseAs === 'blob') {
    const type = response.headers.get('content-type') ?? '';
    return read instanceof ArrayBuffer ? new Blob([read], { type }) : response.blob();
  }
  if (response.status === 204 || response.status === 205) {
    if (read === undefined) await response.body?.cancel();
    return undefined;
  }
  const text = typeof read === 'string' ? read : await response.text();
  if (parseAs === 'text') return text;
  const contentType = response.headers.get('content-type');
  // The typed error of a broken answer, from the failure path (loaded then in browsers).
  const fail = async (what: string, cause?: unknown) =>
    new (await failure()).UnexpectedResponseError(
      `${what} (HTTP ${response.status}, ${contentType ?? 'no Content-Type'}) from ${redactUrl(url)}`,
      {
        status: response.status,
        contentType,
        url,
        cause,
      },
    );
  if (text === '') {
    // Every 200 of our specs has a JSON body: an empty one is a broken answer
    // (`const { game } = await getGame()` would otherwise fail far from here).
    if (parseAs === 'auto' && response.status === 200) {
      throw await fail('expected a JSON answer, got an empty body');
    }
    return undefined;
  }
  if (parseAs === 'auto' && contentType !== null && !isJson(contentType)) {
    throw await fail('expected a JSON answer, got another kind of body');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw await fail('the answer is not valid JSON', withoutBody(error));
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

async function failure() {
  const m = failurePath();
  return m instanceof Promise ? await m : m;
}
