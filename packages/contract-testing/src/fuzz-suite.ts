// The fuzz tier, as a vitest suite an SDK's test file declares in one call
// (`describeFuzz`). Two halves, both bounded by `fuzzBounds()`:
//
// - answers: every operation against Prism in dynamic mode (`--dynamic
//   --seed`: random answers valid for the spec; one Prism per seed), through
//   the contract-checking fetch (which rejects an answer outside the spec)
//   and the SDK, which must decode each without an error;
// - requests: random valid inputs for every operation (path, query, JSON or
//   form body; `fuzz.ts`), sent through the SDK twice: to the run's static
//   Prism, which must accept the request (no 422), and to a local echo
//   server, which decodes what arrived (path segments, query, body) and must
//   find the inputs unchanged.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractViolationError } from './contract-fetch.ts';
import { type FuzzInput, fuzzBounds, fuzzInput, SchemaSampler } from './fuzz.ts';
import { contract, contractFetchFor } from './index.ts';
import type { SpecName } from './paths.ts';
// Prism serving the patched spec the SDK is generated from, its cycles cut.
import { startMockServer } from './servers.ts';
import type { Operation } from './spec.ts';

/**
 * An SDK operation function, called as the generated ones are:
 * `fn(client, ...pathValues, input, options)`, the path values in the order
 * they appear in the path, `input` the query and body fields (or `{ body }`
 * for a body that is no object of fields), `options` the per-call options.
 */
// biome-ignore lint/suspicious/noExplicitAny: operations are called generically
type OperationFn = (...args: any[]) => Promise<unknown>;

export interface FuzzSuiteOptions<C> {
  /** The SDK's operation functions by operationId. */
  sdk: Record<string, unknown>;
  /** A client on `baseUrl` sending through `fetch`, with a credential, no retries, no limiter. */
  client(baseUrl: string, fetch: (request: Request) => Promise<Response>): C;
  /** The SDK's name of a query or body field in its input (itch: camelCase). @default the wire's name */
  inputKey?(name: string): string;
  /** Operations left out of a half, each with the reason. */
  skip?: { answers?: Record<string, string>; requests?: Record<string, string> };
  /** Checks one decoded answer (the data the SDK resolved to, and the raw JSON Prism sent). */
  checkAnswer?(operation: Operation, data: unknown, raw: unknown): void;
}

/** A request as the echo server decoded it. */
interface Echo {
  method: string;
  pathname: string;
  /** Path segments as sent (still percent-encoded). */
  raw: string[];
  segments: string[];
  query: URLSearchParams;
  contentType: string;
  body: string;
  bytes: Buffer;
}

function startEcho(): Promise<{ server: Server; url: string; last: () => Echo | undefined }> {
  let last: Echo | undefined;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://echo');
    last = {
      method: req.method ?? '',
      pathname: url.pathname,
      raw: url.pathname.split('/'),
      segments: url.pathname.split('/').map((s) => decodeURIComponent(s)),
      query: url.searchParams,
      contentType: String(req.headers['content-type'] ?? ''),
      body: Buffer.concat(chunks).toString('utf8'),
      bytes: Buffer.concat(chunks),
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ echoed: true }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        last: () => last,
      }),
    ),
  );
}

const scalarText = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

/** Checks that what the echo server decoded is `input`, for `op` (whose template gives the path segments). */
function expectEchoed(
  op: Operation,
  input: FuzzInput,
  echo: Echo | undefined,
  label: string,
): void {
  expect(echo, `${label}: nothing arrived`).toBeDefined();
  if (!echo) return;
  expect(echo.method, label).toBe(op.method.toUpperCase());
  const template = op.path.split('/');
  const segments = echo.segments.slice(-template.length);
  const raw = echo.raw.slice(-template.length);
  template.forEach((part, i) => {
    const name = /^\{(.+)\}$/.exec(part)?.[1];
    if (!name) return;
    const value = input.path[name];
    // A list goes as its items joined by raw commas; each item's own commas are %2C.
    const expected = Array.isArray(value) ? value.map(scalarText).join(',') : scalarText(value);
    expect(segments[i], `${label}: path parameter ${name}`).toBe(expected);
    // The spec's `simple` style splits on a raw comma: one value must stay one item.
    const items = Array.isArray(value) ? value.length : 1;
    expect(raw[i]?.split(',').length, `${label}: path parameter ${name} sent as ${raw[i]}`).toBe(
      items,
    );
  });
  for (const [name, value] of Object.entries(input.query)) {
    const got = echo.query.getAll(name);
    if (Array.isArray(value)) {
      const exploded = value.map(scalarText);
      const asJson = [JSON.stringify(value)];
      const ok =
        JSON.stringify(got) === JSON.stringify(exploded) ||
        JSON.stringify(got) === JSON.stringify(asJson);
      expect(
        ok,
        `${label}: query ${name} = ${JSON.stringify(got)} for ${JSON.stringify(value)}`,
      ).toBe(true);
    } else if (value !== null && typeof value === 'object') {
      expect(
        got.length === 1 ? JSON.parse(got[0] as string) : got,
        `${label}: query ${name}`,
      ).toEqual(value);
    } else {
      expect(got, `${label}: query ${name}`).toEqual([scalarText(value)]);
    }
  }
  if (input.body === undefined) return;
  if (input.body instanceof Uint8Array) {
    expect(echo.contentType, `${label}: Content-Type`).toBe(input.bodyMediaType);
    expect([...echo.bytes], `${label}: bytes`).toEqual([...input.body]);
    return;
  }
  if (input.bodyMediaType === 'application/json') {
    expect(JSON.parse(echo.body), `${label}: JSON body`).toEqual(input.body);
    return;
  }
  const form = new URLSearchParams(echo.body);
  for (const [name, value] of Object.entries(input.body as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    const want = Array.isArray(value) ? value.map(scalarText) : [scalarText(value)];
    expect(form.getAll(name), `${label}: form field ${name}`).toEqual(want);
  }
}

/** The fuzz tier for one spec's SDK (see the module comment). */
export function describeFuzz<C>(name: SpecName, options: FuzzSuiteOptions<C>): void {
  const bounds = fuzzBounds();
  const inputKey = options.inputKey ?? ((name: string) => name);
  const fn = (operationId: string) => {
    const f = options.sdk[operationId];
    if (typeof f !== 'function') throw new Error(`the SDK has no function ${operationId}`);
    return f as OperationFn;
  };

  describe(`fuzz: ${name} (seed ${bounds.seed}, ${bounds.seeds} dynamic-Prism seeds, ${bounds.runs} inputs per operation)`, () => {
    const { spec } = contract(name);

    describe('answers: every operation against Prism --dynamic decodes', () => {
      for (let s = 0; s < bounds.seeds; s++) {
        const seed = bounds.seed + s;
        it(`Prism --dynamic --seed ${seed}`, { timeout: 120_000 }, async () => {
          const prism = await startMockServer(name, {
            args: ['--dynamic', '--seed', String(seed)],
          });
          try {
            const checked = contractFetchFor(name, prism.url);
            let raw: unknown;
            const client = options.client(prism.url, async (request) => {
              const response = await checked(request);
              raw = response.headers.get('content-type')?.includes('json')
                ? await response.clone().json()
                : undefined;
              return response;
            });
            const sampler = new SchemaSampler(spec, seed);
            let calls = 0;
            for (const op of spec.operations) {
              if (options.skip?.answers?.[op.operationId]) continue;
              const input = fuzzInput(sampler, spec, op);
              if (!input) continue;
              raw = undefined;
              const data = await call(fn(op.operationId), client, op, input, inputKey).catch(
                (error: unknown) => {
                  throw new Error(`${op.operationId} (seed ${seed}): ${String(error)}`, {
                    cause: error,
                  });
                },
              );
              options.checkAnswer?.(op, data, raw);
              calls++;
            }
            expect(calls).toBeGreaterThan(spec.operations.length / 2);
          } finally {
            await prism.stop();
          }
        });
      }
    });

    describe('requests: random valid inputs reach the server unchanged, and Prism accepts them', () => {
      let echo: Awaited<ReturnType<typeof startEcho>>;
      beforeAll(async () => {
        echo = await startEcho();
      });
      afterAll(() => new Promise<void>((resolve) => echo.server.close(() => resolve())));

      it(`every operation, ${bounds.runs} random inputs each`, {
        timeout: 60_000 + bounds.runs * 2_000,
      }, async () => {
        const prism = contract(name);
        const toPrism = options.client(prism.baseUrl, prism.fetch);
        const toEcho = options.client(echo.url, (request) => fetch(request));
        const sampler = new SchemaSampler(spec, bounds.seed);
        const skipped = new Set<string>();
        let sent = 0;
        for (const op of spec.operations) {
          if (options.skip?.requests?.[op.operationId]) continue;
          for (let run = 0; run < bounds.runs; run++) {
            const input = fuzzInput(sampler, spec, op);
            if (!input) {
              skipped.add(op.operationId);
              continue;
            }
            const label = `${op.operationId} ${JSON.stringify(input)}`;
            await call(fn(op.operationId), toEcho, op, input, inputKey);
            expectEchoed(op, input, echo.last(), label);
            await call(fn(op.operationId), toPrism, op, input, inputKey).catch((error: unknown) => {
              const violation =
                error instanceof ContractViolationError
                  ? error
                  : (error as { cause?: unknown })?.cause;
              if (
                violation instanceof ContractViolationError &&
                violation.direction === 'request'
              ) {
                throw new Error(`Prism refused ${label}: ${violation.message}`);
              }
              // Any other answer (a documented 404 for a random id...) is the API's, not a fault.
            });
            sent++;
          }
        }
        // Operations whose inputs the sampler cannot make are listed, not silently passed.
        if (skipped.size > 0)
          console.log(`fuzz ${name}: no valid input made for ${[...skipped].join(', ')}`);
        expect(sent).toBeGreaterThan(spec.operations.length);
      });
    });
  });
}

function call(
  f: OperationFn,
  client: unknown,
  op: Operation,
  input: FuzzInput,
  inputKey: (name: string) => string,
) {
  const positional = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => input.path[m[1] as string]);
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input.query)) fields[inputKey(key)] = value;
  const body = input.body;
  const isFields =
    body !== null &&
    typeof body === 'object' &&
    !Array.isArray(body) &&
    !(body instanceof Uint8Array) &&
    input.bodyMediaType !== undefined &&
    !input.bodyMediaType.startsWith('image/');
  if (isFields) {
    for (const [key, value] of Object.entries(body)) fields[inputKey(key)] = value;
  } else if (body !== undefined) {
    fields.body = body;
  }
  // A binary body goes with its media type (the generated default is one of them).
  const options =
    body instanceof Uint8Array ? { headers: { 'content-type': input.bodyMediaType } } : undefined;
  return f(client, ...positional, Object.keys(fields).length ? fields : undefined, options);
}
