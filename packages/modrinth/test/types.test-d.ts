import { describe, expectTypeOf, it } from 'vitest';
import {
  createModrinthClient,
  facet,
  getProject,
  getProjects,
  getProjectVersions,
  type Project,
  type ProjectResult,
  searchAll,
  searchProjects,
  uploadVersion,
  type Version,
  versionsFromHashes,
} from '../src/index.js';

const client = createModrinthClient({ userAgent: 'tests' });

describe('operation types', () => {
  it('results are the typed data', () => {
    expectTypeOf(
      getProject({ client, path: { idOrSlug: 'sodium' } }),
    ).resolves.toEqualTypeOf<Project>();
    expectTypeOf(getProjects({ client, query: { ids: ['a'] } })).resolves.toEqualTypeOf<
      Project[]
    >();
    expectTypeOf(getProjectVersions({ client, path: { idOrSlug: 'x' } })).resolves.toEqualTypeOf<
      Version[]
    >();
    expectTypeOf(searchAll({ client })).toMatchTypeOf<AsyncIterable<ProjectResult>>();
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

  it('wrong argument types do not compile', () => {
    // @ts-expect-error ids is an array of strings, not a JSON string
    getProjects({ client, query: { ids: '["a"]' } });
    // @ts-expect-error the path key is idOrSlug
    getProject({ client, path: { id: 'sodium' } });
    // @ts-expect-error path is required
    getProject({ client });
    // @ts-expect-error algorithm is sha1 | sha512
    versionsFromHashes({ client, body: { hashes: ['x'], algorithm: 'md5' } });
    // @ts-expect-error limit is a number
    searchProjects({ client, query: { limit: '10' } });
    // @ts-expect-error version_type is release | beta | alpha
    uploadVersion({ client, body: { data: { version_type: 'stable' }, files: [] } });
    // @ts-expect-error operators are : = != < <= > >=
    facet('downloads', '=>', 1);
    // @ts-expect-error the token is a string or a provider
    createModrinthClient({ token: 42 });
  });
});
