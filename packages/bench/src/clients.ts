// The clients compared on GET /v2/project/{id|slug}, each as a function that
// makes one call and resolves to the parsed project.

import { createModrinthClient, RateLimiter } from '@x/modrinth';
import { ModrinthV2Client } from '@xmcl/modrinth';
import ky from 'ky';
import createOpenApiFetch from 'openapi-fetch';
import { request } from 'undici';
import { createClient as createGeneratedClient } from './generated/client/index.ts';

export type Call = () => Promise<unknown>;

export const OURS = '@x/modrinth getProject';
export const BARE = 'same generated client, no @x/core';
export const RAW = 'raw fetch';
export const BARE_TIMEOUT = 'same generated client + a 60 s timeout, no @x/core';

/** Each client, made once; `slug` varies so no layer can cache. */
export function makeClients(url: string): Record<string, Call> {
  const base = `${url}/v2`;
  let n = 0;
  const slug = () => `project-${n++ % 100}`;

  // Default options, except the limiter: Modrinth's 300 requests/minute would
  // make this a benchmark of waiting. An unlimited limiter is still consulted.
  const ours = createModrinthClient({ baseUrl: base, rateLimiter: new RateLimiter() });
  // The same spec through hey-api's own fetch client (src/generated), configured as hey-api documents, without @x/core.
  const bare = createGeneratedClient({ baseUrl: base, throwOnError: true });
  // The floor of any client that can cancel a stalled call: the same client,
  // its fetch given an AbortController signal and a 60 s timer per call.
  const bareTimeout = createGeneratedClient({
    baseUrl: base,
    throwOnError: true,
    fetch: (async (request: Request) => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 60_000);
      try {
        return await fetch(request, { signal: controller.signal });
      } finally {
        clearTimeout(timer);
      }
    }) as typeof fetch,
  });
  const openapiFetch = createOpenApiFetch({ baseUrl: base });
  const xmcl = new ModrinthV2Client({ baseUrl: url });
  const kyClient = ky.create({ baseUrl: `${base}/` });

  return {
    [RAW]: async () => (await fetch(`${base}/project/${slug()}`)).json(),
    'undici.request': async () => (await request(`${base}/project/${slug()}`)).body.json(),
    [BARE]: () =>
      bare.get({ url: '/project/{idOrSlug}', path: { idOrSlug: slug() }, responseStyle: 'data' }),
    [BARE_TIMEOUT]: () =>
      bareTimeout.get({
        url: '/project/{idOrSlug}',
        path: { idOrSlug: slug() },
        responseStyle: 'data',
      }),
    [OURS]: () => ours.getProject(slug()),
    'openapi-fetch': async () =>
      (
        await openapiFetch.GET(
          '/project/{id}' as never,
          {
            params: { path: { id: slug() } },
          } as never,
        )
      ).data,
    '@xmcl/modrinth': () => xmcl.getProject(slug()),
    ky: () => kyClient.get(`project/${slug()}`).json(),
  };
}
