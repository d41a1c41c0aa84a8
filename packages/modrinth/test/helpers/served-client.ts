// The README's examples are written as a user writes them (no test
// parameters). Their tests point every client the examples create at a
// local server by mocking the package's factories with these: each adds
// `served.options` (set by the test) over the example's own options.
//
//   vi.mock('@x/modrinth', (original) => servedModrinth(original));
import type { ModrinthClientOptions } from '../../src/index.js';

export const served: { options: ModrinthClientOptions } = { options: {} };

type Original<T> = () => Promise<T>;

/** `@x/modrinth` with `createModrinthClient` serving `served.options`. */
export async function servedModrinth(importOriginal: Original<typeof import('@x/modrinth')>) {
  const real = await importOriginal();
  return {
    ...real,
    createModrinthClient: (options: ModrinthClientOptions = {}) =>
      real.createModrinthClient({ ...options, ...served.options }),
  };
}

/** `@x/modrinth/operations` with `createModrinthTransport` serving `served.options`. */
export async function servedOperations(
  importOriginal: Original<typeof import('@x/modrinth/operations')>,
) {
  const real = await importOriginal();
  return {
    ...real,
    createModrinthTransport: (options: ModrinthClientOptions = {}) =>
      real.createModrinthTransport({ ...options, ...served.options }),
  };
}
