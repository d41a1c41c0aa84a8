// One operation bundled as an application would: esbuild, minified, ESM for
// browsers, then gzip -9. Sizes include everything the import pulls in.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleResult {
  name: string;
  minified: number;
  gzip: number;
  /** The largest inputs, minified bytes, for "where the bytes go". */
  top: [string, number][];
}

export async function bundleSize(name: string, code: string): Promise<BundleResult> {
  const result = await build({
    stdin: { contents: code, resolveDir: new URL('.', import.meta.url).pathname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0]?.contents ?? new Uint8Array();
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const top = Object.entries(inputs)
    .map(
      ([file, info]) =>
        [file.replace(/^.*?(packages|node_modules)\//, ''), info.bytesInOutput] as [string, number],
    )
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6);
  return { name, minified: output.length, gzip: gzipSync(output, { level: 9 }).length, top };
}

export const BUNDLES: Record<string, string> = {
  '@x/modrinth getProject': `import { createModrinthTransport, getProject } from '@x/modrinth/operations'; globalThis.f = (s) => getProject(createModrinthTransport(), s);`,
  '@x/modrinth client (every operation as a method)': `import { createModrinthClient } from '@x/modrinth'; globalThis.f = (s) => createModrinthClient().getProject(s);`,
  '@x/itch getGame': `import { createItchTransport, getGame } from '@x/itch/operations'; globalThis.f = (id) => getGame(createItchTransport(), id);`,
  '@x/core createCoreFetch': `import { createCoreFetch } from '@x/core'; globalThis.f = createCoreFetch;`,
  'same generated client, no @x/core (a get)': `import { createClient } from './generated/client/index.ts'; globalThis.f = (s) => createClient({ baseUrl: 'https://api.modrinth.com/v2' }).get({ url: '/project/{idOrSlug}', path: { idOrSlug: s } });`,
  'openapi-fetch (a GET)': `import createClient from 'openapi-fetch'; globalThis.f = (s) => createClient({ baseUrl: 'https://api.modrinth.com/v2' }).GET('/project/{id}', { params: { path: { id: s } } });`,
  '@xmcl/modrinth getProject': `import { ModrinthV2Client } from '@xmcl/modrinth'; globalThis.f = (s) => new ModrinthV2Client().getProject(s);`,
  'ky (a GET)': `import ky from 'ky'; globalThis.f = (s) => ky.get('https://api.modrinth.com/v2/project/' + s).json();`,
};
