import type { Client } from './generated/client/index.js';
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
  if (!data.uuid) throw new Error('@x/itch: the download session answer carries no uuid');
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

async function authorization(client: Client): Promise<string | undefined> {
  const auth = client.getConfig().auth;
  const token = typeof auth === 'function' ? await auth({ scheme: 'bearer', type: 'http' }) : auth;
  return token ? `Bearer ${token}` : undefined;
}

interface Hop {
  url: string;
  response: Response;
}

/**
 * Follows redirects by hand: `Authorization` is sent to the API's origin and
 * dropped as soon as a redirect leaves it (the CDN never sees the key). With
 * `stopAtForeignOrigin`, returns the first address outside the API without
 * requesting it.
 */
async function follow(
  options: UploadDownloadOptions,
  stopAtForeignOrigin: boolean,
): Promise<Hop | { url: string; response?: undefined }> {
  const client = options.client ?? (await defaultClient());
  const config = client.getConfig();
  const send = (config.fetch ?? globalThis.fetch) as (request: Request) => Promise<Response>;
  const apiOrigin = new URL(String(config.baseUrl)).origin;
  const maxRedirects = options.maxRedirects ?? 10;
  let url = uploadDownloadUrl(client, options);
  let trusted = true;
  for (let hop = 0; ; hop++) {
    trusted = trusted && new URL(url).origin === apiOrigin;
    if (!trusted && stopAtForeignOrigin) return { url };
    const headers = new Headers();
    if (trusted) {
      const value = await authorization(client);
      if (value) headers.set('Authorization', value);
    }
    const init: RequestInit = { headers, redirect: 'manual' };
    if (options.signal) init.signal = options.signal;
    const response = await send(new Request(url, init));
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop >= maxRedirects) {
        throw new Error(`@x/itch: more than ${maxRedirects} redirects downloading an upload`);
      }
      url = new URL(location, url).toString();
      continue;
    }
    return { url, response };
  }
}

/**
 * Where an upload's bytes live: follows the API's redirects and returns the
 * first address outside the API (the CDN URL, already signed by itch), or
 * the API address itself if it serves the file. Nothing is downloaded.
 */
export async function resolveUploadDownloadUrl(options: UploadDownloadOptions): Promise<string> {
  const hop = await follow(options, true);
  await hop.response?.body?.cancel();
  return hop.url;
}

/**
 * Downloads an upload: the final `Response` (stream its `body`) and the URL
 * it came from. `Authorization` goes to the API only, never to the CDN.
 */
export async function downloadUpload(
  options: UploadDownloadOptions,
): Promise<{ url: string; response: Response }> {
  const hop = await follow(options, false);
  if (!hop.response) throw new Error('@x/itch: no response');
  return { url: hop.url, response: hop.response };
}
