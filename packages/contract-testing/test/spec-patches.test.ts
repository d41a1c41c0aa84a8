import { describe, expect, test } from 'vitest';
import { fixtureJson } from '../src/fixtures.ts';
import { matchOperation } from '../src/match.ts';
import { breakReferenceCycles, derivePrismDocument } from '../src/prism-spec.ts';
import { loadPatchedSpec } from '../src/spec-patches.ts';
import { createResponseValidator } from '../src/validate.ts';

// The harness reads every spec through the SDK's input patches: the claims the
// generated types make are the ones the validator checks on every answer.
const modrinth = loadPatchedSpec('modrinth');
const itch = loadPatchedSpec('itch');
const modrinthCheck = createResponseValidator(modrinth);
const itchCheck = createResponseValidator(itch);
const op = (spec: typeof modrinth, method: string, path: string) => {
  const found = matchOperation(spec, method, path);
  if (!found) throw new Error(`no operation for ${method} ${path}`);
  return found;
};

describe('the patched Modrinth spec', () => {
  const getProject = op(modrinth, 'GET', '/project/sodium');
  const project = fixtureJson('modrinth', 'get-project.sodium.json') as Record<string, unknown>;

  test('keeps every operation and URL', () => {
    expect(modrinth.operations).toHaveLength(76);
    expect(getProject.operationId).toBe('getProject');
  });

  test('a real-shaped project passes; one without a field labrinth always sends fails', () => {
    expect(modrinthCheck.check(getProject, 200, 'application/json', project).ok).toBe(true);
    const { title: _, ...untitled } = project;
    const result = modrinthCheck.check(getProject, 200, 'application/json', untitled);
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(/must have required property 'title'/);
  });

  test('`Option<T>` fields accept null; plain ones do not', () => {
    const check = (patch: Record<string, unknown>) =>
      modrinthCheck.check(getProject, 200, 'application/json', { ...project, ...patch }).ok;
    expect(check({ slug: null, organization: null, donation_urls: null })).toBe(true);
    expect(check({ title: null })).toBe(false);
    expect(check({ downloads: null })).toBe(false);
  });

  test('a version file without its sha512 fails', () => {
    const versions = fixtureJson('modrinth', 'get-project-versions.sodium.json') as Array<{
      files: Array<{ hashes: Record<string, string> }>;
    }>;
    const listOp = op(modrinth, 'GET', '/project/sodium/version');
    expect(modrinthCheck.check(listOp, 200, 'application/json', versions).ok).toBe(true);
    const copy = structuredClone(versions);
    delete copy[0]?.files[0]?.hashes.sha512;
    expect(modrinthCheck.check(listOp, 200, 'application/json', copy).ok).toBe(false);
  });

  test('request bodies are required', () => {
    const body = modrinth.doc.paths['/version_files'].post.requestBody;
    expect(body.required).toBe(true);
  });
});

describe('the patched itch spec', () => {
  test('the TOTP step is at /totp/verify, with the live 400 documented', () => {
    expect(op(itch, 'POST', '/totp/verify').operationId).toBe('totpVerify');
    expect(matchOperation(itch, 'POST', '/login/with-totp-token')).toBeUndefined();
    const login = op(itch, 'POST', '/login');
    const refused = fixtureJson('itch', 'error.login-incorrect-password.json');
    expect(itchCheck.check(login, 400, 'application/json', refused).ok).toBe(true);
  });

  test('the `{ game }` wrapper and the ids are required', () => {
    const getGame = op(itch, 'GET', '/games/1328853');
    const answer = fixtureJson('itch', 'get-game.1328853.json') as {
      game: Record<string, unknown>;
    };
    expect(itchCheck.check(getGame, 200, 'application/json', answer).ok).toBe(true);
    expect(itchCheck.check(getGame, 200, 'application/json', {}).ok).toBe(false);
    const { id: _, ...noId } = answer.game;
    expect(itchCheck.check(getGame, 200, 'application/json', { game: noId }).ok).toBe(false);
  });
});

describe('breakReferenceCycles (Prism’s copy)', () => {
  test('replaces each reference closing a cycle by an object of the required fields', () => {
    const doc = derivePrismDocument(itch.doc);
    const replaced = breakReferenceCycles(doc);
    expect(replaced.length).toBeGreaterThan(0);
    // No reference into a schema still open on the walk remains: a JSON walk terminates.
    const schemas = doc.components.schemas;
    const visiting = new Set<string>();
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const ref = (node as { $ref?: string }).$ref;
      if (typeof ref === 'string') {
        const name = ref.split('/').pop() as string;
        expect(visiting.has(name)).toBe(false);
        visiting.add(name);
        walk(schemas[name]);
        visiting.delete(name);
        return;
      }
      for (const [key, value] of Object.entries(node)) if (key !== 'example') walk(value);
    };
    for (const name of Object.keys(schemas)) {
      visiting.add(name);
      walk(schemas[name]);
      visiting.delete(name);
    }
    // The stubs keep the fields the patched schemas require.
    const stub = replaced
      .map((pointer) =>
        pointer
          .replace(/^#\//, '')
          .split('/')
          .reduce((node: Record<string, unknown>, seg) => node?.[seg] as never, doc),
      )
      .find((s) => (s as { required?: string[] }).required?.includes('filename')) as {
      required: string[];
    };
    expect(stub.required).toEqual(expect.arrayContaining(['id', 'filename', 'storage']));
  });
});
