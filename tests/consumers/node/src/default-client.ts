// The same calls through the tree-shakable functions of `@x/modrinth/operations`
// and a transport (no client object). Runs on Deno too.
// Usage: <runtime> dist/default-client.js <modrinth mock url>
import { createModrinthTransport, getProject, searchProjects } from '@x/modrinth/operations';

const [modrinthUrl] = process.argv.slice(2);
if (!modrinthUrl) throw new Error('usage: default-client.js <modrinth url>');

const transport = createModrinthTransport({ baseUrl: modrinthUrl });

const project = await getProject(transport, 'sodium');
const search = await searchProjects(transport, { query: 'sodium', limit: 5 });

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
