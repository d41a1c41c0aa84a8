import { createCoreFetch } from '@x/core';

/** Per-call overrides: `.withOptions()` returns a fetch sharing the limiter and settings. */
export async function perCall(baseUrl: string): Promise<number[]> {
  const fetch = createCoreFetch({ baseUrl });

  // No retries and a short timeout for a health probe.
  const probe = fetch.withOptions({ retry: false, timeoutMs: 2_000 });
  // A POST that is safe to repeat (idempotency key), so it may be retried.
  const create = fetch.withOptions({ retryNonIdempotent: true });
  // Cancellable: aborts in flight, while queued, or during a retry wait.
  const controller = new AbortController();
  const cancellable = fetch.withOptions({ signal: controller.signal });

  const statuses = [
    (await probe('/health')).status,
    (
      await create('/projects', {
        method: 'POST',
        headers: { 'idempotency-key': 'abc-123', 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'New' }),
      })
    ).status,
    (await cancellable('/projects/sodium')).status,
  ];
  controller.abort();
  return statuses;
}
