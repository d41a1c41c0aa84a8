import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError, CoreError, createCoreFetch, redactUrl } from '@x/core';
import { USER_AGENT } from '../clients.js';
import { syncFile } from './durable.js';
import { ExitError } from './errors.js';

/** How long a download may send nothing before it counts as stalled. @default 30 s */
export const DEFAULT_STALL_MS = 30_000;

export interface DownloadOptions {
  /** Expected digests and size; the file is rejected (and removed) on mismatch. */
  sha512?: string;
  size?: number;
  sha1?: string;
  onProgress?: (received: number, total: number | undefined) => void;
  signal?: AbortSignal;
  /** No byte for this long: the download is abandoned as stalled. */
  stallMs?: number;
  /** Sends the request; lets callers use an SDK's redirect-safe download. @default @x/core's fetch */
  fetch?: (url: string, init: { signal: AbortSignal }) => Promise<Response>;
}

/** A unique, hidden name for a download in progress inside `folder`. */
export function tempPathIn(folder: string): string {
  return join(folder, `.x-update-${randomBytes(8).toString('hex')}.part`);
}

/** Downloads go through @x/core: its User-Agent, timeouts and retries; no credentials. */
function coreDownload(url: string, init: { signal: AbortSignal }): Promise<Response> {
  const send = createCoreFetch({ baseUrl: new URL(url).origin, userAgent: USER_AGENT });
  return send(url, { signal: init.signal });
}

/**
 * Streams `url` into `tempPath`, hashing as it goes, and resolves once the
 * file is complete, matches its digests and is flushed to the disk. A stall,
 * a cut connection or a corrupt file is a one-line error naming the file;
 * nothing is left behind on failure or abort.
 */
export async function downloadVerified(
  url: string,
  name: string,
  tempPath: string,
  options: DownloadOptions = {},
): Promise<void> {
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  const stalled = new AbortController();
  const signal = options.signal
    ? AbortSignal.any([options.signal, stalled.signal])
    : stalled.signal;
  let timer: NodeJS.Timeout | undefined;
  const watch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stalled.abort(), stallMs);
  };
  let received = 0;
  let total: number | undefined;
  const where = redactUrl(url);
  try {
    watch();
    const response = await (options.fetch ?? coreDownload)(url, { signal });
    if (!response.ok || !response.body) {
      throw new ExitError(
        `download of ${name} failed: ${response.status} ${response.statusText} (${where})`,
      );
    }
    // A compressed answer is decoded on the way in: its content-length counts other bytes.
    const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
    total = encoded ? undefined : Number(response.headers.get('content-length')) || undefined;
    const sha512 = createHash('sha512');
    const sha1 = createHash('sha1');
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        watch();
        sha512.update(chunk);
        sha1.update(chunk);
        received += chunk.length;
        options.onProgress?.(received, total);
        done(null, chunk);
      },
    });
    await pipeline(
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
      meter,
      createWriteStream(tempPath, { flags: 'wx' }),
      { signal },
    );
    clearTimeout(timer);
    if (total !== undefined && received !== total) throw cutShort(name, received, total);
    if (options.size !== undefined && received !== options.size) {
      throw new ExitError(
        `${name}: the download is corrupt: ${received} bytes where ${options.size} were listed (${where})`,
      );
    }
    const got512 = sha512.digest('hex');
    if (options.sha512 && got512 !== options.sha512.toLowerCase()) {
      throw new ExitError(
        `${name}: the download is corrupt: its sha512 is ${got512.slice(0, 16)}…, Modrinth lists ${options.sha512.slice(0, 16)}… (${where})`,
      );
    }
    if (options.sha1 && sha1.digest('hex') !== options.sha1.toLowerCase()) {
      throw new ExitError(`${name}: the download is corrupt: its sha1 does not match (${where})`);
    }
    await syncFile(tempPath);
  } catch (error) {
    clearTimeout(timer);
    await rm(tempPath, { force: true });
    if (options.signal?.aborted) throw options.signal.reason;
    if (stalled.signal.aborted) {
      throw new ExitError(
        `download of ${name} stalled: nothing received for ${Math.round(stallMs / 1000)} s after ${received}${total ? ` of ${total}` : ''} bytes (${where}); try again later`,
      );
    }
    if (error instanceof ExitError) throw error;
    if (error instanceof ApiError || error instanceof CoreError) {
      throw new ExitError(`download of ${name} failed: ${error.message}`, 1, { cause: error });
    }
    // The stream broke after the answer began: the server closed the connection.
    throw cutShort(name, received, total, error);
  }
}

function cutShort(name: string, received: number, total?: number, cause?: unknown): ExitError {
  return new ExitError(
    `download of ${name} was cut short: the connection closed after ${received}${total ? ` of ${total}` : ''} bytes; try again`,
    1,
    { cause },
  );
}
