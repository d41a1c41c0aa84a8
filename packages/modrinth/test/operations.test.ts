import { contract } from '@x/contract-testing';
import { describe, expect, it } from 'vitest';
import * as modrinth from '../src/index.js';
import * as operations from '../src/operations.js';

/** Operations whose bodies are built by hand, and the names the replacements carry. */
const REPLACED: Record<string, string> = {
  createVersion: 'uploadVersion',
  createProject: 'uploadProject',
  addFilesToVersion: 'uploadVersionFiles',
  changeProjectIcon: 'uploadProjectIcon',
  addGalleryImage: 'uploadGalleryImage',
  changeUserIcon: 'uploadUserIcon',
};

const ids = contract('modrinth').spec.operations.map((op) => op.operationId);

describe('every operation of the spec', () => {
  it('is a method of the client and a function of @x/modrinth/operations, or replaced under a name of its own', () => {
    expect(ids).toHaveLength(76);
    const client = modrinth.createModrinthClient();
    for (const id of ids) {
      const name = REPLACED[id] ?? id;
      expect(typeof (client as unknown as Record<string, unknown>)[name], name).toBe('function');
      expect(typeof (operations as Record<string, unknown>)[name], name).toBe('function');
      if (REPLACED[id]) expect(operations, id).not.toHaveProperty(id);
    }
  });

  it('the main entry exports no operation function, no internal helper and at most 40 values', () => {
    const values = Object.keys(modrinth);
    expect(values.length).toBeLessThanOrEqual(40);
    for (const internal of [
      'chunk',
      'chunkForQuery',
      'buildMultipart',
      'modrinthQuerySerializer',
      'GONE_MESSAGE',
      'client',
      'defaultClient',
      'getProject',
    ]) {
      expect(modrinth, internal).not.toHaveProperty(internal);
    }
  });
});
