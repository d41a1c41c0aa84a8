/**
 * The hash functions, loaded on the first `hashBytes`: importing them costs
 * about a quarter of an empty script's start-up (the cold-import benchmark),
 * which a program that never hashes should not pay.
 */
async function noble() {
  const [{ sha1 }, { sha512 }, { bytesToHex }] = await Promise.all([
    import('@noble/hashes/legacy.js'),
    import('@noble/hashes/sha2.js'),
    import('@noble/hashes/utils.js'),
  ]);
  return { sha1, sha512, bytesToHex };
}

/** The two digests Modrinth identifies files by, lower-case hex. */
export interface FileHashes {
  sha1: string;
  sha512: string;
}

/** Anything whose bytes can be hashed without holding them all in memory at once. */
export type HashSource =
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | Iterable<Uint8Array>
  | Uint8Array
  | ArrayBuffer;

/**
 * SHA-1 and SHA-512 of a Blob/File, a byte stream or bytes, in one pass.
 * Chunks are hashed as they arrive (incremental @noble/hashes), so a large
 * file is never buffered whole. Works in browsers, Deno, Bun and Node; in
 * Node, `hashPath` from `@x/modrinth/node` hashes a file by path natively.
 */
export async function hashBytes(source: HashSource): Promise<FileHashes> {
  const hasher = await createHasher();
  for await (const chunk of chunks(source)) hasher.update(chunk);
  return await hasher.digest();
}

/** Both digests of bytes fed chunk by chunk (a download hashes as it receives). */
export interface Hasher {
  update(chunk: Uint8Array): void;
  /** Lower-case hex; call once, after the last chunk. */
  digest(): FileHashes | Promise<FileHashes>;
}

/** An incremental SHA-1 + SHA-512 hasher (@noble/hashes: any runtime). */
export async function createHasher(): Promise<Hasher> {
  const { sha1, sha512, bytesToHex } = await noble();
  const a = sha1.create();
  const b = sha512.create();
  return {
    update(chunk) {
      a.update(chunk);
      b.update(chunk);
    },
    digest: () => ({ sha1: bytesToHex(a.digest()), sha512: bytesToHex(b.digest()) }),
  };
}

async function* chunks(source: HashSource): AsyncIterable<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
  } else if (source instanceof ArrayBuffer) {
    yield new Uint8Array(source);
  } else if (typeof Blob !== 'undefined' && source instanceof Blob) {
    yield* readStream(source.stream());
  } else if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) {
    yield* readStream(source);
  } else if (Symbol.asyncIterator in source) {
    for await (const c of source as AsyncIterable<Uint8Array>) yield toBytes(c);
  } else if (Symbol.iterator in source) {
    for (const c of source as Iterable<Uint8Array>) yield toBytes(c);
  } else {
    throw new TypeError('hashBytes: expected a Blob, ReadableStream, (async) iterable or bytes');
  }
}

async function* readStream(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield toBytes(value);
    }
  } finally {
    reader.releaseLock();
  }
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk))
    return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === 'string') return new TextEncoder().encode(chunk);
  throw new TypeError('hashBytes: stream chunks must be bytes');
}

const hex = (digest: ArrayBuffer) =>
  Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * For bytes that are kept in memory anyway (a download to a `File`): Web
 * Crypto's native digests over the whole, about 5x faster than hashing in
 * JavaScript chunk by chunk (measured on a 64 MiB download). `undefined`
 * where there is no `crypto.subtle` (a page served over plain http).
 */
export function wholeHasher(): Hasher | undefined {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const parts: Uint8Array[] = [];
  let length = 0;
  return {
    update(chunk) {
      parts.push(chunk);
      length += chunk.byteLength;
    },
    async digest() {
      const all = new Uint8Array(length);
      let offset = 0;
      for (const part of parts) {
        all.set(part, offset);
        offset += part.byteLength;
      }
      parts.length = 0;
      const [sha1, sha512] = await Promise.all([
        subtle.digest('SHA-1', all),
        subtle.digest('SHA-512', all),
      ]);
      return { sha1: hex(sha1), sha512: hex(sha512) };
    },
  };
}
