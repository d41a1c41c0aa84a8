import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const core = '/work/wt21/packages/core/src/';
const code =
  process.argv[2] ??
  `import { getProject } from '/work/wt21/packages/modrinth/src/index.ts'; globalThis.f = getProject;`;
const r = await build({
  stdin: { contents: code, resolveDir: '/work/wt21/packages/modrinth/src', loader: 'ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  metafile: true,
  logLevel: 'error',
  plugins: [
    {
      name: 'x',
      setup(b) {
        b.onResolve({ filter: /^@x\/core/ }, (a) => ({
          path: core + (a.path === '@x/core' ? 'index' : a.path.slice(8)) + '.ts',
        }));
        b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (a) => {
          const t = join(a.resolveDir, a.path.replace(/\.js$/, '.browser.ts'));
          if (existsSync(t)) return { path: t };
          const u = join(a.resolveDir, a.path.replace(/\.js$/, '.ts'));
          return existsSync(u) ? { path: u } : undefined;
        });
      },
    },
  ],
});
const out = r.outputFiles[0].contents;
console.log('min', out.length, 'gzip', gzipSync(out, { level: 9 }).length);
const inputs = Object.values(r.metafile.outputs)[0].inputs;
for (const [f, i] of Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput))
  console.log(i.bytesInOutput, f.replace('/work/wt21/packages/', ''));
