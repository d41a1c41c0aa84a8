import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItchClient } from '../src/index.js';
import { type LocalServer, startServer } from './helpers/server.js';

// Downloads follow redirects with @x/core's one implementation: a key never
// goes to the CDN, nor back to the API once the CDN has been reached.

const KEY = 'itch-key-0123456789';
let api: LocalServer;
let cdn: LocalServer;

beforeAll(async () => {
  cdn = await startServer((req, res) => {
    if (req.url?.startsWith('/bounce')) {
      res.statusCode = 307;
      res.setHeader('location', `${api.url}/uploads/9/download/again`);
      return res.end();
    }
    res.setHeader('content-type', 'application/octet-stream');
    res.end('BYTES');
  });
  api = await startServer((req, res) => {
    if (req.url?.startsWith('/uploads/7/download')) {
      res.statusCode = 302;
      res.setHeader('location', `${cdn.url}/bounce`);
      return res.end();
    }
    res.setHeader('content-type', 'application/octet-stream');
    res.end(req.headers.authorization ? 'WITH-KEY' : 'WITHOUT-KEY');
  });
});
afterAll(async () => {
  await api.close();
  await cdn.close();
});

describe('download redirects', () => {
  it('API -> CDN -> back to the API: the key is not sent on the returning hop', async () => {
    const client = createItchClient({ baseUrl: api.url, apiKey: KEY, retry: false });
    const { response } = await client.downloadUpload(7);
    expect(await response.text()).toBe('WITHOUT-KEY');
    const hops = api.requests.map((r) => [r.url, r.headers.authorization]);
    expect(hops).toEqual([
      ['/uploads/7/download', `Bearer ${KEY}`],
      ['/uploads/9/download/again', undefined],
    ]);
    expect(cdn.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it('resolveUploadDownloadUrl stops at the first address outside the API, unrequested', async () => {
    const before = cdn.requests.length;
    const client = createItchClient({ baseUrl: api.url, apiKey: KEY, retry: false });
    expect(await client.resolveUploadDownloadUrl(7)).toBe(`${cdn.url}/bounce`);
    expect(cdn.requests.length).toBe(before);
  });
});
