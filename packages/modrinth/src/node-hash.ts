/// <reference types="node" />
import { createHash } from 'node:crypto';
import type { Hasher } from './hashing.js';

/** An incremental SHA-1 + SHA-512 hasher on native `node:crypto` (hashing files and downloads). */
export function nodeHasher(): Hasher {
  const a = createHash('sha1');
  const b = createHash('sha512');
  return {
    update(chunk) {
      a.update(chunk);
      b.update(chunk);
    },
    digest: () => ({ sha1: a.digest('hex'), sha512: b.digest('hex') }),
  };
}
