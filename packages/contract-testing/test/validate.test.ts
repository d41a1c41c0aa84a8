import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCoverageReport, summariseCoverage } from '../src/coverage.ts';
import { fixturesDir, readPayload } from '../src/fixtures.ts';
import { describePayloads } from '../src/index.ts';
import { matchOperation } from '../src/match.ts';
import { specPath } from '../src/paths.ts';
import { derivePrismDocument, dropContradictingExamples } from '../src/prism-spec.ts';
import { loadSpec } from '../src/spec.ts';
import { createResponseValidator, honourNullableEnums } from '../src/validate.ts';

const modrinth = loadSpec(specPath('modrinth'));
const itch = loadSpec(specPath('itch'));

describe('loadSpec', () => {
  test('lists every operation of both specs', () => {
    expect(modrinth.operations).toHaveLength(76);
    expect(itch.operations).toHaveLength(36);
    expect(modrinth.version).toBe('3.0');
    expect(itch.version).toBe('3.1');
    expect(modrinth.name).toBe('modrinth.openapi');
  });

  test('a missing file or a non-OpenAPI document is a clear error', () => {
    expect(() => loadSpec('/nope.yaml')).toThrow(/cannot read spec \/nope\.yaml/);
    expect(() => loadSpec(join(fixturesDir('modrinth'), 'tag-loaders.json'))).toThrow(
      /is not an OpenAPI 3\.0\/3\.1 document/,
    );
  });
});

describe('matchOperation', () => {
  test('literal routes win over templated ones; `|` parameters match', () => {
    expect(matchOperation(modrinth, 'GET', '/project/sodium')?.operationId).toBe('getProject');
    expect(matchOperation(modrinth, 'GET', '/project/sodium/version/abc')?.operationId).toBe(
      'getVersionFromIdOrNumber',
    );
    expect(matchOperation(modrinth, 'POST', '/version_files/update')?.operationId).toBe(
      'getLatestVersionsFromHashes',
    );
    expect(matchOperation(itch, 'GET', '/search/games')?.operationId).toBe('searchGames');
    expect(matchOperation(itch, 'DELETE', '/search/games')).toBeUndefined();
  });
});

describe('the Prism copy of a spec', () => {
  test('renames `|` path parameters everywhere and nothing else', () => {
    const copy = derivePrismDocument(modrinth.doc);
    expect(Object.keys(copy.paths).filter((p) => p.includes('|'))).toEqual([]);
    expect(copy.paths['/project/{id_slug}']).toBeDefined();
    expect(copy.components.parameters.ProjectIdentifier.name).toBe('id_slug');
    expect(Object.keys(copy.paths)).toHaveLength(Object.keys(modrinth.doc.paths).length);
    expect(modrinth.doc.components.parameters.ProjectIdentifier.name).toBe('id|slug'); // original untouched
  });
});

describe('response validation', () => {
  test('nullable enums accept null (the spec’s intent), other enums do not', () => {
    const schema = { nullable: true, enum: ['a', 'b'], properties: { x: { enum: ['c'] } } };
    honourNullableEnums(schema);
    expect(schema.enum).toEqual(['a', 'b', null]);
    expect(schema.properties.x.enum).toEqual(['c']);
  });

  const validator = createResponseValidator(modrinth);
  const getProject = modrinth.operations.find((o) => o.operationId === 'getProject');

  test('an enum value outside the spec fails with the allowed values listed', () => {
    const body = readPayload<Record<string, unknown>>(
      { label: 'fixtures', dir: fixturesDir('modrinth') },
      'get-project.sodium.json',
    );
    body.requested_status = 'banana';
    const result = validator.check(getProject!, 200, 'application/json', body);
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(
      /requested_status must be equal to one of the allowed values \(.*null\)/,
    );
  });

  test('a wrong content type fails', () => {
    expect(validator.check(getProject!, 200, 'text/html', '<p>')).toMatchObject({ ok: false });
  });
});

describePayloads(
  'modrinth',
  'real-shaped Modrinth projects and version lists validate',
  (source) => {
    const validator = createResponseValidator(modrinth);
    const operation = (id: string) => modrinth.operations.find((o) => o.operationId === id)!;

    test('a project (requested_status: null, undeclared organization and gallery raw_url)', () => {
      const body = readPayload<Record<string, unknown>>(source, 'get-project.sodium.json');
      expect(body.requested_status).toBeNull();
      expect(validator.check(operation('getProject'), 200, 'application/json', body)).toEqual({
        ok: true,
        errors: [],
      });
    });

    test('every version list (file_type: null, undeclared files[].id and ordering)', () => {
      const files = readdirSync(source.dir).filter((f) => f.startsWith('get-project-versions'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const body = readPayload(source, file);
        expect(
          validator.check(operation('getProjectVersions'), 200, 'application/json', body),
          file,
        ).toEqual({ ok: true, errors: [] });
      }
    });
  },
);

describe('coverage report', () => {
  test('shape and numbers', () => {
    const report = buildCoverageReport(itch, [
      { spec: 'itch.openapi', operationId: 'getGame', status: '200' },
      { spec: 'itch.openapi', operationId: 'getGame', status: '404' },
      { spec: 'other', operationId: 'getProfile', status: '200' },
    ]);
    expect(report.spec).toBe('itch.openapi');
    expect(report.operations.total).toBe(36);
    expect(report.operations.covered).toBe(1);
    expect(report.operations.uncovered).toContain('getProfile');
    expect(report.operations.uncovered).not.toContain('getGame');
    expect(report.responses.uncovered).toContain('getProfile 401');
    expect(report.responses.uncovered).not.toContain('getGame 404');
    expect(report.responses.covered).toBe(2);
    expect(summariseCoverage(report)).toBe(
      `contract coverage itch.openapi: operations 1/36 (2.7%), responses 2/${report.responses.total} (${Math.floor((2 / report.responses.total) * 1000) / 10}%)`,
    );
  });
});

describe('examples that contradict their schema', () => {
  test('are dropped from the Prism copy (so Prism generates a value of the right type), and only those', () => {
    const dropped = dropContradictingExamples(
      structuredClone(modrinth.doc.components),
      '#/components',
    );
    expect(dropped).toContain('#/components/schemas/UserPayoutData/properties/balance/example');
    expect(dropped).toContain('#/components/schemas/UserPayoutHistory/properties/all_time/example');
    const copy = derivePrismDocument(modrinth.doc);
    expect(copy.components.schemas.UserPayoutData.properties.balance.example).toBeUndefined();
    // A fitting example stays.
    expect(copy.components.schemas.BaseProject.properties.slug.example).toBe(
      modrinth.doc.components.schemas.BaseProject.properties.slug.example,
    );
    expect(dropContradictingExamples(structuredClone(itch.doc))).toEqual([]);
  });
});
