// One 100 MB Blob upload by one method; prints the process's peak RSS (bytes).
import { createCoreFetch } from '@x/core';
import { createModrinthClient } from '@x/modrinth';

const [method = 'fetch', url = ''] = process.argv.slice(2);
const SIZE = 100 * 1024 * 1024;
const blob = new Blob([new Uint8Array(SIZE).fill(7)], { type: 'application/octet-stream' });
globalThis.gc?.();
const before = process.resourceUsage().maxRSS * 1024;

const send: Record<string, () => Promise<unknown>> = {
  // The baseline: what the platform itself costs.
  fetch: async () => (await fetch(`${url}/upload`, { method: 'POST', body: blob })).json(),
  // @x/core, a POST (sent once, never retried).
  'core POST': async () =>
    (await createCoreFetch({ baseUrl: url })('/upload', { method: 'POST', body: blob })).json(),
  // @x/core, a PUT (retryable: the Blob is sent again as it is if needed).
  'core PUT': async () =>
    (await createCoreFetch({ baseUrl: url })('/upload', { method: 'PUT', body: blob })).json(),
  // The SDK path: the client hands the Blob to @x/core, which sends it as it is.
  // It resolves to nothing; a hook reads what the server counted.
  'modrinth uploadProjectIcon': async () => {
    let answer: { received?: number } = {};
    const client = createModrinthClient({
      baseUrl: `${url}/v2`,
      rateLimiter: false,
      hooks: {
        onResponse: [
          async ({ response }) => {
            answer = (await response.clone().json()) as { received?: number };
          },
        ],
      },
    });
    await client.uploadProjectIcon('x', { ext: 'png', body: blob });
    return answer;
  },
};
const answer = (await send[method]?.()) as { received?: number } | undefined;
const peak = process.resourceUsage().maxRSS * 1024;
// The server counts what it received: proof the whole body went out.
process.stdout.write(JSON.stringify({ method, before, peak, received: answer?.received }));
