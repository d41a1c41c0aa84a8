// A consumer of the packed tarballs: written as a user would, against the
// published types. Typechecked with moduleResolution node16 and bundler
// (strict, exactOptionalPropertyTypes), then run on Node 20 and Node 24
// against Prism mocks of both specs.
// Usage: node dist/main.js <modrinth mock url> <itch mock url>
import { VERSION as coreVersion, createCoreFetch, NotFoundError, RateLimiter } from '@x/core';
import { createItchClient } from '@x/itch';
import {
  createModrinthClient,
  facets,
  type ModrinthClient,
  type Project,
  type Version,
} from '@x/modrinth';
import { hashPath } from '@x/modrinth/node';
import { createModrinthTransport, getProject } from '@x/modrinth/operations';

const [modrinthUrl, itchUrl] = process.argv.slice(2);
if (!modrinthUrl || !itchUrl) throw new Error('usage: main.js <modrinth url> <itch url>');

const limiter = new RateLimiter({ maxRequests: 100, intervalMs: 60_000 });
const modrinth: ModrinthClient = createModrinthClient({
  baseUrl: modrinthUrl,
  userAgent: 'x-sdks-consumer-test/1.0',
  // Options users fill from the environment accept undefined.
  token: process.env.MODRINTH_TOKEN,
  rateLimiter: limiter,
});

const project: Project = await modrinth.getProject('sodium');
const title: string = project.title ?? '';
const versions: Version[] = await modrinth.getProjectVersions('sodium', {
  loaders: ['fabric'] as const,
  game_versions: ['1.21.1'],
});
const controller = new AbortController();
const search = await modrinth.searchProjects(
  { query: 'sodium', facets: facets().projectType('mod').build(), limit: 5 },
  { signal: controller.signal, timeoutMs: 10_000 },
);
// Generator plumbing is no per-call option (never called: only compiled).
export function rejected() {
  // @ts-expect-error parseAs is no per-call option
  modrinth.getProject('sodium', { parseAs: 'text' });
  // @ts-expect-error method is no per-call option
  modrinth.getProject('sodium', { method: 'DELETE' });
}

// Tree-shakable standalone functions, same types.
const alone: Project = await getProject(
  createModrinthTransport({ baseUrl: modrinthUrl }),
  'sodium',
);

const itch = createItchClient({ baseUrl: itchUrl, apiKey: process.env.ITCH_API_KEY ?? 'k' });
const { game } = await itch.getGame(1);
const gameTitle: string | undefined = game?.title;

// @x/core on its own: a 404 from the mock becomes a typed error.
const core = createCoreFetch({ baseUrl: modrinthUrl, retry: false });
let notFound = '';
try {
  await core('/this/route/does/not/exist');
} catch (error) {
  if (error instanceof NotFoundError) notFound = `NotFoundError ${error.status}`;
  else throw error;
}

// The Node-only entry: hash this very file.
const hashes = await hashPath(new URL(import.meta.url).pathname);

const result = {
  node: process.version,
  coreVersion,
  projectTitle: title,
  versions: versions.length,
  searchHits: search.hits.length,
  standalone: typeof alone.id,
  gameTitle,
  notFound,
  sha1Length: hashes.sha1.length,
};
console.log(JSON.stringify(result));
if (
  typeof result.projectTitle !== 'string' ||
  !Array.isArray(search.hits) ||
  !Array.isArray(versions) ||
  result.standalone !== 'string' ||
  typeof result.gameTitle !== 'string' ||
  notFound !== 'NotFoundError 404' ||
  hashes.sha1.length !== 40
) {
  throw new Error(`unexpected result: ${JSON.stringify(result)}`);
}
