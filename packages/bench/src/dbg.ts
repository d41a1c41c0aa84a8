import { createModrinthClient, getProject, RateLimiter } from '@x/modrinth';
import { startWindowServer } from '/work/wt20/packages/core/test/helpers/window-worker.ts';

const [limit, windowMs, calls] = process.argv.slice(2).map(Number);
const server = await startWindowServer({ kind: 'gcra', limit, windowMs });
const limiter = new RateLimiter({
  serverLimit: { limit: 300, windowMs: 60000, kind: 'token-bucket' },
});
const events: string[] = [];
const t0 = Date.now();
const client = createModrinthClient({
  baseUrl: `${server.baseUrl}/v2`,
  userAgent: 'dbg',
  rateLimiter: limiter,
  hooks: {
    onResponse: [
      ({ response }) => {
        events.push(
          `${Date.now() - t0} ${response.status} r=${response.headers.get('x-ratelimit-remaining')} s=${response.headers.get('x-ratelimit-reset')} ${JSON.stringify(limiter.serverLimit)}`,
        );
      },
    ],
  },
});
const res = await Promise.allSettled(
  Array.from({ length: calls }, () => getProject({ client, path: { idOrSlug: 'x' } })),
);
console.log(events.join('\n'));
console.log(
  'elapsed',
  Date.now() - t0,
  'failed',
  res.filter((r) => r.status === 'rejected').length,
  await server.stats().then((s) => s.rejected),
);
await server.close();
