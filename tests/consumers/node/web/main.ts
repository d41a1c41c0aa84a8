// Browser consumer: bundled by Vite from the installed tarball, run in headless
// Chromium against a Prism mock (?api=<mock url>), which answers CORS.
import { ApiError, createModrinthClient, facets } from '@x/modrinth';

const status = document.querySelector('#status') as HTMLElement;
const results = document.querySelector('#results') as HTMLOListElement;
const api = new URLSearchParams(location.search).get('api') ?? 'https://api.modrinth.com/v2';

try {
  const modrinth = createModrinthClient({ baseUrl: api });
  const search = await modrinth.searchProjects({
    query: 'sodium',
    facets: facets().projectType('mod').build(),
    limit: 5,
  });
  for (const hit of search.hits) {
    const li = document.createElement('li');
    li.textContent = `${hit.title} (${hit.slug}): ${hit.downloads} downloads`;
    results.append(li);
  }
  status.textContent = `ok: ${search.hits.length} of ${search.total_hits} hits`;
} catch (error) {
  status.textContent = `error: ${error instanceof ApiError ? `${error.status} ${error.message}` : String(error)}`;
}
