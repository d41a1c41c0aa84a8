import type { NotFoundError as CoreNotFound } from '@x/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  ApiError,
  type CreatableVersion,
  createModrinthClient,
  facet,
  type ModrinthErrorBody,
  type ModrinthErrorCode,
  NotFoundError,
  type Project,
  type ProjectDonationUrl,
  type ProjectResult,
  type Version,
} from '../src/index.js';
import { createModrinthTransport, getProject, searchAll } from '../src/operations.js';

const modrinth = createModrinthClient({ userAgent: 'tests', token: process.env.MODRINTH_TOKEN });

describe('operation types', () => {
  it('results are the typed data', () => {
    expectTypeOf(modrinth.getProject('sodium')).resolves.toEqualTypeOf<Project>();
    expectTypeOf(modrinth.getProjects({ ids: ['a'] })).resolves.toEqualTypeOf<Project[]>();
    expectTypeOf(
      modrinth.getProjectVersions('x', { loaders: ['fabric'], game_versions: ['1.21.1'] }),
    ).resolves.toEqualTypeOf<Version[]>();
    expectTypeOf(modrinth.searchAll()).toMatchTypeOf<AsyncIterable<ProjectResult>>();
    // The standalone functions: the same types, with a transport or the client.
    const transport = createModrinthTransport();
    expectTypeOf(getProject(transport, 'sodium')).resolves.toEqualTypeOf<Project>();
    expectTypeOf(getProject(modrinth, 'sodium')).resolves.toEqualTypeOf<Project>();
    expectTypeOf(searchAll(modrinth, { query: 'x' })).toMatchTypeOf<AsyncIterable<ProjectResult>>();
  });

  it('per-call options, readonly arrays and values from the environment compile', () => {
    const controller = new AbortController();
    modrinth.getProject('sodium', { signal: controller.signal, timeoutMs: 5000 });
    modrinth.getProject('sodium', { headers: { 'x-trace': process.env.TRACE }, retry: false });
    const loaders = ['fabric', 'quilt'] as const;
    modrinth.getProjectVersions('sodium', { loaders, game_versions: ['1.21.1'] as const });
    modrinth.getProjectVersions('sodium', { featured: undefined });
    modrinth.checkUpdates([], { loaders, game_versions: ['1.21.1'] as const });
    createModrinthClient({ baseUrl: process.env.MODRINTH_URL, token: process.env.MODRINTH_TOKEN });
  });

  it('nullable enums include null', () => {
    expectTypeOf<Version['requested_status']>().toEqualTypeOf<
      'listed' | 'archived' | 'draft' | 'unlisted' | null
    >();
    expectTypeOf<Version['files'][number]['file_type']>().toEqualTypeOf<
      | 'required-resource-pack'
      | 'optional-resource-pack'
      | 'sources-jar'
      | 'dev-jar'
      | 'javadoc-jar'
      | 'signature'
      | 'unknown'
      | null
    >();
  });

  it('generator plumbing and wrong arguments do not compile', () => {
    // @ts-expect-error parseAs is no per-call option
    modrinth.getProject('sodium', { parseAs: 'text' });
    // @ts-expect-error method is no per-call option
    modrinth.getProject('sodium', { method: 'DELETE' });
    // @ts-expect-error bodySerializer is no per-call option
    modrinth.modifyProject('sodium', { title: 'x' }, { bodySerializer: null });
    // @ts-expect-error responseStyle is no per-call option
    modrinth.getProject('sodium', { responseStyle: 'fields' });
    // @ts-expect-error no ThrowOnError type parameter
    modrinth.getProject<false>('sodium');
    // @ts-expect-error ids is an array of strings, not a JSON string
    modrinth.getProjects({ ids: '["a"]' });
    // @ts-expect-error the path parameter is positional
    modrinth.getProject({ idOrSlug: 'sodium' });
    // @ts-expect-error the path parameter is required
    modrinth.getProject();
    // @ts-expect-error algorithm is sha1 | sha512
    modrinth.versionsFromHashes({ hashes: ['x'], algorithm: 'md5' });
    // @ts-expect-error limit is a number
    modrinth.searchProjects({ limit: '10' });
    // @ts-expect-error version_type is release | beta | alpha
    modrinth.uploadVersion({ data: { version_type: 'stable' }, files: [] });
    // @ts-expect-error operators are : = != < <= > >=
    facet('downloads', '=>', 1);
    // @ts-expect-error the token is a string or a provider
    createModrinthClient({ token: 42 });
  });
});

// The honest types of spec-patches.ts: what labrinth always sends is required,
// its `Option<T>` fields are `| null`, what it needs in a request is required.
describe('honest response types', () => {
  it('a project: every field present, the optional ones null', () => {
    expectTypeOf<Project['title']>().toEqualTypeOf<string>();
    expectTypeOf<Project['slug']>().toEqualTypeOf<string | null>();
    expectTypeOf<Project['downloads']>().toEqualTypeOf<number>();
    expectTypeOf<Project['versions']>().toEqualTypeOf<string[]>();
    expectTypeOf<Project['game_versions']>().toEqualTypeOf<string[]>();
    expectTypeOf<Project['loaders']>().toEqualTypeOf<string[]>();
    expectTypeOf<Project['organization']>().toEqualTypeOf<string | null>();
    expectTypeOf<Project['icon_url']>().toEqualTypeOf<string | null>();
    expectTypeOf<Project['donation_urls']>().toEqualTypeOf<ProjectDonationUrl[] | null>();
    expectTypeOf<Project['license']['url']>().toEqualTypeOf<string | null>();
    expectTypeOf<Project['client_side']>().toEqualTypeOf<
      'required' | 'optional' | 'unsupported' | 'unknown'
    >();
    expectTypeOf<Project['gallery'][number]['title']>().toEqualTypeOf<string | null>();
  });

  it('a version and its files', () => {
    expectTypeOf<Version['name']>().toEqualTypeOf<string>();
    expectTypeOf<Version['version_number']>().toEqualTypeOf<string>();
    expectTypeOf<Version['changelog']>().toEqualTypeOf<string>();
    expectTypeOf<Version['loaders']>().toEqualTypeOf<string[]>();
    expectTypeOf<Version['game_versions']>().toEqualTypeOf<string[]>();
    expectTypeOf<Version['featured']>().toEqualTypeOf<boolean>();
    expectTypeOf<Version['version_type']>().toEqualTypeOf<'release' | 'beta' | 'alpha'>();
    expectTypeOf<Version['files'][number]['hashes']['sha512']>().toEqualTypeOf<string>();
    expectTypeOf<Version['files'][number]['hashes']['sha1']>().toEqualTypeOf<string>();
    expectTypeOf<Version['files'][number]['primary']>().toEqualTypeOf<boolean>();
    expectTypeOf<Version['dependencies'][number]['dependency_type']>().toEqualTypeOf<
      'required' | 'optional' | 'incompatible' | 'embedded'
    >();
  });

  it('a search hit', () => {
    expectTypeOf<ProjectResult['slug']>().toEqualTypeOf<string | null>();
    expectTypeOf<ProjectResult['title']>().toEqualTypeOf<string>();
    expectTypeOf<ProjectResult['icon_url']>().toEqualTypeOf<string>();
    expectTypeOf<ProjectResult['featured_gallery']>().toEqualTypeOf<string | null>();
    expectTypeOf<ProjectResult['latest_version']>().toEqualTypeOf<string>();
  });
});

describe('honest request types', () => {
  it('createVersion data: what labrinth needs is required', () => {
    expectTypeOf<CreatableVersion>().toHaveProperty('name').toEqualTypeOf<string>();
    const files = [{ name: 'a.jar', data: new Uint8Array(1) }];
    // @ts-expect-error name, version_number, game_versions, loaders... are required
    modrinth.uploadVersion({ data: { project_id: 'AABBCCDD' }, files });
    modrinth.uploadVersion({
      data: {
        project_id: 'AABBCCDD',
        name: 'Version 1.0.0',
        version_number: '1.0.0',
        game_versions: ['1.21.1'],
        loaders: ['fabric'],
        version_type: 'release',
        dependencies: [],
        featured: false,
      },
      files,
    });
  });

  it('request bodies are required', () => {
    // @ts-expect-error versionsFromHashes needs { hashes, algorithm }
    modrinth.versionsFromHashes();
    // @ts-expect-error versionsFromHashes needs { hashes, algorithm }
    modrinth.versionsFromHashes({});
    // @ts-expect-error getLatestVersionsFromHashes needs its body
    modrinth.getLatestVersionsFromHashes();
  });
});

describe('typed error bodies', () => {
  it('the error classes carry labrinth’s code and description', () => {
    const error: unknown = undefined;
    if (error instanceof NotFoundError) {
      expectTypeOf(error.code).toEqualTypeOf<ModrinthErrorCode | undefined>();
      expectTypeOf(error.description).toEqualTypeOf<string | undefined>();
      expectTypeOf(error.body).toEqualTypeOf<ModrinthErrorBody | string | undefined>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
    }
    if (error instanceof ApiError) {
      expectTypeOf(error.code).toEqualTypeOf<ModrinthErrorCode | undefined>();
    }
    expectTypeOf<'not_found'>().toMatchTypeOf<ModrinthErrorCode>();
    expectTypeOf<ModrinthErrorBody['error']>().toEqualTypeOf<ModrinthErrorCode>();
    // The same classes as @x/core's: `instanceof` works with either import.
    expectTypeOf(NotFoundError).toMatchTypeOf<abstract new (...args: never) => CoreNotFound>();
  });
});
