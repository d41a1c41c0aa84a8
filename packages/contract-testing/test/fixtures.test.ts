import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  corpusKey,
  fixtureJson,
  fixturesDir,
  payloadSources,
  recordedCorpus,
} from '../src/fixtures.ts';
import { specPath } from '../src/paths.ts';
import { loadSpec } from '../src/spec.ts';
import { createResponseValidator } from '../src/validate.ts';

type Json = Record<string, unknown>;
const modrinth = loadSpec(specPath('modrinth'));
const itch = loadSpec(specPath('itch'));
const op = (spec: typeof modrinth, id: string) =>
  spec.operations.find((o) => o.operationId === id)!;

describe('the repository’s own fixtures reproduce every documented quirk', () => {
  const versions = fixtureJson<Json[]>('modrinth', 'get-project-versions.sodium.json');
  const files = versions.flatMap((v) => v.files as Json[]);

  test('Modrinth nullable enums arrive as null', () => {
    expect(fixtureJson<Json>('modrinth', 'get-project.sodium.json').requested_status).toBeNull();
    expect(versions.some((v) => v.requested_status === null)).toBe(true);
    expect(files.some((f) => f.file_type === null)).toBe(true);
    expect(files.some((f) => typeof f.file_type === 'string')).toBe(true);
  });

  test('Modrinth fields the spec does not declare are present', () => {
    const project = fixtureJson<Json>('modrinth', 'get-project.sodium.json');
    expect(project.organization).toBeTypeOf('string');
    expect((project.gallery as Json[])[0]).toHaveProperty('raw_url');
    expect(files.some((f) => typeof f.id === 'string')).toBe(true);
    const lithium = fixtureJson<Json[]>('modrinth', 'get-project-versions.lithium.json');
    expect(lithium.some((v) => 'ordering' in v)).toBe(true);
  });

  test('Modrinth search hits lack the optional thread_id and monetization_status', () => {
    const hits = fixtureJson<{ hits: Json[] }>('modrinth', 'search-projects.sodium.json').hits;
    expect(hits.length).toBeGreaterThan(1);
    for (const hit of hits) {
      expect(hit).not.toHaveProperty('thread_id');
      expect(hit).not.toHaveProperty('monetization_status');
    }
  });

  test('Modrinth error bodies are {error, description} and match the spec', () => {
    const body = fixtureJson('modrinth', 'error.not-found.json');
    expect(body).toEqual({ error: expect.any(String), description: expect.any(String) });
    const result = createResponseValidator(modrinth).check(
      op(modrinth, 'getProject'),
      404,
      'application/json',
      body,
    );
    expect(result.errors).toEqual([]);
  });

  test('itch answers are snake_case, with traits lists and `traits: {}`', () => {
    const game = fixtureJson<{ game: Json }>('itch', 'get-game.1328853.json').game;
    expect(Object.keys(game)).toEqual(expect.arrayContaining(['cover_url', 'created_at']));
    expect(game.traits).toEqual(expect.arrayContaining(['can_be_bought']));
    const uploads = fixtureJson<{ uploads: Json[] }>('itch', 'get-game-uploads.1328853.json');
    expect(uploads.uploads.some((u) => JSON.stringify(u.traits) === '{}')).toBe(true);
    const keys = fixtureJson<Json>('itch', 'get-profile-owned-keys.page1.json');
    expect(keys).toHaveProperty('owned_keys');
    expect(keys).toHaveProperty('per_page');
  });

  test('itch timestamps carry nanoseconds', () => {
    const text = JSON.stringify(fixtureJson('itch', 'get-game-uploads.1328853.json'));
    const dates = text.match(/"\d{4}-\d\d-\d\dT[\d:]+\.\d+Z"/g) ?? [];
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(d).toMatch(/\.\d{9}Z"$/);
  });

  test('itch error bodies are {"errors": [...]} and match the spec’s ErrorResponse (live itch sends them with 400 where the spec documents 401)', () => {
    const validator = createResponseValidator(itch);
    const errors = readdirSync(fixturesDir('itch')).filter((f) => f.startsWith('error.'));
    expect(errors.length).toBeGreaterThanOrEqual(3);
    for (const file of errors) {
      const body = fixtureJson<Json>('itch', file);
      expect(body.errors, file).toEqual([expect.any(String)]);
      expect(
        validator.check(op(itch, 'loginWithPassword'), 401, 'application/json', body).errors,
      ).toEqual([]);
    }
  });

  test('itch login: a key on success, a token when TOTP is needed', () => {
    expect(fixtureJson<Json>('itch', 'login.success.redacted.json')).toMatchObject({
      success: true,
      key: { key: expect.any(String), user_id: expect.any(Number) },
    });
    expect(fixtureJson<Json>('itch', 'login.totp-needed.redacted.json')).toMatchObject({
      success: false,
      totp_needed: true,
      token: expect.any(String),
    });
  });
});

describe('the recorded corpus tier', () => {
  const saved = process.env.X_PAYLOADS_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.X_PAYLOADS_DIR;
    else process.env.X_PAYLOADS_DIR = saved;
  });

  test('absent: the source says it is skipped and why', () => {
    process.env.X_PAYLOADS_DIR = join(tmpdir(), 'x-no-such-corpus');
    expect(recordedCorpus('itch')).toMatchObject({ available: false });
    const [fixtures, corpus] = payloadSources('itch');
    expect(fixtures).toEqual({ label: 'fixtures', dir: fixturesDir('itch') });
    expect(corpus?.skipReason).toMatch(/recorded corpus not found at .*x-no-such-corpus/);
  });

  test('present: it is a source like the fixtures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'x-corpus-'));
    try {
      mkdirSync(join(dir, 'itch'));
      process.env.X_PAYLOADS_DIR = dir;
      expect(recordedCorpus('itch')).toEqual({ available: true, dir: join(dir, 'itch') });
      expect(payloadSources('itch')[1]).toEqual({
        label: 'recorded corpus',
        dir: join(dir, 'itch'),
      });
      expect(recordedCorpus('modrinth').available).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('its key changes with any recorded file, and says "absent" without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'x-corpus-'));
    try {
      process.env.X_PAYLOADS_DIR = dir;
      expect(corpusKey()).toBe('absent');
      mkdirSync(join(dir, 'modrinth'));
      writeFileSync(join(dir, 'modrinth', 'a.json'), '{"a":1}');
      const first = corpusKey();
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(corpusKey()).toBe(first);
      writeFileSync(join(dir, 'modrinth', 'a.json'), '{"a":2}');
      const second = corpusKey();
      expect(second).not.toBe(first);
      mkdirSync(join(dir, 'itch'));
      writeFileSync(join(dir, 'itch', 'b.json'), '{}');
      expect(corpusKey()).not.toBe(second);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
