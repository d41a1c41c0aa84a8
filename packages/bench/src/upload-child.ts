// One 100 MB Blob upload by one method; prints the process's peak RSS (bytes).
import { createCoreFetch } from '@x/core';
import { createModrinthClient, uploadProjectIcon } from '@x/modrinth';

const [method = 'fetch', url = ''] = process.argv.slice(2);
const SIZE = 100 * 1024 * 1024;
const blob = new Blob([new Uint8Array(SIZE).fill(7)], { type: 'application/octet-stream' });
globalThis.gc?.();
const before = process.resourceUsage().maxRSS * 1024;

const send: Record<string, () => Promise<unknown>> = {
  // The baseline: what the platform itself costs.
  fetch: async () => (await fetch(`${url}/upload`, { method: 'POST', body: blob })).text(),
  // @x/core, a POST (sent once, never retried).
  'core POST': async () =>
    (await createCoreFetch({ baseUrl: url })('/upload', { method: 'POST', body: blob })).text(),
  // @x/core, a PUT (retryable: the Blob is sent again as it is if needed).
  'core PUT': async () =>
    (await createCoreFetch({ baseUrl: url })('/upload', { method: 'PUT', body: blob })).text(),
  // The SDK path: hey-api builds the Request, the adapter replays the original Blob.
  'modrinth uploadProjectIcon': () =>
    uploadProjectIcon({
      client: createModrinthClient({ baseUrl: `${url}/v2`, rateLimiter: false }),
      path: { idOrSlug: 'x' },
      query: { ext: 'png' },
      body: blob,
    }),
};
await send[method]?.();
const peak = process.resourceUsage().maxRSS * 1024;
process.stdout.write(JSON.stringify({ method, before, peak }));
