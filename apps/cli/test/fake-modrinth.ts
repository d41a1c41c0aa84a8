import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { digest, type LocalServer, localServer, readJson, SAMPLE_MODS } from './helpers.ts';

// The repository's own templates: synthetic values in the shape the live API
// sends (null `requested_status` and `file_type`, fields the spec does not
// declare); the contract proxy checks every answer against the spec.
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/modrinth', name), 'utf8'));
const versionTemplate = fixture('version.json');
const projectTemplate = fixture('project.json');

export const SODIUM_FILE = 'sodium-fabric-0.5.8+mc1.20.4.jar';
export const LITHIUM_FILE = 'lithium-fabric-mc1.20.4-0.12.1.jar';
export const UNKNOWN_FILE = 'my-private-tweaks-1.0.jar';
export const NEW_SODIUM_FILE = 'sodium-fabric-0.5.11+mc1.20.4.jar';
/** The bytes of the "newer" sodium the file server hands out. */
export const NEW_SODIUM_BYTES = Buffer.from(
  'PK\u0003\u0004 pretend this is sodium 0.5.11'.repeat(2000),
);

function version(
  id: string,
  projectId: string,
  number: string,
  file: { name: string; bytes: Buffer; url: string },
) {
  return {
    ...versionTemplate,
    id,
    project_id: projectId,
    name: number,
    version_number: number,
    game_versions: ['1.20.4'],
    loaders: ['fabric'],
    files: [
      {
        ...versionTemplate.files[0],
        hashes: { sha1: digest('sha1', file.bytes), sha512: digest('sha512', file.bytes) },
        url: file.url,
        filename: file.name,
        size: file.bytes.length,
      },
    ],
  };
}

export type FileMode = 'good' | 'corrupt' | 'cut' | 'stall';

export interface FakeModrinth {
  api: LocalServer;
  files: LocalServer;
  mode: { value: FileMode };
  close(): Promise<void>;
}

/** A Modrinth that knows the sample sodium (outdated) and lithium (current), plus a file server. */
export async function fakeModrinth(): Promise<FakeModrinth> {
  const mode = { value: 'good' as FileMode };
  const files = await localServer((req, res) => {
    if (req.url !== `/files/${NEW_SODIUM_FILE}`) {
      res.writeHead(404).end();
      return;
    }
    const m = mode.value;
    if (m === 'stall') {
      res.writeHead(200, { 'content-length': String(NEW_SODIUM_BYTES.length) });
      res.write(NEW_SODIUM_BYTES.subarray(0, 1000)); // then nothing: the client must be interrupted
      return;
    }
    const body =
      m === 'corrupt' ? Buffer.from(NEW_SODIUM_BYTES).fill(0x41, 100, 200) : NEW_SODIUM_BYTES;
    res.writeHead(200, {
      'content-length': String(body.length),
      'content-type': 'application/java-archive',
    });
    if (m === 'cut') {
      res.write(body.subarray(0, body.length / 2), () => res.destroy());
      return;
    }
    res.end(body);
  });

  const sample = (name: string) => readFileSync(join(SAMPLE_MODS, name));
  const sodiumHash = digest('sha512', sample(SODIUM_FILE));
  const lithiumHash = digest('sha512', sample(LITHIUM_FILE));
  const installed: Record<string, unknown> = {
    [sodiumHash]: version('SoDoLd11', 'AANobbMI', '0.5.8+mc1.20.4', {
      name: SODIUM_FILE,
      bytes: sample(SODIUM_FILE),
      url: `${files.url}/files/${SODIUM_FILE}`,
    }),
    [lithiumHash]: version('LiThNw22', 'gvQqBUqZ', 'mc1.20.4-0.12.1', {
      name: LITHIUM_FILE,
      bytes: sample(LITHIUM_FILE),
      url: `${files.url}/files/${LITHIUM_FILE}`,
    }),
  };
  const latest: Record<string, unknown> = {
    [sodiumHash]: version('SoDoNw33', 'AANobbMI', '0.5.11+mc1.20.4', {
      name: NEW_SODIUM_FILE,
      bytes: NEW_SODIUM_BYTES,
      url: `${files.url}/files/${NEW_SODIUM_FILE}`,
    }),
    [lithiumHash]: installed[lithiumHash],
  };
  const projects: Record<string, unknown> = {
    AANobbMI: { ...projectTemplate, id: 'AANobbMI', slug: 'sodium', title: 'Sodium' },
    gvQqBUqZ: { ...projectTemplate, id: 'gvQqBUqZ', slug: 'lithium', title: 'Lithium' },
  };

  const api = await localServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && url.pathname === '/version_files') {
      const { hashes } = (await readJson(req)) as { hashes: string[] };
      send(Object.fromEntries(hashes.filter((h) => installed[h]).map((h) => [h, installed[h]])));
    } else if (req.method === 'POST' && url.pathname === '/version_files/update') {
      const { hashes } = (await readJson(req)) as { hashes: string[] };
      send(Object.fromEntries(hashes.filter((h) => latest[h]).map((h) => [h, latest[h]])));
    } else if (req.method === 'GET' && url.pathname === '/projects') {
      const ids = JSON.parse(url.searchParams.get('ids') ?? '[]') as string[];
      send(ids.filter((id) => projects[id]).map((id) => projects[id]));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not_found', description: 'the fake knows no such route' }));
    }
  });
  return {
    api,
    files,
    mode,
    close: async () => {
      await api.close();
      await files.close();
    },
  };
}
