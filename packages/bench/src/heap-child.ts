// 10,000 getProject calls queued behind a limiter whose one slot is held:
// the heap they take, after garbage collection. Prints bytes as JSON.
import { createModrinthClient, RateLimiter } from '@x/modrinth';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const CALLS = 10_000;
const limiter = new RateLimiter({ maxConcurrent: 1 });
const client = createModrinthClient({
  baseUrl: 'http://127.0.0.1:9/v2',
  rateLimiter: limiter,
  // The first call holds the only slot for the whole measurement.
  fetch: () => new Promise<Response>(() => {}),
});
const idle = () => new Promise((resolve) => setTimeout(resolve, 100));
void client.getProject('holder').catch(() => {});
await idle();
gc();
gc();
const before = process.memoryUsage().heapUsed;
const calls: Promise<unknown>[] = [];
for (let i = 0; i < CALLS; i++) {
  calls.push(client.getProject(`project-${i}`).catch(() => {}));
}
await idle();
gc();
gc();
const after = process.memoryUsage().heapUsed;
process.stdout.write(
  JSON.stringify({ calls: CALLS, queued: limiter.queued, bytes: after - before }),
);
process.exit(0);
