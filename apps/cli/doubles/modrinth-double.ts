import { digest, type LocalServer, localServer, readJson } from './local-server.ts';
import { answerTags, project, version } from './modrinth-fixtures.ts';

/** One release of a mod in the double's catalog. */
export interface Release {
  id: string;
  number: string;
  published: string;
  fileName: string;
  bytes: Buffer;
  /** @default 'release' */
  type?: 'release' | 'beta' | 'alpha';
  dependencies?: {
    project_id: string;
    dependency_type: 'required' | 'optional' | 'incompatible';
  }[];
}

export interface CatalogMod {
  projectId: string;
  slug: string;
  title: string;
  releases: Release[];
}

export interface ModrinthDouble {
  api: LocalServer;
  files: LocalServer;
  close(): Promise<void>;
}

function notFound(res: import('node:http').ServerResponse): void {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'not_found', description: 'the double knows no such item' }));
}

/**
 * A Modrinth that knows a catalog of mods: identifies files by hash, answers
 * "latest version" by publication date, lists projects, and serves every file.
 */
export async function modrinthDouble(catalog: CatalogMod[]): Promise<ModrinthDouble> {
  const bytes = new Map<string, Buffer>();
  const files = await localServer((req, res) => {
    const body = bytes.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': String(body.length) });
    res.end(body);
  });
  const byHash = new Map<string, { mod: CatalogMod; version: unknown }>();
  const newest = new Map<string, unknown>();
  const versionsOf = new Map<string, Record<string, unknown>[]>();
  const byId = new Map<string, unknown>();
  for (const mod of catalog) {
    const sorted = [...mod.releases].sort((a, b) => a.published.localeCompare(b.published));
    for (const r of sorted) {
      const path = `/files/${r.id}/${encodeURIComponent(r.fileName)}`;
      bytes.set(path, r.bytes);
      const v = version({
        id: r.id,
        projectId: mod.projectId,
        number: r.number,
        published: r.published,
        file: { name: r.fileName, bytes: r.bytes, url: `${files.url}${path}` },
      });
      v.version_type = r.type ?? 'release';
      v.dependencies = (r.dependencies ?? []).map((d) => ({
        ...d,
        version_id: null,
        file_name: null,
      }));
      byHash.set(digest('sha512', r.bytes), { mod, version: v });
      newest.set(mod.projectId, v);
      versionsOf.set(mod.projectId, [v, ...(versionsOf.get(mod.projectId) ?? [])]);
      byId.set(r.id, v);
    }
  }
  const projects = new Map(
    catalog.map((m) => [m.projectId, project(m.projectId, m.slug, m.title)]),
  );
  const projectId = (idOrSlug: string) =>
    catalog.find((m) => m.projectId === idOrSlug || m.slug === idOrSlug)?.projectId;

  const api = await localServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && answerTags(url.pathname, res)) return;
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const known = (hashes: string[]) => hashes.filter((h) => byHash.has(h));
    if (req.method === 'POST' && url.pathname === '/version_files') {
      const { hashes } = (await readJson(req)) as { hashes: string[] };
      send(Object.fromEntries(known(hashes).map((h) => [h, byHash.get(h)?.version])));
    } else if (req.method === 'POST' && url.pathname === '/version_files/update') {
      const { hashes } = (await readJson(req)) as { hashes: string[] };
      send(
        Object.fromEntries(
          known(hashes).map((h) => [h, newest.get(byHash.get(h)?.mod.projectId ?? '')]),
        ),
      );
    } else if (req.method === 'GET' && url.pathname === '/projects') {
      const ids = JSON.parse(url.searchParams.get('ids') ?? '[]') as string[];
      send(ids.flatMap((id) => (projects.has(id) ? [projects.get(id)] : [])));
    } else if (req.method === 'GET' && /^\/project\/[^/]+$/.test(url.pathname)) {
      const id = projectId(decodeURIComponent(url.pathname.split('/')[2] ?? ''));
      if (id) send(projects.get(id));
      else notFound(res);
    } else if (req.method === 'GET' && /^\/project\/[^/]+\/version$/.test(url.pathname)) {
      const id = projectId(decodeURIComponent(url.pathname.split('/')[2] ?? ''));
      if (id) send(versionsOf.get(id));
      else notFound(res);
    } else if (req.method === 'GET' && /^\/version\/[^/]+$/.test(url.pathname)) {
      const v = byId.get(url.pathname.split('/')[2] ?? '');
      if (v) send(v);
      else notFound(res);
    } else {
      notFound(res);
    }
  });
  return {
    api,
    files,
    close: async () => {
      await api.close();
      await files.close();
    },
  };
}
