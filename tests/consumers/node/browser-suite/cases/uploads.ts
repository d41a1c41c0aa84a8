// Request bodies: a multipart createVersion with a 100,000-byte Blob jar
// (Modrinth), a form body (itch's createBuild).
import { createItchClient } from '@x/itch';
import { createModrinthClient } from '@x/modrinth';
import { arrivals, type BrowserCase, check, newTag } from '../harness';

export const cases: BrowserCase[] = [
  {
    name: 'modrinth uploadVersion sends a 100,000-byte Blob as multipart',
    async run(env) {
      const tag = newTag();
      const client = createModrinthClient({
        baseUrl: `${env.api}/t/${tag}/v2`,
        token: 'mrp_uploadToken',
        retry: false,
      });
      const jar = new Blob([new Uint8Array(100_000).fill(0x5a)], {
        type: 'application/java-archive',
      });
      const version = await client.uploadVersion({
        data: {
          name: 'uploaded',
          version_number: '1.0.0',
          dependencies: [],
          game_versions: ['1.21'],
          version_type: 'release',
          loaders: ['fabric'],
          featured: false,
          project_id: 'AANobbMI',
        },
        files: [{ name: 'mod.jar', data: jar }],
      });
      check(version.id === 'IIJJKKLL', JSON.stringify(version));
      const [sent] = await arrivals(env.api, tag);
      check(sent?.method === 'POST', `method ${sent?.method}`);
      check(
        /^multipart\/form-data; boundary=/.test(sent.headers['content-type'] ?? ''),
        String(sent.headers['content-type']),
      );
      check(sent.zBytes >= 100_000, `${sent.zBytes} of the jar's bytes arrived`);
      return `${sent.bodyBytes} bytes of multipart, the jar's 100,000 in it`;
    },
  },
  {
    name: 'itch createBuild sends its form body',
    async run(env) {
      const tag = newTag();
      const client = createItchClient({
        baseUrl: `${env.api}/t/${tag}`,
        apiKey: 'k',
        retry: false,
      });
      const data = await client.createBuild({
        target: 'me/my game',
        channel: 'win,64',
        userVersion: '1.0 ü',
        hidden: true,
      });
      check(data.build?.id === 77, JSON.stringify(data));
      const [sent] = await arrivals(env.api, tag);
      check(sent?.method === 'POST', `method ${sent?.method}`);
      check(
        sent.headers['content-type']?.startsWith('application/x-www-form-urlencoded') === true,
        String(sent.headers['content-type']),
      );
      const form = new URLSearchParams(sent.text);
      check(
        form.get('target') === 'me/my game' &&
          form.get('channel') === 'win,64' &&
          form.get('user_version') === '1.0 ü' &&
          form.get('hidden') === 'true',
        `form body ${sent.text}`,
      );
      return `${sent.text}`;
    },
  },
];
