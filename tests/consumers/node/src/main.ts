// A consumer of the packed tarballs: written as a user would, against the
// published types. Typechecked with moduleResolution node16 and bundler, then
// run on Node 20 and Node 24 against Prism mocks of both specs.
// Usage: node dist/main.js <modrinth mock url> <itch mock url>
import { VERSION as coreVersion, createCoreFetch, NotFoundError, RateLimiter } from '@x/core';
import { createItchClient, getGame } from '@x/itch';
import {
  createModrinthClient,
  facets,
  getProject,
  type ModrinthClient,
  type Project,
  searchProjects,
} from '@x/modrinth';
import { hashPath } from '@x/modrinth/node';

const [modrinthUrl, itchUrl] = process.argv.slice(2);
if (!modrinthUrl || !itchUrl) throw new Error('usage: main.js <modrinth url> <itch url>');

const limiter = new RateLimiter({ maxRequests: 100, intervalMs: 60_000 });
const modrinth: ModrinthClient = createModrinthClient({
  baseUrl: modrinthUrl,
  userAgent: 'x-sdks-consumer-test/1.0',
  rateLimiter: limiter,
});

const project: Project = await getProject({ client: modrinth, path: { idOrSlug: 'sodium' } });
const search = await searchProjects({
  client: modrinth,
  query: { query: 'sodium', facets: facets().projectType('mod').build(), limit: 5 },
});
const itch = createItchClient({ baseUrl: itchUrl, apiKey: 'consumer-test-key' });
const { game } = await getGame({ client: itch, path: { gameId: 1 } });

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
  projectTitle: project.title,
  searchHits: search.hits.length,
  gameTitle: game?.title,
  notFound,
  sha1Length: hashes.sha1.length,
};
console.log(JSON.stringify(result));
if (
  typeof result.projectTitle !== 'string' ||
  !Array.isArray(search.hits) ||
  typeof result.gameTitle !== 'string' ||
  notFound !== 'NotFoundError 404' ||
  hashes.sha1.length !== 40
) {
  throw new Error(`unexpected result: ${JSON.stringify(result)}`);
}
