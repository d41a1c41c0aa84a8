import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contractFetchFor, describePayloads, readPayload } from '@x/contract-testing';
import { afterAll, beforeAll, expect, expectTypeOf, it } from 'vitest';
import {
  createModrinthClient,
  type ModrinthClient,
  type Project,
  type Version,
} from '../src/index.js';

/** Path plus decoded query, parameters in name order (order is not meaningful). */
function routeKey(pathname: string, search: string): string {
  const params = [...new URLSearchParams(search)].sort(([a], [b]) => a.localeCompare(b));
  return params.length ? `${pathname}?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : pathname;
}

/**
 * Real-shaped Modrinth answers, each served at the live endpoint it answers:
 * the repository's fixtures, then the recorded corpus (../shared/payloads)
 * when it is there. A request that does not match a served URL exactly (path
 * and decoded query) gets 404, so these tests also prove the SDK builds the
 * live URLs, JSON-array query forms included.
 */
describePayloads(
  'modrinth',
  'real-shaped responses, read through the SDK and the spec validator',
  (source) => {
    let server: Server;
    let client: ModrinthClient;
    const served = new Set<string>();
    const routes: Record<string, string> = {};
    const read = <T>(file: string) => readPayload<T>(source, file);
    let projects: Project[];
    let sha1: string;

    beforeAll(async () => {
      projects = read<Project[]>('get-projects.multi.json');
      const byHash = read<Version>('version-file-sha1.sodium.json');
      const file = byHash.files.find((f) => f.primary) ?? byHash.files[0];
      if (!file?.hashes.sha1) throw new Error('version-file-sha1.sodium.json: no sha1 to look up');
      sha1 = file.hashes.sha1;
      const urls: Record<string, string> = {
        '/v2/project/AANobbMI': 'get-project.sodium.json',
        '/v2/search?query=sodium&limit=10': 'search-projects.sodium.json',
        '/v2/project/AANobbMI/version?game_versions=["1.21.1"]&loaders=["fabric"]':
          'get-project-versions.sodium-fabric-1.21.1.json',
        '/v2/project/sodium/version': 'get-project-versions.sodium.json',
        [`/v2/version_file/${sha1}?algorithm=sha1`]: 'version-file-sha1.sodium.json',
        '/v2/project/AANobbMI/dependencies': 'get-project-dependencies.sodium.json',
        [`/v2/projects?ids=${JSON.stringify(projects.map((p) => p.id))}`]:
          'get-projects.multi.json',
        '/v2/project/lithium/version': 'get-project-versions.lithium.json',
        '/v2/tag/game_version': 'tag-game-versions.json',
        '/v2/tag/loader': 'tag-loaders.json',
      };
      for (const [url, file] of Object.entries(urls)) {
        const [path, query = ''] = url.split('?');
        routes[routeKey(path!, new URLSearchParams(query).toString())] = file;
      }
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
        res.end(JSON.stringify(read(file)));
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

    it('getProject (sodium): requested_status null and undeclared organization pass through', async () => {
      const project = await client.getProject('AANobbMI');
      expectTypeOf(project).toEqualTypeOf<Project>();
      expect(project.slug).toBe('sodium');
      expect(project.requested_status).toBeNull();
      expectTypeOf(project.requested_status).toEqualTypeOf<
        'approved' | 'archived' | 'unlisted' | 'private' | 'draft' | null
      >();
      expect(project.organization).toBeTypeOf('string');
    });

    it('searchProjects', async () => {
      const page = await client.searchProjects({ query: 'sodium', limit: 10 });
      expect(page.hits.length).toBeGreaterThan(0);
      expect(page.total_hits).toBeGreaterThanOrEqual(page.hits.length);
    });

    it('getProjectVersions with JSON-array loaders and game_versions', async () => {
      const versions = await client.getProjectVersions('AANobbMI', {
        loaders: ['fabric'],
        game_versions: ['1.21.1'],
      });
      expect(versions.length).toBeGreaterThan(0);
      for (const v of versions) {
        expect(v.loaders).toContain('fabric');
        expect(v.game_versions).toContain('1.21.1');
      }
    });

    it('getProjectVersions (all sodium versions): file_type null and undeclared files[].id', async () => {
      const versions: Version[] = await client.getProjectVersions('sodium');
      expect(versions).toHaveLength(read<Version[]>('get-project-versions.sodium.json').length);
      const files = versions.flatMap((v) => v.files);
      expect(files.some((f) => f.file_type === null)).toBe(true);
      expectTypeOf(files[0]!.file_type).toEqualTypeOf<
        | 'required-resource-pack'
        | 'optional-resource-pack'
        | 'sources-jar'
        | 'dev-jar'
        | 'javadoc-jar'
        | 'signature'
        | 'unknown'
        | null
      >();
      expect(files.some((f) => typeof (f as { id?: unknown }).id === 'string')).toBe(true);
      expect(versions.some((v) => v.requested_status === null)).toBe(true);
    });

    it('getProjectVersions (lithium, with the undeclared ordering)', async () => {
      const versions = await client.getProjectVersions('lithium');
      expect(versions.length).toBeGreaterThan(1);
      expect(versions).toHaveLength(read<Version[]>('get-project-versions.lithium.json').length);
      expect(versions.every((v) => v.project_id === 'gvQqBUqZ')).toBe(true);
      expect(versions.some((v) => 'ordering' in v)).toBe(true);
    });

    it('versionFromHash', async () => {
      const version = await client.versionFromHash(sha1, { algorithm: 'sha1' });
      expect(version.files.some((f) => f.hashes.sha1 === sha1)).toBe(true);
    });

    it('getDependencies', async () => {
      const deps = await client.getDependencies('AANobbMI');
      expect(Array.isArray(deps.projects)).toBe(true);
      expect(Array.isArray(deps.versions)).toBe(true);
    });

    it('getProjects with six JSON-encoded ids', async () => {
      const got = await client.getProjects({ ids: projects.map((p) => p.id) });
      expect(got.map((p) => p.slug)).toEqual([
        'fabric-api',
        'sodium',
        'iris',
        'lithium',
        'modmenu',
        'cloth-config',
      ]);
    });

    it('tags: game versions and loaders', async () => {
      const gameVersions = await client.versionList();
      expect(gameVersions.length).toBeGreaterThan(1);
      expect(gameVersions).toHaveLength(read<unknown[]>('tag-game-versions.json').length);
      expect(await client.loaderList()).toHaveLength(read<unknown[]>('tag-loaders.json').length);
    });

    it('every recorded file was served', () => {
      expect([...served].sort()).toEqual(Object.values(routes).sort());
    });
  },
);
