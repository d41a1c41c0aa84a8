import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashBytes } from '../src/index.js';
import { fileFromPath, hashFolder, hashPath } from '../src/node.js';

const ABC = {
  sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
  sha512:
    'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
};
const EMPTY = {
  sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  sha512:
    'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
};

let dir: string;
let big: Buffer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'x-modrinth-hash-'));
  big = randomBytes(3 * 1024 * 1024 + 17);
  await writeFile(join(dir, 'big.jar'), big);
  await writeFile(join(dir, 'abc.jar'), 'abc');
  await writeFile(join(dir, 'notes.txt'), 'ignored');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('hashing', () => {
  it('known digests from bytes, Blob, stream and iterables', async () => {
    const bytes = new TextEncoder().encode('abc');
    expect(await hashBytes(bytes)).toEqual(ABC);
    expect(await hashBytes(bytes.buffer)).toEqual(ABC);
    expect(await hashBytes(new Blob(['a', 'bc']))).toEqual(ABC);
    expect(await hashBytes(new Blob([]).stream())).toEqual(EMPTY);
    expect(await hashBytes([bytes.subarray(0, 1), bytes.subarray(1)])).toEqual(ABC);
    async function* gen() {
      yield bytes.subarray(0, 2);
      yield bytes.subarray(2);
    }
    expect(await hashBytes(gen())).toEqual(ABC);
  });

  it('a multi-megabyte file: the browser-safe path and node:crypto agree, streamed in chunks', async () => {
    const path = join(dir, 'big.jar');
    const native = await hashPath(path);
    const file = await fileFromPath(path);
    expect(file.size).toBe(big.length);
    expect(await hashBytes(file)).toEqual(native);
    expect(await hashBytes(file.stream())).toEqual(native);
    expect(native.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(native.sha512).toMatch(/^[0-9a-f]{128}$/);
  });

  it('hashFolder hashes the mod files of a folder', async () => {
    const files = await hashFolder(dir);
    expect(files.map((f) => f.name)).toEqual([join(dir, 'abc.jar'), join(dir, 'big.jar')]);
    expect(files[0]!.hashes).toEqual(ABC);
  });

  it('rejects what it cannot read', async () => {
    await expect(hashBytes(42 as never)).rejects.toThrow(TypeError);
  });
});
