import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimeoutError } from '../errors.js';
import { urlSearchParamsBodySerializer } from './body.js';
import { createClient } from './client.js';
import { callOperation, type OperationSpec } from './operation.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
const seen: Seen[] = [];
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    if (req.url?.startsWith('/slow')) await new Promise((r) => setTimeout(r, 300));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () =>
  createClient({
    baseUrl,
    auth: 'secret-token',
    core: (s) => ({ baseUrl: s.baseUrl, retry: false, rateLimiter: false }),
    tokenFor: 'secured-operations',
  });

describe('callOperation', () => {
  it('positional path values, query and body fields by their wire names, per-call headers', async () => {
    const spec: OperationSpec = {
      method: 'POST',
      url: '/games/{gameId}/builds/{buildId}',
      path: ['gameId', 'buildId'],
      query: { downloadKeyId: 'download_key_id' },
      body: { userVersion: 'user_version', hidden: 'hidden' },
      contentType: 'application/x-www-form-urlencoded',
      bodySerializer: urlSearchParamsBodySerializer.bodySerializer,
      secured: true,
    };
    const data = await callOperation(
      client(),
      spec,
      [3, 'b/1'],
      { downloadKeyId: 7, userVersion: '1.0', hidden: undefined },
      { headers: { 'x-trace': 'abc', 'x-none': undefined } },
    );
    expect(data).toEqual({ ok: true });
    const last = seen.at(-1)!;
    expect(last.method).toBe('POST');
    expect(last.url).toBe('/games/3/builds/b%2F1?download_key_id=7');
    expect(last.body).toBe('user_version=1.0');
    expect(last.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(last.headers['x-trace']).toBe('abc');
    expect(last.headers).not.toHaveProperty('x-none');
    expect(last.headers.authorization).toBe('Bearer secret-token');
  });

  it('an unsecured operation goes without the token; a JSON body of the same names; a `{ transport }` target', async () => {
    const spec: OperationSpec = { method: 'PATCH', url: '/items', query: ['ids'], body: ['title'] };
    await callOperation({ transport: client() }, spec, [], { ids: ['a'], title: 'T' }, undefined);
    const last = seen.at(-1)!;
    expect(last.url).toBe('/items?ids=a');
    expect(JSON.parse(last.body)).toEqual({ title: 'T' });
    expect(last.headers.authorization).toBeUndefined();
  });

  it('timeoutMs applies to this call only', async () => {
    const c = client();
    const spec: OperationSpec = { method: 'GET', url: '/slow' };
    await expect(callOperation(c, spec, [], undefined, { timeoutMs: 50 })).rejects.toBeInstanceOf(
      TimeoutError,
    );
    await expect(callOperation(c, spec, [], undefined, undefined)).resolves.toEqual({ ok: true });
  });

  it('a signal aborts the call', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const spec: OperationSpec = { method: 'GET', url: '/slow' };
    await expect(
      callOperation(client(), spec, [], undefined, { signal: controller.signal }),
    ).rejects.toThrow('stop');
  });

  it("a spec's `response` shapes a successful answer's data; a failed call never reaches it", async () => {
    const shaped: unknown[] = [];
    const spec: OperationSpec = {
      method: 'GET',
      url: '/ok',
      response: (data) => {
        shaped.push(data);
        return { shaped: data };
      },
    };
    expect(await callOperation(client(), spec, [], undefined, undefined)).toEqual({
      shaped: { ok: true },
    });
    const timedOut = callOperation(client(), { ...spec, url: '/slow' }, [], undefined, {
      timeoutMs: 50,
    });
    await expect(timedOut).rejects.toBeInstanceOf(TimeoutError);
    expect(shaped).toEqual([{ ok: true }]);
  });
});
