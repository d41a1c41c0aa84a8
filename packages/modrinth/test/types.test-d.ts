import { describe, expectTypeOf, it } from 'vitest';
import {
  createModrinthClient,
  facet,
  type Project,
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
      'listed' | 'archived' | 'draft' | 'unlisted' | null | undefined
    >();
    expectTypeOf<Version['files'][number]['file_type']>().toEqualTypeOf<
      'required-resource-pack' | 'optional-resource-pack' | null | undefined
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
