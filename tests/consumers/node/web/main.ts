// Browser consumer: bundled by Vite from the installed tarball, run in headless
// Chromium against a Prism mock (?api=<mock url>), which answers CORS.
import { ApiError, createModrinthClient, facets, primaryFile } from '@x/modrinth';

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
  // A verified download in the browser (noble hashes, a File): a file served
  // beside the page, on another origin than the API's.
  const file = primaryFile({
    files: [
      {
        url: new URL('mod.jar', location.href).href,
        filename: 'mod.jar',
        primary: true,
        size: 59,
        hashes: {
          sha512:
            'e8869df58aa53d7e5a2e4a9b0202bf405cb5d70ceafca63b955408a79a71c0aab8930a3f0e86bcf46d82e10dfb8c7af0ad9dfd701c76d3d08cfeea5bd634525a',
        },
      },
    ],
  });
  const jar = await modrinth.downloadVersionFile(file);
  status.textContent = `ok: ${search.hits.length} of ${search.total_hits} hits; downloaded ${jar.name} (${jar.size} bytes, sha512 verified)`;
} catch (error) {
  status.textContent = `error: ${error instanceof ApiError ? `${error.status} ${error.message}` : String(error)}`;
}
