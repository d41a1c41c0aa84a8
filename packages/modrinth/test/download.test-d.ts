import { describe, expectTypeOf, it } from 'vitest';
import { createModrinthClient, primaryFile, type Version, type VersionFile } from '../src/index.js';
import { type SavedFile, saveVersionFile } from '../src/node.js';
import { downloadVersionFile } from '../src/operations.js';

const client = createModrinthClient({ userAgent: 'tests' });
declare const version: Version;

describe('download types', () => {
  it('primaryFile keeps the file type of the version it is given', () => {
    expectTypeOf(primaryFile(version)).toEqualTypeOf<VersionFile>();
    expectTypeOf(primaryFile({ files: [{ primary: true, url: 'u' }] as const })).toHaveProperty(
      'url',
    );
  });

  it('downloads resolve to a File, or to the saved file', () => {
    const file = primaryFile(version);
    expectTypeOf(client.downloadVersionFile(file)).toEqualTypeOf<Promise<File>>();
    expectTypeOf(downloadVersionFile(client, file)).toEqualTypeOf<Promise<File>>();
    expectTypeOf(saveVersionFile(client, file, { folder: 'mods' })).toEqualTypeOf<
      Promise<SavedFile>
    >();
  });

  it('a destination is a folder or a path, not both, not neither', () => {
    const file = primaryFile(version);
    saveVersionFile(client, file, { path: 'mods/a.jar' });
    // @ts-expect-error: neither a folder nor a path
    saveVersionFile(client, file, {});
    // @ts-expect-error: both
    saveVersionFile(client, file, { folder: 'mods', path: 'mods/a.jar' });
  });

  it('per-call options accept undefined (exactOptionalPropertyTypes) and reject generator plumbing', () => {
    const file = primaryFile(version);
    client.downloadVersionFile(
      file,
      {},
      {
        signal: undefined,
        timeoutMs: Number(process.env.TIMEOUT) || undefined,
        retry: false,
      },
    );
    // @ts-expect-error: not a download option
    client.downloadVersionFile(file, {}, { parseAs: 'text' });
  });
});
