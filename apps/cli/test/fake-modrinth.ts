import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { answerTags, project, version } from '../doubles/modrinth-fixtures.ts';
import { digest, type LocalServer, localServer, readJson, SAMPLE_MODS } from './helpers.ts';

export const SODIUM_FILE = 'sodium-fabric-0.5.8+mc1.20.4.jar';
export const LITHIUM_FILE = 'lithium-fabric-mc1.20.4-0.12.1.jar';
export const UNKNOWN_FILE = 'my-private-tweaks-1.0.jar';
export const NEW_SODIUM_FILE = 'sodium-fabric-0.5.11+mc1.20.4.jar';
/** The bytes of the "newer" sodium the file server hands out. */
export const NEW_SODIUM_BYTES = Buffer.from(
  'PK\u0003\u0004 pretend this is sodium 0.5.11'.repeat(2000),
);

/** How the file server answers: good, or one of the ways downloads go wrong. */
export type FileMode = 'good' | 'corrupt' | 'cut' | 'stall' | 'gzip';

/** Replaces the API's answer for one request; return false to answer normally. */
export type Override = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

export interface FakeModrinth {
  api: LocalServer;
  files: LocalServer;
  mode: { value: FileMode };
  /** A hostile answer for the next requests (reset after each test). */
  override: { value: Override | undefined };
  /** Sodium's newest version, as `/version_files/update` answers it (tests may change it). */
  latestSodium: Record<string, unknown>;
  close(): Promise<void>;
}

/** A Modrinth that knows the sample sodium (outdated) and lithium (current), plus a file server. */
export async function fakeModrinth(): Promise<FakeModrinth> {
  const mode = { value: 'good' as FileMode };
  const override: FakeModrinth['override'] = { value: undefined };
  const files = await localServer((req, res) => {
    if (req.url !== `/files/${NEW_SODIUM_FILE}`) {
      res.writeHead(404).end();
      return;
    }
    const m = mode.value;
    if (m === 'stall') {
      res.writeHead(200, { 'content-length': String(NEW_SODIUM_BYTES.length) });
      res.write(NEW_SODIUM_BYTES.subarray(0, 1000)); // then nothing: the client must give up
      return;
    }
    if (m === 'gzip') {
      // As CDNs do: compressed on the wire, content-length counting compressed bytes.
      const body = gzipSync(NEW_SODIUM_BYTES);
      res.writeHead(200, { 'content-length': String(body.length), 'content-encoding': 'gzip' });
      res.end(body);
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
  const installed: Record<string, Record<string, unknown>> = {
    [sodiumHash]: version({
      id: 'SoDoLd11',
      projectId: 'AANobbMI',
      number: '0.5.8+mc1.20.4',
      published: '2024-01-10T12:00:00.000000Z',
      file: {
        name: SODIUM_FILE,
        bytes: sample(SODIUM_FILE),
        url: `${files.url}/files/${SODIUM_FILE}`,
      },
    }),
    [lithiumHash]: version({
      id: 'LiThNw22',
      projectId: 'gvQqBUqZ',
      number: 'mc1.20.4-0.12.1',
      published: '2024-01-05T09:00:00.000000Z',
      file: {
        name: LITHIUM_FILE,
        bytes: sample(LITHIUM_FILE),
        url: `${files.url}/files/${LITHIUM_FILE}`,
      },
    }),
  };
  const latestSodium = version({
    id: 'SoDoNw33',
    projectId: 'AANobbMI',
    number: '0.5.11+mc1.20.4',
    published: '2024-03-02T15:30:00.000000Z',
    file: {
      name: NEW_SODIUM_FILE,
      bytes: NEW_SODIUM_BYTES,
      url: `${files.url}/files/${NEW_SODIUM_FILE}`,
    },
  });
  const latest: Record<string, unknown> = {
    [sodiumHash]: latestSodium,
    [lithiumHash]: installed[lithiumHash],
  };
  const projects: Record<string, unknown> = {
    AANobbMI: project('AANobbMI', 'sodium', 'Sodium'),
    gvQqBUqZ: project('gvQqBUqZ', 'lithium', 'Lithium'),
  };

  const api = await localServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (override.value?.(req, res, url.pathname)) return;
    if (req.method === 'GET' && answerTags(url.pathname, res)) return;
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
    override,
    latestSodium,
    close: async () => {
      await api.close();
      await files.close();
    },
  };
}
