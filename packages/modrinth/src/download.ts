/**
 * Downloading a version's file, verified by its hash. Works in any runtime
 * (no `node:` import): `downloadVersionFile` gives a `File` in memory; the
 * streamed, atomic write to disk is `saveVersionFile` in `@x/modrinth/node`,
 * which shares {@link transfer} with it.
 */
import type { CallOptions, RetryOptions } from '@x/core';
import type { OperationTarget } from '@x/core/client';
import {
  backoffDelay,
  CoreError,
  chunkFailed,
  headersOf,
  overridesOf,
  redactUrl,
  resolveRetry,
  sleep,
  transportOf,
  WITHOUT_TOKEN,
} from '@x/core/internal';
import { createHasher, type FileHashes, type Hasher, wholeHasher } from './hashing.js';

/**
 * @x/core's error classes, imported when a download fails: this module is
 * bundled beside the operations every call runs, and a static import of
 * `@x/core` would put the error classes in a browser bundle's first load
 * (see @x/core's `lazy.browser.ts`).
 */
const coreErrors = () =>
  import('./core-errors.js').catch(chunkFailed('@x/modrinth', 'download errors'));

/**
 * What a download is sent with: a `ModrinthClient` or a transport of
 * `@x/modrinth/operations` (their @x/core fetch: retries, timeouts, redirects).
 */
export type DownloadClient = OperationTarget;

/** The fields of a version's file a download reads (a `VersionFile` of any version answer). */
export interface DownloadableFile {
  /** Where the bytes are (Modrinth's CDN). */
  readonly url: string;
  /** The server's name for the file; only its last segment is ever used as a name on disk. */
  readonly filename: string;
  /** The digests the bytes must match (`sha512`, else `sha1`). */
  readonly hashes: { readonly sha512?: string | undefined; readonly sha1?: string | undefined };
  /** Listed size in bytes: a longer answer is cut off, a shorter one is a cut connection. */
  readonly size?: number | undefined;
}

/** Per-call options of a download. */
export interface DownloadOptions {
  /** Aborts the download (nothing is kept). */
  signal?: AbortSignal | undefined;
  /**
   * Longest wait, in ms, for the answer's headers (per attempt), then for each
   * chunk of the body: a download that stalls this long is retried, then fails
   * with a `TimeoutError`. A large file may take longer than this in total.
   * @default the client's `timeoutMs` (60000)
   */
  timeoutMs?: number | undefined;
  /** Extra request headers (`undefined` values are left out). Credential headers are never sent outside the API's origin. */
  headers?: Readonly<Record<string, string | undefined>> | undefined;
  /**
   * Merged over the client's retry policy: statuses and connection failures
   * before the answer (by @x/core), and a body cut or stalled mid-way (the
   * download starts again). `false` for a single attempt.
   */
  retry?: RetryOptions | false | undefined;
}

/** Fields of {@link downloadVersionFile}. */
export interface DownloadFields {
  /** Called after each chunk: bytes so far, and the listed size when known. */
  onProgress?: ((received: number, total: number | undefined) => void) | undefined;
}

/** Why a download was refused (see {@link DownloadError}). */
export type DownloadFailure =
  | 'no-files'
  | 'invalid-url'
  | 'no-hash'
  | 'unsafe-file-name'
  | 'size-mismatch'
  | 'hash-mismatch';

/**
 * A download refused for what it is, not for the network: a version without
 * files, a file without a hash, a name that cannot be a file name, bytes that
 * do not match the listed size or hash. Not retried.
 */
export class DownloadError extends CoreError {
  static override readonly errorName: string = 'DownloadError';
  /** What was wrong, for code to branch on. */
  readonly reason: DownloadFailure;
  /** The file's name as the server gave it. */
  readonly fileName: string | undefined;
  /** The file's URL, redacted. */
  readonly url: string | undefined;

  constructor(
    message: string,
    init: { reason: DownloadFailure; fileName?: string | undefined; url?: string | undefined },
  ) {
    super(message);
    this.reason = init.reason;
    this.fileName = init.fileName;
    this.url = init.url === undefined ? undefined : redactUrl(init.url);
  }
}

/** The bytes received are not the file Modrinth lists: nothing was kept. */
export class HashMismatchError extends DownloadError {
  static override readonly errorName: string = 'HashMismatchError';
  /** The digest that did not match (`sha512` when Modrinth lists one). */
  readonly algorithm: 'sha512' | 'sha1';
  /** The listed digest (lower-case hex). */
  readonly expected: string;
  /** The digest of the bytes received. */
  readonly actual: string;

  constructor(init: {
    fileName: string;
    url: string;
    algorithm: 'sha512' | 'sha1';
    expected: string;
    actual: string;
  }) {
    super(
      `${init.fileName}: the download does not match its ${init.algorithm}: expected ${init.expected.slice(0, 16)}…, got ${init.actual.slice(0, 16)}… (${redactUrl(init.url)})`,
      { reason: 'hash-mismatch', fileName: init.fileName, url: init.url },
    );
    this.algorithm = init.algorithm;
    this.expected = init.expected;
    this.actual = init.actual;
  }
}

/**
 * A version's primary file: the one marked `primary`, else the first
 * (Modrinth's rule). Throws a `DownloadError` (`no-files`) for a version
 * without files.
 */
export function primaryFile<F extends { readonly primary?: boolean | null | undefined }>(version: {
  readonly files?: readonly F[] | null | undefined;
  readonly id?: string | undefined;
}): F {
  const files = version.files ?? [];
  const file = files.find((f) => f.primary === true) ?? files[0];
  if (!file) {
    throw new DownloadError(`version ${version.id ?? '(no id)'} has no files`, {
      reason: 'no-files',
    });
  }
  return file;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * The server's file name made safe as one name inside a folder: only its last
 * path segment (`../../x` is `x`, `/etc/passwd` is `passwd`), characters no
 * file system accepts replaced by `_`. Throws for a name with nothing left.
 */
export function safeFileName(name: string, url?: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  let cleaned = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/[. ]+$/, '');
  if (WINDOWS_RESERVED.test(cleaned)) cleaned = `_${cleaned}`;
  if (cleaned === '') {
    throw new DownloadError(`the server names the file ${JSON.stringify(name)}: not a file name`, {
      reason: 'unsafe-file-name',
      fileName: name,
      url,
    });
  }
  return cleaned;
}

/** Where one attempt's bytes go; opened once the answer is known to be the file. */
export interface Sinks<S> {
  open(response: Response): Promise<S>;
  write(sink: S, chunk: Uint8Array): void | Promise<void>;
  /** Drops what an attempt wrote (a failed or retried attempt). */
  discard(sink: S): Promise<void>;
}

/** What {@link transfer} hands back: the sink that holds the whole, verified file. */
export interface Transferred<S> {
  sink: S;
  /** Bytes received. */
  size: number;
  /** Both digests of the bytes received. */
  hashes: FileHashes;
}

/** A failure of the body after the answer began: the download may start again. */
class BodyFailure {
  constructor(readonly error: CoreError) {}
}

const STALLED = Symbol('stalled');

/** `reader.read()`, or a rejection when `ms` pass first or `signal` aborts (the stream is cancelled). */
function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const stop = (reason: unknown) => {
      cleanup();
      reader.cancel().catch(() => {});
      reject(reason);
    };
    const onAbort = () => stop(signal?.reason);
    const timer = setTimeout(() => stop(STALLED), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    reader.read().then(
      (result) => {
        cleanup();
        resolve(result);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}

function expectedHash(file: DownloadableFile): { sha512?: string; sha1?: string } {
  const out: { sha512?: string; sha1?: string } = {};
  const { sha512, sha1 } = file.hashes ?? {};
  if (typeof sha512 === 'string' && sha512) out.sha512 = sha512.toLowerCase();
  if (typeof sha1 === 'string' && sha1) out.sha1 = sha1.toLowerCase();
  if (!out.sha512 && !out.sha1) {
    throw new DownloadError(
      `${file.filename}: Modrinth lists no hash for it; refusing to download it unverified`,
      {
        reason: 'no-hash',
        fileName: file.filename,
        url: file.url,
      },
    );
  }
  return out;
}

const HTML = /^\s*(text\/html|application\/xhtml\+xml)/i;

/**
 * Downloads `file` into sinks, one per attempt, hashing as the bytes arrive:
 * resolves with the sink that holds the whole file once its size and hash
 * match. The request goes through the client's @x/core fetch (retries,
 * timeouts, redirects) without the client's token, so no credential reaches
 * the CDN; a body cut or stalled mid-way starts the download again under the
 * same retry policy. A failed attempt's sink is discarded before the error.
 */
export async function transfer<S>(
  client: DownloadClient,
  file: DownloadableFile,
  fields: DownloadFields,
  options: DownloadOptions,
  sinks: Sinks<S>,
  hasher: () => Hasher | Promise<Hasher> = createHasher,
): Promise<Transferred<S>> {
  const expected = expectedHash(file);
  const name = file.filename;
  if (!/^https?:\/\//i.test(String(file.url))) {
    throw new DownloadError(`${name}: its URL is not an absolute http(s) URL`, {
      reason: 'invalid-url',
      fileName: name,
    });
  }
  const base = transportOf(client).coreFetch;
  const overrides: CallOptions = { ...overridesOf(options), rateLimiter: false };
  // The CDN is not the API: its downloads take none of the API's request budget.
  const send = base.withOptions(overrides);
  const idleMs = options.timeoutMs ?? base.config.timeoutMs ?? 60_000;
  const policy = resolveRetry(base.config.retry, options.retry);
  const { signal } = options;
  const total = typeof file.size === 'number' && file.size >= 0 ? file.size : undefined;

  const attempt = async (): Promise<Transferred<S>> => {
    const init: RequestInit & { [WITHOUT_TOKEN]: true } = { [WITHOUT_TOKEN]: true };
    if (signal) init.signal = signal;
    const headers = headersOf(options);
    if (headers) init.headers = headers;
    const response = await send(file.url, init);
    const url = response.url || file.url;
    const contentType = response.headers.get('content-type');
    if (response.status !== 200 || (contentType && HTML.test(contentType))) {
      await response.body?.cancel().catch(() => {});
      const what =
        response.status !== 200 ? `answered ${response.status}` : `answered ${contentType}`;
      throw new (await coreErrors()).UnexpectedResponseError(
        `${name}: the server ${what}, not the file (${redactUrl(url)})`,
        {
          status: response.status,
          contentType,
          url,
        },
      );
    }
    const sink = await sinks.open(response);
    try {
      return await receive(response, sink, url);
    } catch (error) {
      await sinks.discard(sink);
      throw error;
    }
  };

  const receive = async (response: Response, sink: S, url: string): Promise<Transferred<S>> => {
    const hash = await hasher();
    let received = 0;
    const of = total === undefined ? '' : ` of ${total}`;
    const cut = async (cause?: unknown) =>
      new BodyFailure(
        new (await coreErrors()).ConnectionError({
          method: 'GET',
          url,
          cause,
          message: `${name}: the connection closed after ${received}${of} bytes (${redactUrl(url)})`,
        }),
      );
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        let step: ReadableStreamReadResult<Uint8Array>;
        try {
          step = await readWithin(reader, idleMs, signal);
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          if (error === STALLED) {
            const { TimeoutError } = await coreErrors();
            const timeout = new TimeoutError({ method: 'GET', url, timeoutMs: idleMs });
            timeout.message = `${name}: nothing received for ${idleMs} ms after ${received}${of} bytes (${redactUrl(url)})`;
            throw new BodyFailure(timeout);
          }
          throw await cut(error);
        }
        if (step.done) break;
        const chunk = step.value;
        received += chunk.byteLength;
        if (total !== undefined && received > total) {
          reader.cancel().catch(() => {});
          throw new DownloadError(
            `${name}: the server sent more than the ${total} bytes Modrinth lists (${redactUrl(url)})`,
            { reason: 'size-mismatch', fileName: name, url },
          );
        }
        hash.update(chunk);
        await sinks.write(sink, chunk);
        fields.onProgress?.(received, total);
      }
    }
    if (total !== undefined && received < total) throw await cut();
    const hashes = await hash.digest();
    for (const algorithm of ['sha512', 'sha1'] as const) {
      const want = expected[algorithm];
      if (want && hashes[algorithm] !== want) {
        throw new HashMismatchError({
          fileName: name,
          url,
          algorithm,
          expected: want,
          actual: hashes[algorithm],
        });
      }
    }
    return { sink, size: received, hashes };
  };

  for (let retries = 0; ; retries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof BodyFailure)) throw error;
      if (policy === false || retries >= policy.maxRetries) {
        error.error.attempts = retries + 1;
        throw error.error;
      }
      await sleep(backoffDelay(retries + 1, policy), signal);
    }
  }
}

/**
 * Downloads a version's file into memory and verifies it: a `File` named
 * after it (the name made safe) once its size and `sha512` (else `sha1`)
 * match, in any runtime. Sent through the client's @x/core fetch without its
 * token: no credential reaches the CDN. Errors: `HashMismatchError`,
 * `DownloadError`, `UnexpectedResponseError` (an HTML page, a non-200
 * answer), `TimeoutError`, `ConnectionError` and the `ApiError`s. To write
 * to disk without holding the file in memory, see `saveVersionFile` in
 * `@x/modrinth/node`.
 *
 * @example
 * const file = await modrinth.downloadVersionFile(primaryFile(version));
 * // or, from `@x/modrinth/operations`:
 * const same = await downloadVersionFile(modrinth, primaryFile(version));
 */
export async function downloadVersionFile(
  client: DownloadClient,
  file: DownloadableFile,
  fields: DownloadFields = {},
  options: DownloadOptions = {},
): Promise<File> {
  const fileName = safeFileName(file.filename, file.url);
  const done = await transfer(
    client,
    file,
    fields,
    options,
    {
      open: async (response) => ({
        type: response.headers.get('content-type') ?? '',
        chunks: [] as Uint8Array[],
      }),
      write: (sink, chunk) => {
        sink.chunks.push(chunk);
      },
      discard: async (sink) => {
        sink.chunks.length = 0;
      },
    },
    () => wholeHasher() ?? createHasher(),
  );
  return new File(done.sink.chunks as BlobPart[], fileName, { type: done.sink.type });
}
