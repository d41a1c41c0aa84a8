import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ExitError } from './errors.js';

export interface DownloadOptions {
  /** Expected digest; the file is rejected (and removed) on mismatch. */
  sha512?: string;
  sha1?: string;
  onProgress?: (received: number, total: number | undefined) => void;
  signal?: AbortSignal;
  /** Sends the request; lets callers use an SDK's redirect-safe download. @default fetch */
  fetch?: (url: string, init: { signal?: AbortSignal }) => Promise<Response>;
}

/** A partial download's name: hidden, in the target folder (so rename is atomic), unique. */
export function tempPathFor(finalPath: string): string {
  return join(dirname(finalPath), `.${basename(finalPath)}.${process.pid}.${Date.now()}.part`);
}

/**
 * Streams `url` into a temp file beside `finalPath`, hashing as it goes, and
 * returns the temp path once the digest matches. Nothing is left behind on
 * failure or abort.
 */
export async function downloadVerified(
  url: string,
  finalPath: string,
  options: DownloadOptions = {},
): Promise<string> {
  const send = options.fetch ?? ((u, init) => fetch(u, init));
  const response = await send(url, { signal: options.signal });
  if (!response.ok || !response.body) {
    throw new ExitError(
      `download failed: ${response.status} ${response.statusText} for ${basename(finalPath)}`,
    );
  }
  const total = Number(response.headers.get('content-length')) || undefined;
  const sha512 = createHash('sha512');
  const sha1 = createHash('sha1');
  let received = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      sha512.update(chunk);
      sha1.update(chunk);
      received += chunk.length;
      options.onProgress?.(received, total);
      done(null, chunk);
    },
  });
  const temp = tempPathFor(finalPath);
  try {
    await pipeline(
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
      meter,
      createWriteStream(temp, { flags: 'wx' }),
      { signal: options.signal },
    );
    if (total !== undefined && received !== total) {
      throw new ExitError(
        `download of ${basename(finalPath)} was cut short: ${received} of ${total} bytes`,
      );
    }
    const got512 = sha512.digest('hex');
    if (options.sha512 && got512 !== options.sha512.toLowerCase()) {
      throw new ExitError(
        `${basename(finalPath)}: sha512 mismatch, the download is corrupt (expected ${options.sha512.slice(0, 16)}…, got ${got512.slice(0, 16)}…)`,
      );
    }
    const got1 = sha1.digest('hex');
    if (options.sha1 && got1 !== options.sha1.toLowerCase()) {
      throw new ExitError(`${basename(finalPath)}: sha1 mismatch, the download is corrupt`);
    }
    return temp;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
