import { createCoreFetch, RateLimiter } from '@x/core';
import { createClient } from '@x/core/client';
import { createModrinthClient, getProject } from '@x/modrinth';
import { startServer } from './spawn.ts';
import { median } from './stats.ts';

const server = await startServer();
const base = `${server.url}/v2`;
let n = 0;
const slug = () => `project-${n++ % 100}`;
const core = createCoreFetch({ baseUrl: base });
const coreLim = createCoreFetch({ baseUrl: base, rateLimiter: new RateLimiter() });
const coreNoRetry = createCoreFetch({ baseUrl: base, retry: false });
const ours = createModrinthClient({ baseUrl: base, rateLimiter: new RateLimiter() });
const oursNoLim = createModrinthClient({ baseUrl: base, rateLimiter: false });
const plain = createClient({
  baseUrl: base,
  core: () => createCoreFetch({ baseUrl: base, rateLimiter: false }),
});
const calls: Record<string, () => Promise<unknown>> = {
  'plain client.get': () => plain.get({ url: '/project/{idOrSlug}', path: { idOrSlug: slug() } }),
  'core + text/parse': async () => {
    const r = await core(`/project/${slug()}`);
    r.headers.get('content-type');
    return JSON.parse(await r.text());
  },
  raw: async () => (await fetch(`${base}/project/${slug()}`)).json(),
  'fetch+signal+timer+manual': async () => {
    const c = new AbortController();
    const t = setTimeout(() => c.abort(), 60000);
    try {
      return await (
        await fetch(`${base}/project/${slug()}`, { signal: c.signal, redirect: 'manual' })
      ).json();
    } finally {
      clearTimeout(t);
    }
  },
  core: async () => (await core(`/project/${slug()}`)).json(),
  'core no retry': async () => (await coreNoRetry(`/project/${slug()}`)).json(),
  'core+limiter': async () => (await coreLim(`/project/${slug()}`)).json(),
  'sdk no limiter': () => getProject({ client: oursNoLim, path: { idOrSlug: slug() } }),
  sdk: () => getProject({ client: ours, path: { idOrSlug: slug() } }),
};
const names = Object.keys(calls);
for (const k of names) for (let i = 0; i < 500; i++) await calls[k]!();
const ratios: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
for (let r = 0; r < 15; r++) {
  const p: Record<string, number> = {};
  for (const k of [...names.slice(r % names.length), ...names.slice(0, r % names.length)]) {
    const ts: number[] = [];
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      await calls[k]!();
      ts.push(performance.now() - s);
    }
    p[k] = median(ts) * 1000;
  }
  for (const k of names) ratios[k]!.push(p[k]! / p.raw!);
}
for (const k of names) console.log(k.padEnd(35), median(ratios[k]!).toFixed(3));
server.stop();
