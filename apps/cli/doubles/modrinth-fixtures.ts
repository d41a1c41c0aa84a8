import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { digest } from './local-server.ts';

// The repository's own templates: synthetic values in the shape the live API
// sends (null `requested_status` and `file_type`, fields the spec does not
// declare); the contract proxy checks every answer against the spec.
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/modrinth', name), 'utf8'));
const versionTemplate = fixture('version.json');
const projectTemplate = fixture('project.json');
const TAGS: Record<string, unknown> = {
  '/tag/loader': fixture('tag-loaders.json'),
  '/tag/game_version': fixture('tag-game-versions.json'),
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
