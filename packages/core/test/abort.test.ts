import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCoreFetch, type FetchLike, RateLimiter } from '../src/index.js';
import { startServer, type TestServer } from './helpers/server.js';

/** A fetch that never answers until its signal aborts; `started` resolves when called. */
function hangingFetch() {
  let markStarted: () => void = () => {};
  const started = new Promise<void>((r) => {
    markStarted = r;
  });
  const fetch: FetchLike = (request) =>
    new Promise<Response>((_resolve, reject) => {
      markStarted();
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
  return { fetch, started };
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 1000 && !condition(); i++) await Promise.resolve();
  expect(condition()).toBe(true);
}

describe('abort (fake timers, injected fetch)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('aborts in flight at once with AbortError and clears the attempt timer', async () => {
    vi.useFakeTimers();
    const { fetch, started } = hangingFetch();
    const f = createCoreFetch({ baseUrl: 'http://api.test', fetch, rateLimiter: false });
    const ac = new AbortController();
    const p = f('/x', { signal: ac.signal });
    p.catch(() => {});
    await started;
    expect(vi.getTimerCount()).toBe(1); // the per-attempt timeout
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    await expect(p).rejects.toBeInstanceOf(DOMException);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('preserves a custom abort reason, from a per-call signal', async () => {
    vi.useFakeTimers();
    const { fetch, started } = hangingFetch();
    const ac = new AbortController();
    const f = createCoreFetch({ baseUrl: 'http://api.test', fetch }).withOptions({
      signal: ac.signal,
    });
    const p = f('/x');
    p.catch(() => {});
    await started;
    const reason = new Error('user went away');
    ac.abort(reason);
    await expect(p).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('aborts during the backoff wait', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const fetch: FetchLike = async () => {
      calls++;
      return new Response('{}', { status: 503 });
    };
    const f = createCoreFetch({
      baseUrl: 'http://api.test',
      fetch,
      retry: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    const ac = new AbortController();
    const p = f(new Request('http://api.test/x', { signal: ac.signal }));
    p.catch(() => {});
    await until(() => calls === 1 && vi.getTimerCount() === 1); // sleeping before retry 1
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('aborts while queued in the limiter (concurrency) and leaves the queue empty', async () => {
    vi.useFakeTimers();
    const { fetch, started } = hangingFetch();
    const limiter = new RateLimiter({ maxConcurrent: 1 });
    const f = createCoreFetch({ baseUrl: 'http://api.test', fetch, rateLimiter: limiter });
    const first = new AbortController();
    const second = new AbortController();
    const p1 = f('/a', { signal: first.signal });
    p1.catch(() => {});
    await started;
    const p2 = f('/b', { signal: second.signal });
    p2.catch(() => {});
    await until(() => limiter.queued === 1);
    second.abort();
    await expect(p2).rejects.toMatchObject({ name: 'AbortError' });
    expect(limiter.queued).toBe(0);
    first.abort();
    await expect(p1).rejects.toMatchObject({ name: 'AbortError' });
    expect(limiter.running).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('aborts while queued in the limiter (window) and clears the limiter timer', async () => {
    vi.useFakeTimers();
    const fetch: FetchLike = async () => new Response('ok');
    const limiter = new RateLimiter({ maxRequests: 1, intervalMs: 60_000 });
    const f = createCoreFetch({ baseUrl: 'http://api.test', fetch, rateLimiter: limiter });
    await f('/a');
    const ac = new AbortController();
    const p = f('/b', { signal: ac.signal });
    p.catch(() => {});
    await until(() => limiter.queued === 1 && vi.getTimerCount() === 1);
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const f = createCoreFetch({ baseUrl: 'http://api.test', fetch: async () => new Response('') });
    await expect(f('/x', { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('abort (real server)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ '/stall': () => {} });
  });
  afterAll(() => server.close());

  it('aborts a stalled request promptly', async () => {
    const f = createCoreFetch({ baseUrl: server.url });
    const ac = new AbortController();
    const p = f('/stall', { signal: ac.signal });
    setTimeout(() => ac.abort(), 30);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('deadline while queued', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('totalTimeoutMs also bounds the wait in the limiter: TimeoutError, no timer left', async () => {
    vi.useFakeTimers();
    const { fetch, started } = hangingFetch();
    const limiter = new RateLimiter({ maxConcurrent: 1 });
    const f = createCoreFetch({ baseUrl: 'http://api.test', fetch, rateLimiter: limiter });
    const holder = new AbortController();
    const first = f('/a', { signal: holder.signal });
    first.catch(() => {});
    await started;
    const second = f.withOptions({ retry: { totalTimeoutMs: 1000 } })('/b');
    second.catch(() => {});
    await until(() => limiter.queued === 1);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(second).rejects.toMatchObject({ name: 'TimeoutError', attempts: 0 });
    expect(limiter.queued).toBe(0);
    holder.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
