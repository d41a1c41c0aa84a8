import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { contractFetchFor, payloadsDir } from '@x/contract-testing';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  createModrinthClient,
  getDependencies,
  getProject,
  getProjects,
  getProjectVersions,
  loaderList,
  type ModrinthClient,
  type Project,
  searchProjects,
  type Version,
  versionFromHash,
  versionList,
} from '../src/index.js';

/**
 * Real responses recorded from api.modrinth.com (../shared/payloads/modrinth,
 * read where they lie), each served at the endpoint its README names. A
 * request that does not match a recorded URL exactly (path and decoded
 * query) gets 404, so these tests also prove the SDK builds the live URLs.
 */
const dir = payloadsDir('modrinth');
const projectIds = (
  JSON.parse(readFileSync(join(dir, 'get-projects.multi.json'), 'utf8')) as Project[]
).map((p) => p.id);
/** Path plus decoded query, parameters in name order (order is not meaningful). */
function routeKey(pathname: string, search: string): string {
  const params = [...new URLSearchParams(search)].sort(([a], [b]) => a.localeCompare(b));
  return params.length ? `${pathname}?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : pathname;
}
const recorded: Record<string, string> = {
  '/v2/project/AANobbMI': 'get-project.sodium.json',
  '/v2/search?query=sodium&limit=10': 'search-projects.sodium.json',
  '/v2/project/AANobbMI/version?game_versions=["1.21.1"]&loaders=["fabric"]':
    'get-project-versions.sodium-fabric-1.21.1.json',
  '/v2/project/sodium/version': 'get-project-versions.sodium.json',
  '/v2/version_file/928a2598178c3a58b0638bab842f467d2e49251a?algorithm=sha1':
    'version-file-sha1.sodium.json',
  '/v2/project/AANobbMI/dependencies': 'get-project-dependencies.sodium.json',
  [`/v2/projects?ids=${JSON.stringify(projectIds)}`]: 'get-projects.multi.json',
  '/v2/project/lithium/version': 'get-project-versions.lithium.json',
  '/v2/tag/game_version': 'tag-game-versions.json',
  '/v2/tag/loader': 'tag-loaders.json',
};
const routes = Object.fromEntries(
  Object.entries(recorded).map(([url, file]) => {
    const [path, query = ''] = url.split('?');
    return [routeKey(path!, new URLSearchParams(query).toString()), file];
  }),
);

let server: Server;
let client: ModrinthClient;
const served = new Set<string>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = routeKey(url.pathname, url.search);
    const file = routes[key];
    if (!file) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not_found', description: `no recording for ${key}` }));
      return;
    }
    served.add(file);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(readFileSync(join(dir, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  client = createModrinthClient({
    baseUrl,
    fetch: contractFetchFor('modrinth', baseUrl),
    retry: false,
    rateLimiter: false,
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('recorded live responses, read through the SDK and the spec validator', () => {
  it('getProject (sodium): requested_status null and undeclared organization pass through', async () => {
    const project = await getProject({ client, path: { idOrSlug: 'AANobbMI' } });
    expectTypeOf(project).toEqualTypeOf<Project>();
    expect(project.slug).toBe('sodium');
    expect(project.requested_status).toBeNull();
    expectTypeOf(project.requested_status).toEqualTypeOf<
      'approved' | 'archived' | 'unlisted' | 'private' | 'draft' | null | undefined
    >();
    expect((project as Project & { organization?: string }).organization).toBeTypeOf('string');
  });

  it('searchProjects', async () => {
    const page = await searchProjects({ client, query: { query: 'sodium', limit: 10 } });
    expect(page.hits.length).toBeGreaterThan(0);
    expect(page.total_hits).toBeGreaterThanOrEqual(page.hits.length);
  });

  it('getProjectVersions with JSON-array loaders and game_versions', async () => {
    const versions = await getProjectVersions({
      client,
      path: { idOrSlug: 'AANobbMI' },
      query: { loaders: ['fabric'], game_versions: ['1.21.1'] },
    });
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) {
      expect(v.loaders).toContain('fabric');
      expect(v.game_versions).toContain('1.21.1');
    }
  });

  it('getProjectVersions (all 144 sodium versions): file_type null and undeclared files[].id', async () => {
    const versions: Version[] = await getProjectVersions({ client, path: { idOrSlug: 'sodium' } });
    expect(versions).toHaveLength(144);
    const files = versions.flatMap((v) => v.files);
    expect(files.some((f) => f.file_type === null)).toBe(true);
    expectTypeOf(files[0]!.file_type).toEqualTypeOf<
      'required-resource-pack' | 'optional-resource-pack' | null | undefined
    >();
    expect(files.some((f) => typeof (f as { id?: unknown }).id === 'string')).toBe(true);
    expect(versions.some((v) => v.requested_status === null)).toBe(true);
  });

  it('getProjectVersions (lithium, 2024 recording with undeclared ordering)', async () => {
    const versions = await getProjectVersions({ client, path: { idOrSlug: 'lithium' } });
    expect(versions).toHaveLength(43);
    expect(versions.every((v) => v.project_id === 'gvQqBUqZ')).toBe(true);
  });

  it('versionFromHash', async () => {
    const version = await versionFromHash({
      client,
      path: { hash: '928a2598178c3a58b0638bab842f467d2e49251a' },
      query: { algorithm: 'sha1' },
    });
    expect(
      version.files.some((f) => f.hashes.sha1 === '928a2598178c3a58b0638bab842f467d2e49251a'),
    ).toBe(true);
  });

  it('getDependencies', async () => {
    const deps = await getDependencies({ client, path: { idOrSlug: 'AANobbMI' } });
    expect(Array.isArray(deps.projects)).toBe(true);
    expect(Array.isArray(deps.versions)).toBe(true);
  });

  it('getProjects with six JSON-encoded ids', async () => {
    const projects = await getProjects({ client, query: { ids: projectIds } });
    expect(projects.map((p) => p.slug)).toEqual([
      'fabric-api',
      'sodium',
      'iris',
      'lithium',
      'modmenu',
      'cloth-config',
    ]);
  });

  it('tags: game versions and loaders', async () => {
    expect(await versionList({ client })).toHaveLength(726);
    expect(await loaderList({ client })).toHaveLength(22);
  });

  it('every recorded file was served', () => {
    expect([...served].sort()).toEqual(Object.values(routes).sort());
  });
});
