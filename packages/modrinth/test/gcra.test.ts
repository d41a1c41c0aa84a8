import { afterEach, describe, expect, it } from 'vitest';
import {
  corsFetch,
  startWindowServer,
  type WindowServer,
} from '../../core/test/helpers/window-worker.js';
import { modrinthRetryAfter } from '../src/client.js';
import { createModrinthClient } from '../src/index.js';

// The default client (`createModrinthClient({ baseUrl, userAgent })`)
// against a local server with exactly labrinth's rate limiting
// (`apps/labrinth/src/util/ratelimit.rs`, reproduced in
// core/test/helpers/window-server.mjs, kind 'gcra'): a GCRA bucket, Reset =
// whole seconds to full (truncated, 0 when idle), a 429 with no Retry-After
// and "Please wait <ms> milliseconds" in its body, CORS exposing no header.

let server: WindowServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function burst(calls: number, options: Parameters<typeof createModrinthClient>[0]) {
  const client = createModrinthClient(options);
  const started = Date.now();
  const results = await Promise.allSettled(
    Array.from({ length: calls }, () => client.getProject('sodium')),
  );
  const elapsed = Date.now() - started;
  const stats = await server!.stats();
  return { elapsed, failed: results.filter((r) => r.status === 'rejected'), stats };
}

describe("labrinth's GCRA, on the path users call", () => {
  it('100 per 2 s, burst 100, 150 calls: the burst at once, then one per 20 ms; no 429', async () => {
    server = await startWindowServer({ kind: 'gcra', limit: 100, windowMs: 2000 });
    const { elapsed, failed, stats } = await burst(150, {
      baseUrl: `${server.baseUrl}/v2`,
      userAgent: 'x-tests/gcra',
    });
    expect(failed).toEqual([]);
    expect(stats.rejected).toBe(0);
    // The optimum is 1 s (50 x 20 ms after the burst); a window's wait (the
    // assumed 60 s, or 2 s) would be far more. Generous for a shared machine.
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(2500);
  });

  it("Modrinth's own numbers, 300/min burst 300, 310 calls: 10 calls after the burst at one per 200 ms", async () => {
    server = await startWindowServer({ kind: 'gcra', limit: 300, windowMs: 60_000 });
    const { elapsed, failed, stats } = await burst(310, {
      baseUrl: `${server.baseUrl}/v2`,
      userAgent: 'x-tests/gcra',
    });
    expect(failed).toEqual([]);
    expect(stats.rejected).toBe(0);
    expect(elapsed).toBeGreaterThanOrEqual(1800);
    expect(elapsed).toBeLessThan(4000);
  });

  it('headers hidden as in a browser (CORS): no call lost; the wait comes from the 429 body; said once through the logger', async () => {
    server = await startWindowServer({ kind: 'gcra', limit: 10, windowMs: 1000 });
    const said: string[] = [];
    const logger = {
      debug: () => {},
      warn: (message: string) => void said.push(message),
    };
    const { failed, stats } = await burst(30, {
      baseUrl: `${server.baseUrl}/v2`,
      userAgent: 'x-tests/gcra',
      fetch: corsFetch,
      logger,
    });
    expect(failed).toEqual([]);
    expect(stats.ok).toBe(30);
    // The documented 300/min lets the first burst hit the server's smaller bucket.
    expect(stats.rejected).toBeGreaterThan(0);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/rate limit headers not readable \(x-ratelimit-limit/);
    expect(said[0]).toMatch(/one call every 200 ms/);
    expect(said[0]).toMatch(/Access-Control-Expose-Headers/);
  }, 30_000);
});

describe('modrinthRetryAfter', () => {
  it("reads labrinth's 429 body, and nothing else", () => {
    const body = {
      error: 'ratelimit_error',
      description: 'You are being rate-limited. Please wait 1234 milliseconds. 0/300 remaining.',
    };
    expect(modrinthRetryAfter(body)).toBe(1234);
    expect(modrinthRetryAfter({ error: 'not_found', description: 'gone' })).toBeUndefined();
    expect(modrinthRetryAfter('Please wait 5 milliseconds')).toBeUndefined();
    expect(modrinthRetryAfter(null)).toBeUndefined();
  });
});
