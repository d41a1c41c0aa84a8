import { contract, fixture } from '@x/contract-testing';
import { AuthenticationError } from '@x/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItchClient } from '../src/index.js';
import { type LocalServer, sendJson, startServer } from './helpers/server.js';

const KEY = 'download-test-key';
let api: LocalServer;
let cdn: LocalServer;

beforeAll(async () => {
  cdn = await startServer((_req, res) => {
    res.setHeader('content-type', 'application/octet-stream');
    res.end('ZIPDATA');
  });
  api = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.headers.authorization !== `Bearer ${KEY}`) {
      // The live service's answer, in its real shape.
      return sendJson(
        res,
        401,
        fixture('itch', 'error.upload-download-authentication-required.json'),
      );
    }
    if (url.pathname === '/uploads/4976926/download') {
      // First a hop on the API's own origin, then off to the CDN.
      res.statusCode = 302;
      res.setHeader('location', `/uploads/4976926/download/signed?${url.searchParams}`);
      return res.end();
    }
    if (url.pathname === '/uploads/4976926/download/signed') {
      res.statusCode = 307;
      res.setHeader('location', `${cdn.url}/files/volcanicSinkhole.zip?sig=abc`);
      return res.end();
    }
    sendJson(res, 404, { errors: ['not found'] });
  });
});
afterAll(async () => {
  await api.close();
  await cdn.close();
});

const client = () => createItchClient({ baseUrl: api.url, apiKey: KEY, retry: false });

describe('downloads', () => {
  it('builds the API download address without credentials in it', () => {
    const url = client().uploadDownloadUrl(4976926, { uuid: 'u-1', downloadKeyId: 69987814 });
    expect(url).toBe(`${api.url}/uploads/4976926/download?uuid=u-1&download_key_id=69987814`);
    expect(url).not.toContain(KEY);
  });

  it('resolves the CDN address: Authorization on API hops only, the CDN is never contacted', async () => {
    const before = cdn.requests.length;
    const url = await client().resolveUploadDownloadUrl(4976926, { uuid: 'u-1' });
    expect(url).toBe(`${cdn.url}/files/volcanicSinkhole.zip?sig=abc`);
    expect(cdn.requests.length).toBe(before);
    const hops = api.requests.slice(-2);
    expect(hops.map((r) => r.url)).toEqual([
      '/uploads/4976926/download?uuid=u-1',
      '/uploads/4976926/download/signed?uuid=u-1',
    ]);
    expect(hops.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it('downloads through the redirects without sending Authorization to the other origin', async () => {
    const { url, response } = await client().downloadUpload(4976926);
    expect(url).toBe(`${cdn.url}/files/volcanicSinkhole.zip?sig=abc`);
    expect(await response.text()).toBe('ZIPDATA');
    const last = cdn.requests.at(-1)!;
    expect(last.url).toBe('/files/volcanicSinkhole.zip?sig=abc');
    expect(last.headers.authorization).toBeUndefined();
    expect(JSON.stringify(last.headers)).not.toContain(KEY);
  });

  it('a missing key is an AuthenticationError with itch’s message (real-shaped answer)', async () => {
    const anonymous = createItchClient({ baseUrl: api.url, retry: false });
    const error = await anonymous.downloadUpload(4976926).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('authentication required');
  });

  it('opens a download session (Prism)', async () => {
    const c = contract('itch');
    const prism = createItchClient({
      baseUrl: c.baseUrl,
      apiKey: KEY,
      retry: false,
      fetch: c.fetch,
    });
    const uuid = await prism.openDownloadSession(1328853, { downloadKeyId: 69987814 });
    expect(typeof uuid).toBe('string');
  });
});
