import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ModrinthClient } from '@x/modrinth';
import { closest } from 'fastest-levenshtein';
import { EXIT, ExitError } from './errors.js';

export interface TagLists {
  loaders: string[];
  gameVersions: string[];
}

/** Modrinth's tag lists change a few times a month: a day-old copy is good enough. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

function cacheFile(baseUrl: string): string {
  const root = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const key = createHash('sha1').update(baseUrl).digest('hex').slice(0, 16);
  return join(root, 'x-update', `tags-${key}.json`);
}

/** The loader and game-version lists of the server at `baseUrl`, from a day-long cache. */
export async function tagLists(
  client: ModrinthClient,
  baseUrl: string,
  signal?: AbortSignal,
): Promise<TagLists> {
  const file = cacheFile(baseUrl);
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as TagLists & { fetchedAt: number };
    if (Date.now() - cached.fetchedAt < MAX_AGE_MS) return cached;
  } catch {
    // no cache yet, or unreadable: fetch
  }
  const [loaders, versions] = await Promise.all([
    client.loaderList({ signal }),
    client.versionList({ signal }),
  ]);
  const lists: TagLists = {
    loaders: loaders.map((l) => l.name),
    gameVersions: versions.map((v) => v.version),
  };
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, JSON.stringify({ ...lists, fetchedAt: Date.now() }));
  } catch {
    // a read-only home: no cache, the lists are still good
  }
  return lists;
}

/** Refuses a value not in `known`, suggesting the nearest valid one (a usage error, exit 2). */
export function checkTag(flag: string, value: string, known: string[], what: string): void {
  if (known.length === 0 || known.includes(value)) return;
  const lower = known.find((k) => k.toLowerCase() === value.toLowerCase());
  const nearest = lower ?? closest(value, known);
  throw new ExitError(
    `${flag} "${value}" is not a ${what} Modrinth knows; did you mean "${nearest}"?`,
    EXIT.usage,
  );
}
