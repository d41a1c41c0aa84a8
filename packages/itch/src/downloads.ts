import type { Client, OperationOptions, OperationTarget } from '@x/core/client';
import {
  CoreError,
  firstHop,
  headersOf,
  nextHop,
  overridesOf,
  platformOwnsRedirects,
  transportOf,
} from '@x/core/internal';
import { newDownloadSession } from './generated/operations.gen.js';

/** Access to a game's content: what paid, restricted or private pages ask for. */
export interface AccessInput {
  /** For paid content: the download key that grants access. */
  downloadKeyId?: number | undefined;
  /** For restricted pages. */
  password?: string | undefined;
  /** For private pages. */
  secret?: string | undefined;
}

/** Input of {@link downloadUpload}, {@link resolveUploadDownloadUrl} and {@link uploadDownloadUrl}. */
export interface UploadDownloadInput extends AccessInput {
  /** The download session (see {@link openDownloadSession}); lets itch count one download. */
  uuid?: string | undefined;
  /** Redirects to follow before giving up. @default 10 */
  maxRedirects?: number | undefined;
}

/** `POST /games/{gameId}/download-sessions`: the session UUID to pass to the download. */
export async function openDownloadSession(
  client: OperationTarget,
  gameId: number,
  input?: AccessInput,
  options?: OperationOptions,
): Promise<string> {
  const data = await newDownloadSession(client, gameId, input, options);
  if (!data.uuid) throw new CoreError('@x/itch: the download session answer carries no uuid');
  return data.uuid;
}

/**
 * The API address of an upload's file: `GET /uploads/{uploadId}/download`
 * (used by the itch app; not in the spec). It answers with a redirect to the
 * CDN. Credentials are never put in the URL.
 */
export function uploadDownloadUrl(
  client: OperationTarget,
  uploadId: number,
  input: UploadDownloadInput = {},
): string {
  const transport = transportOf(client);
  const base = String(transport.getConfig().baseUrl ?? 'https://api.itch.io').replace(/\/+$/, '');
  const url = new URL(`${base}/uploads/${encodeURIComponent(uploadId)}/download`);
  if (input.uuid !== undefined) url.searchParams.set('uuid', input.uuid);
  if (input.downloadKeyId !== undefined)
    url.searchParams.set('download_key_id', String(input.downloadKeyId));
  if (input.password !== undefined) url.searchParams.set('password', input.password);
  if (input.secret !== undefined) url.searchParams.set('secret', input.secret);
  return url.toString();
}

/**
 * A request through the client's @x/core fetch: its limiter, retries, typed
 * errors and its credential, sent to the API origin only; @x/core drops it
 * once a redirect has left the API.
 */
function send(
  client: Client,
  url: string,
  redirect: RequestRedirect,
  options: OperationOptions | undefined,
): Promise<Response> {
  const overrides = overridesOf(options);
  const core = overrides ? client.coreFetch.withOptions(overrides) : client.coreFetch;
  const init: RequestInit = { redirect };
  if (options?.signal) init.signal = options.signal;
  const headers = headersOf(options);
  if (headers) init.headers = headers;
  return core(url, init);
}

/**
 * Where an upload's bytes live: follows the API's redirects and returns the
 * first address outside the API (the CDN URL, already signed by itch), or
 * the API address itself if it serves the file. Nothing is downloaded, and
 * the foreign address is never requested.
 *
 * In browsers (and webviews), which hide a redirect's `Location`, the
 * browser follows the redirects instead: the answer is the address the
 * chain ends on (the CDN's), whose body is cancelled as soon as its headers
 * arrive; the CDN is requested (without the credential, which the browser
 * removes on the way to another origin) and must allow CORS.
 */
export async function resolveUploadDownloadUrl(
  client: OperationTarget,
  uploadId: number,
  input: UploadDownloadInput = {},
  options?: OperationOptions,
): Promise<string> {
  const transport = transportOf(client);
  if (platformOwnsRedirects()) {
    const url = uploadDownloadUrl(transport, uploadId, input);
    const response = await send(transport, url, 'follow', options);
    await response.body?.cancel().catch(() => {});
    return response.url || url;
  }
  const apiOrigin = new URL(String(transport.getConfig().baseUrl)).origin;
  let hop = firstHop(uploadDownloadUrl(transport, uploadId, input), 'GET', apiOrigin);
  for (;;) {
    const response = await send(transport, hop.url, 'manual', options);
    const next = nextHop(hop, response, apiOrigin, input.maxRedirects);
    await response.body?.cancel().catch(() => {});
    if (!next) return hop.url;
    if (!next.trusted) return next.url;
    hop = next;
  }
}

/**
 * Downloads an upload: the final `Response` (stream its `body`) and the URL
 * it came from. @x/core follows the redirects: the credential goes to the
 * API only, never to the CDN nor back to the API once the CDN was reached.
 */
export async function downloadUpload(
  client: OperationTarget,
  uploadId: number,
  input: UploadDownloadInput = {},
  options?: OperationOptions,
): Promise<{ url: string; response: Response }> {
  const transport = transportOf(client);
  const url = uploadDownloadUrl(transport, uploadId, input);
  const response = await send(transport, url, 'follow', options);
  return { url: response.url || url, response };
}
