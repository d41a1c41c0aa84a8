// The same calls through the packages' default clients (no `client` option).
// Runs on Deno, where passing `{ client }` to an operation currently fails
// (see scripts/test-packages.mjs: the Deno leg).
// (@x/modrinth only: its operations need no credentials.)
// Usage: <runtime> dist/default-client.js <modrinth mock url>
import { defaultClient, getProject, searchProjects } from '@x/modrinth';

const [modrinthUrl] = process.argv.slice(2);
if (!modrinthUrl) throw new Error('usage: default-client.js <modrinth url>');

defaultClient.setConfig({ baseUrl: modrinthUrl });

const project = await getProject({ path: { idOrSlug: 'sodium' } });
const search = await searchProjects({ query: { query: 'sodium', limit: 5 } });

const result = {
  projectTitle: project.title,
  searchHits: search.hits.length,
  gameTitle: 'n/a',
  notFound: 'n/a',
};
console.log(JSON.stringify(result));
if (typeof result.projectTitle !== 'string' || !Array.isArray(search.hits)) {
  throw new Error(`unexpected result: ${JSON.stringify(result)}`);
}
