import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { repoRoot, SPEC_FILES, type SpecName } from './paths.ts';

/**
 * The repository's own response fixtures: synthetic values in the shapes the
 * live APIs really send, with every quirk `../shared/payloads/README.md`
 * documents (see `fixtures/README.md`). Every test runs on these, so a clone
 * with nothing beside it tests everything.
 */
export function fixturesDir(api: SpecName): string {
  return resolve(repoRoot(), 'packages', 'contract-testing', 'fixtures', api);
}

/** One fixture's text, served as-is by the tests' local servers. */
export function fixture(api: SpecName, file: string): string {
  return readFileSync(join(fixturesDir(api), file), 'utf8');
}

/** One fixture, parsed. */
export function fixtureJson<T = unknown>(api: SpecName, file: string): T {
  return JSON.parse(fixture(api, file)) as T;
}

/**
 * The recorded corpus: responses captured from the live APIs by other
 * projects, kept beside the repository in `../shared/payloads` (never copied
 * in). An extra tier of tests runs on it when it is there.
 */
export type RecordedCorpus =
  | { available: true; dir: string }
  | { available: false; dir: string; reason: string };

/** Where the recorded corpus for `api` is, and whether it is there. */
export function recordedCorpus(api: SpecName): RecordedCorpus {
  const dir =
    process.env.X_PAYLOADS_DIR !== undefined
      ? resolve(process.env.X_PAYLOADS_DIR, api)
      : resolve(repoRoot(), '..', 'shared', 'payloads', api);
  if (existsSync(dir)) return { available: true, dir };
  const shown = relative(repoRoot(), dir) || dir;
  return {
    available: false,
    dir,
    reason: `recorded corpus not found at ${shown} (it lives beside the repository, not in it)`,
  };
}

/** A set of response files tests can replay: the repo's fixtures or the recorded corpus. */
export interface PayloadSource {
  /** "fixtures" or "recorded corpus". */
  label: string;
  dir: string;
  /** Set when the source is absent: the tests on it are skipped, with this reason in their title. */
  skipReason?: string;
}

/**
 * The fixtures, then the recorded corpus: a test suite written once over a
 * `PayloadSource` runs on both, and on a lone clone says the second was skipped.
 */
export function payloadSources(api: SpecName): PayloadSource[] {
  const corpus = recordedCorpus(api);
  return [
    { label: 'fixtures', dir: fixturesDir(api) },
    corpus.available
      ? { label: 'recorded corpus', dir: corpus.dir }
      : { label: 'recorded corpus', dir: corpus.dir, skipReason: corpus.reason },
  ];
}

/** Read a JSON file of a payload source. */
export function readPayload<T = unknown>(source: PayloadSource, file: string): T {
  return JSON.parse(readFileSync(join(source.dir, file), 'utf8')) as T;
}

/**
 * A digest of the whole recorded corpus (every file's path and bytes), or
 * "absent". The test command hands it to turbo as an environment variable,
 * so a changed, added or removed recording invalidates the cached test runs.
 */
export function corpusKey(): string {
  const hash = createHash('sha256');
  let found = false;
  for (const api of Object.keys(SPEC_FILES) as SpecName[]) {
    const corpus = recordedCorpus(api);
    if (!corpus.available) continue;
    found = true;
    const files = readdirSync(corpus.dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) {
      hash.update(`${api}/${relative(corpus.dir, file)}\0`);
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return found ? hash.digest('hex') : 'absent';
}
