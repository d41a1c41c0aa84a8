import { CoreError } from '@x/core';
import type { Client } from '@x/core/client';
import { firstHop, nextHop, platformOwnsRedirects } from '@x/core/internal';
import { newDownloadSession } from './generated/sdk.gen.js';

/** Options for {@link downloadUpload}, {@link resolveUploadDownloadUrl} and {@link uploadDownloadUrl}. */
export interface UploadDownloadOptions {
  /** @default the generated default client */
  client?: Client;
  /** The upload whose file to fetch. */
  uploadId: number;
  /** The download session (see {@link openDownloadSession}); lets itch count one download. */
  uuid?: string;
  /** For paid content: the download key that grants access. */
  downloadKeyId?: number;
  /** For restricted pages. */
  password?: string;
  /** For private pages. */
  secret?: string;
  /** Redirects to follow before giving up. @default 10 */
  maxRedirects?: number;
  /** Aborts the download. */
  signal?: AbortSignal;
}

/** Options for {@link openDownloadSession}. */
export interface OpenDownloadSessionOptions {
  /** @default the generated default client */
  client?: Client;
  /** The game to download from. */
  gameId: number;
  /** For paid content: the download key that grants access. */
  downloadKeyId?: number;
  /** For restricted pages. */
  password?: string;
  /** For private pages. */
  secret?: string;
}

async function defaultClient(): Promise<Client> {
  return (await import('./generated/client.gen.js')).client;
}

/** `POST /games/{gameId}/download-sessions`: the session UUID to pass to the download. */
export async function openDownloadSession(options: OpenDownloadSessionOptions): Promise<string> {
  const query: { download_key_id?: number; password?: string; secret?: string } = {};
  if (options.downloadKeyId !== undefined) query.download_key_id = options.downloadKeyId;
  if (options.password !== undefined) query.password = options.password;
  if (options.secret !== undefined) query.secret = options.secret;
  const data = await newDownloadSession({
    ...(options.client ? { client: options.client } : {}),
    path: { gameId: options.gameId },
    query,
  });
  if (!data.uuid) throw new CoreError('@x/itch: the download session answer carries no uuid');
  return data.uuid;
}

/**
 * The API address of an upload's file: `GET /uploads/{uploadId}/download`
 * (used by the itch app; not in the spec). It answers with a redirect to the
 * CDN. Credentials are never put in the URL.
 */
export function uploadDownloadUrl(client: Client, options: UploadDownloadOptions): string {
  const base = String(client.getConfig().baseUrl ?? 'https://api.itch.io').replace(/\/+$/, '');
  const url = new URL(`${base}/uploads/${encodeURIComponent(options.uploadId)}/download`);
  if (options.uuid !== undefined) url.searchParams.set('uuid', options.uuid);
  if (options.downloadKeyId !== undefined)
    url.searchParams.set('download_key_id', String(options.downloadKeyId));
  if (options.password !== undefined) url.searchParams.set('password', options.password);
  if (options.secret !== undefined) url.searchParams.set('secret', options.secret);
  return url.toString();
}

/**
 * A request through the client's @x/core fetch: its limiter, retries, typed
 * errors and its credential (`apiKey`, or an `auth` set with `setConfig`),
 * sent to the API origin only; @x/core drops it once a redirect has left the API.
 */
function send(client: Client, url: string, init: RequestInit): Promise<Response> {
  return client.coreFetch(url, init);
}

function requestInit(options: UploadDownloadOptions, redirect: RequestRedirect): RequestInit {
  return options.signal ? { redirect, signal: options.signal } : { redirect };
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
export async function resolveUploadDownloadUrl(options: UploadDownloadOptions): Promise<string> {
  const client = options.client ?? (await defaultClient());
  if (platformOwnsRedirects()) {
    const url = uploadDownloadUrl(client, options);
    const response = await send(client, url, requestInit(options, 'follow'));
    await response.body?.cancel().catch(() => {});
    return response.url || url;
  }
  const apiOrigin = new URL(String(client.getConfig().baseUrl)).origin;
  let hop = firstHop(uploadDownloadUrl(client, options), 'GET', apiOrigin);
  for (;;) {
    const response = await send(client, hop.url, requestInit(options, 'manual'));
    const next = nextHop(hop, response, apiOrigin, options.maxRedirects);
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
  options: UploadDownloadOptions,
): Promise<{ url: string; response: Response }> {
  const client = options.client ?? (await defaultClient());
  const url = uploadDownloadUrl(client, options);
  const response = await send(client, url, requestInit(options, 'follow'));
  return { url: response.url || url, response };
}
