import type { ServerResponse } from 'node:http';
import { fixtureJson } from '@x/contract-testing/servers';
import { digest } from './local-server.ts';

// The repository's own fixtures (packages/contract-testing/fixtures:
// synthetic values in the shape the live API sends, with its quirks) as
// templates; the contract proxy checks every answer built from them.
// biome-ignore lint/suspicious/noExplicitAny: a JSON template, spread and overridden
const versionTemplate = fixtureJson<any[]>('modrinth', 'get-project-versions.sodium.json')[0];
const projectTemplate = fixtureJson<Record<string, unknown>>('modrinth', 'get-project.sodium.json');
const TAGS: Record<string, unknown> = {
  '/tag/loader': fixtureJson('modrinth', 'tag-loaders.json'),
  '/tag/game_version': fixtureJson('modrinth', 'tag-game-versions.json'),
};

/** Answers Modrinth's tag lists from the fixtures; false for any other route. */
export function answerTags(path: string, res: ServerResponse): boolean {
  if (!(path in TAGS)) return false;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(TAGS[path]));
  return true;
}

export interface VersionInit {
  id: string;
  projectId: string;
  number: string;
  published: string;
  file: { name: string; bytes: Buffer; url: string };
}

/** A Modrinth version in the real shape, for one file. */
export function version(v: VersionInit) {
  return {
    ...versionTemplate,
    id: v.id,
    project_id: v.projectId,
    name: v.number,
    version_number: v.number,
    date_published: v.published,
    game_versions: ['1.20.4'],
    loaders: ['fabric'],
    files: [
      {
        ...versionTemplate.files[0],
        hashes: { sha1: digest('sha1', v.file.bytes), sha512: digest('sha512', v.file.bytes) },
        url: v.file.url,
        filename: v.file.name,
        size: v.file.bytes.length,
      },
    ],
  };
}

export function project(id: string, slug: string, title: string) {
  return { ...projectTemplate, id, slug, title, versions: [] };
}
