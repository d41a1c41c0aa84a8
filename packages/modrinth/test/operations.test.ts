import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as modrinth from '../src/index.js';

const generated = [
  ...readFileSync(new URL('../src/generated/sdk.gen.ts', import.meta.url), 'utf8').matchAll(
    /^export const (\w+)/gm,
  ),
].map((m) => m[1] as string);

/** Generated operations whose bodies are built by hand, and the names the replacements carry. */
const REPLACED: Record<string, string> = {
  createVersion: 'uploadVersion',
  createProject: 'uploadProject',
  addFilesToVersion: 'uploadVersionFiles',
  changeProjectIcon: 'uploadProjectIcon',
  addGalleryImage: 'uploadGalleryImage',
  changeUserIcon: 'uploadUserIcon',
};

describe('exported operations', () => {
  it('every generated operation is exported under its operationId, or replaced under a name of its own', () => {
    expect(generated.length).toBeGreaterThan(60);
    for (const name of generated) {
      if (name in REPLACED) {
        expect(modrinth, name).not.toHaveProperty(name);
        expect(modrinth, name).toHaveProperty(REPLACED[name] as string);
      } else {
        expect(modrinth, name).toHaveProperty(name);
      }
    }
  });
});
