import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixture } from '@x/contract-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModrinthClient } from '../src/index.js';

// A Modrinth double that enforces its own limit in fixed windows, stated as
// Modrinth does (X-Ratelimit-Reset in whole seconds), and allows more than the
// documented 300 per minute the client assumes before it hears otherwise.
const LIMIT = 200;
const WINDOW_MS = 1000;
const CALLS = 600;
const project = fixture('modrinth', 'get-project.sodium.json');
let server: Server;
let baseUrl: string;
let windowStart = Number.NEGATIVE_INFINITY;
let used = 0;
let rejected = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    const now = Date.now();
    if (now >= windowStart + WINDOW_MS) {
      windowStart = now;
      used = 0;
    }
    const accepted = used < LIMIT;
    if (accepted) used++;
    else rejected++;
    res.writeHead(accepted ? 200 : 429, {
      'content-type': 'application/json',
      'x-ratelimit-limit': String(LIMIT),
      'x-ratelimit-remaining': String(LIMIT - used),
      'x-ratelimit-reset': String(Math.ceil((windowStart + WINDOW_MS - now) / 1000)),
    });
    res.end(accepted ? project : '{"error":"ratelimited","description":"slow down"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

describe('the default client’s rate limiting, on the path users call', () => {
  it(`${CALLS} concurrent getProject calls: the limit is learned from the headers, no 429, none failed`, async () => {
    const client = createModrinthClient({ baseUrl });
    const started = Date.now();
    const results = await Promise.allSettled(
      Array.from({ length: CALLS }, () => client.getProject('sodium')),
    );
    const elapsed = Date.now() - started;
    expect(rejected).toBe(0);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    // Three windows of 200; the assumed 300/minute would have taken a minute.
    expect(elapsed).toBeGreaterThanOrEqual(2 * WINDOW_MS);
    expect(elapsed).toBeLessThan(10_000);
  });
});
