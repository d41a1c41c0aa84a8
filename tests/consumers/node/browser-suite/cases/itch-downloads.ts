// itch downloads: the API answers GET /uploads/{id}/download with a redirect
// to the CDN (here the other origin), which browsers hide from a manual fetch.
import { createItchClient } from '@x/itch';
import { arrivals, type BrowserCase, check, newTag } from '../harness';

const KEY = 'itch-browser-suite-key';

export const cases: BrowserCase[] = [
  {
    name: 'itch resolveUploadDownloadUrl gives the CDN URL; the key stays on the API',
    async run(env) {
      const tag = newTag();
      const client = createItchClient({
        baseUrl: `${env.api}/t/${tag}`,
        apiKey: KEY,
        retry: false,
      });
      const url = await client.resolveUploadDownloadUrl(7);
      const expected = `${env.other}/t/${tag}/cdn/7/file.bin?sig=signed`;
      check(url === expected, `got ${url}, expected ${expected}`);
      const [atApi, atOther] = await Promise.all([
        arrivals(env.api, tag),
        arrivals(env.other, tag),
      ]);
      check(atApi[0]?.headers.authorization === `Bearer ${KEY}`, 'the key did not reach the API');
      check(
        atOther.every((a) => a.headers.authorization === undefined),
        'the key reached the CDN',
      );
      return url;
    },
  },
  {
    name: "itch downloadUpload gives the file's bytes through the CDN redirect",
    async run(env) {
      const tag = newTag();
      const client = createItchClient({
        baseUrl: `${env.api}/t/${tag}`,
        apiKey: KEY,
        retry: false,
      });
      const { url, response } = await client.downloadUpload(9);
      const bytes = new Uint8Array(await response.arrayBuffer());
      check(bytes.length === 100_000, `${bytes.length} bytes`);
      check(
        bytes.every((b, i) => b === i % 251),
        'the bytes are not the file',
      );
      check(url.startsWith(`${env.other}/t/${tag}/cdn/9/`), `from ${url}`);
      const atOther = await arrivals(env.other, tag);
      check(
        atOther.every((a) => a.headers.authorization === undefined),
        'the key reached the CDN',
      );
      return `${bytes.length} bytes from ${url}`;
    },
  },
];
