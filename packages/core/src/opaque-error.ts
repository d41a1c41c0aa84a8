import { UnexpectedResponseError } from './errors.js';

/** The typed error for an opaque answer, saying why it is one. */
export function opaqueError(
  response: Response,
  method: string,
  url: string,
  heldBack: readonly string[],
): UnexpectedResponseError {
  const what =
    response.type !== 'opaqueredirect'
      ? `opaque answer (type ${response.type}, status 0): its status, headers and body are hidden`
      : heldBack.length > 0
        ? `redirect not followed: the call carries ${heldBack.join(', ')}, which a browser would send to any origin (it removes only Authorization); send the credential as the client's token`
        : 'redirect not followed (redirect: manual): a browser hides where it leads';
  return new UnexpectedResponseError(`${what}: ${method} ${url}`, {
    status: response.status,
    contentType: null,
    url,
  });
}
