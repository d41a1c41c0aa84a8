// The browser suite of `pnpm test:packages`: cases written in
// tests/consumers/node/browser-suite/cases/*.ts, bundled by Vite from the
// installed tarballs (the `browser` export condition, as an application's
// bundler resolves it) and run one by one in headless Chromium, each as a
// leg of the runtime matrix.
//
// Servers, all on 127.0.0.1 with free ports, so three origins:
//   - the page's own (static files of the Vite build),
//   - `api`: the API origin the clients' baseUrl points at,
//   - `other`: a second origin (a CDN, or wherever a redirect leads).
// `api` and `other` run the same scripted handler (see `handle` below) with
// permissive CORS, and record every request they get (method, path,
// headers, body size) so a case can ask where its credential arrived:
// `GET <origin>/__log?tag=<tag>`.
//
// Adding a case: add a `cases/<area>.ts` file (or a case to one) exporting
// `cases: BrowserCase[]`; main.ts picks every file up. A case runs in the
// page, throws on failure, and returns a one-line detail. If it needs a new
// kind of answer, add an entry to `ROUTES` here.
import { once } from 'node:events';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const TOKEN_FREE_HEADERS = 'authorization, x-api-key';

/** The scripted origin: a route table over `/r/...`, `/slow/...`, `/t/<tag>/...`. */
function scriptedOrigin(label, peers) {
  const log = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-expose-headers': '*',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, HEAD',
        'access-control-allow-headers':
          req.headers['access-control-request-headers'] ?? TOKEN_FREE_HEADERS,
        'access-control-max-age': '0',
      });
      res.end();
      return;
    }
    if (url.pathname === '/__log') {
      const tag = url.searchParams.get('tag') ?? '';
      res.writeHead(200, { ...cors, 'content-type': 'application/json' });
      res.end(JSON.stringify(log.filter((entry) => entry.path.includes(tag))));
      return;
    }
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    log.push({
      origin: label,
      method: req.method,
      path: url.pathname + url.search,
      headers: req.headers,
      bodyBytes: body.length,
      // Small bodies as text, for cases to decode (forms, JSON).
      text: body.length <= 10_000 ? body.toString('utf8') : undefined,
      // How many bytes of the body are 0x5a ('Z'): uploads send Z-filled blobs.
      zBytes: body.reduce((n, b) => n + (b === 0x5a ? 1 : 0), 0),
    });
    await handle(url, req, res, cors, label, peers);
  });
  return { server, log };
}

/** The origin a redirect to `where` (`same` or `other`) leads to, seen from `label`'s origin. */
const otherOf = (label, peers) => peers[label === 'api' ? 'other' : 'api'];

const bytes100k = () => {
  const bytes = Buffer.alloc(100_000);
  for (let i = 0; i < bytes.length; i++) bytes[i] = i % 251;
  return bytes;
};

/**
 * The answers under `/t/<tag>/...`, first match wins: `match` is tested on
 * the path after the tag, `answer(ctx)` writes the response. A new kind of
 * answer (rate-limit headers, say) is one more entry; remember CORS: every
 * answer carries `ctx.cors` (`access-control-expose-headers: *` included,
 * or a browser hides the headers from the script).
 */
export const ROUTES = [
  {
    // A Modrinth project; `title` says which origin served it.
    match: /^v2\/project\/([^/]+)$/,
    answer: ({ json, m, label }) =>
      json(200, {
        id: 'AANobbMI',
        slug: decodeURIComponent(m[1]),
        title: `served by ${label}`,
        downloads: 1,
      }),
  },
  {
    // Modrinth's createVersion (a multipart upload).
    match: /^v2\/version$/,
    answer: ({ json }) => json(200, { id: 'IIJJKKLL', project_id: 'AANobbMI', name: 'uploaded' }),
  },
  {
    // itch's createBuild (a form body).
    match: /^wharf\/builds$/,
    answer: ({ json }) => json(200, { build: { id: 77, parentBuildId: -1 } }),
  },
  {
    // An itch game.
    match: /^games\/(\d+)$/,
    answer: ({ json, m, label }) =>
      json(200, { game: { id: Number(m[1]), title: `served by ${label}` } }),
  },
  {
    // itch's download: a 302 to the other origin (the CDN), signed.
    match: /^uploads\/(\d+)\/download$/,
    answer: ({ res, cors, m, tag, label, peers }) => {
      const location = `${otherOf(label, peers)}/t/${tag}/cdn/${m[1]}/file.bin?sig=signed`;
      res.writeHead(302, { ...cors, location });
      res.end();
    },
  },
  {
    // The CDN's file: 100,000 bytes, `i % 251`.
    match: /^cdn\/\d+\/file\.bin$/,
    answer: ({ res, cors }) => {
      res.writeHead(200, { ...cors, 'content-type': 'application/octet-stream' });
      res.end(bytes100k());
    },
  },
];

/**
 * The scripted answers:
 * - `/r/<status>/<same|other>/<rest>`: a redirect with that status to
 *   `<rest>` (query kept) on this origin or on the other one;
 * - `/slow/<ms>/<rest>`: answers as `<rest>` after `ms` milliseconds;
 * - `/t/<tag>/<rest>`: the first of {@link ROUTES} whose `match` fits `<rest>`,
 *   else a 404 with a JSON error.
 */
async function handle(url, req, res, cors, label, peers) {
  const parts = url.pathname.split('/').filter(Boolean);
  const json = (status, value) => {
    res.writeHead(status, { ...cors, 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  if (parts[0] === 'r') {
    const [, status, where, ...rest] = parts;
    const origin = where === 'same' ? peers[label] : otherOf(label, peers);
    res.writeHead(Number(status), {
      ...cors,
      location: `${origin}/${rest.join('/')}${url.search}`,
    });
    res.end();
    return;
  }
  if (parts[0] === 'slow') {
    const [, ms, ...rest] = parts;
    await new Promise((resolve) => setTimeout(resolve, Number(ms)));
    if (res.destroyed) return;
    return handle(new URL(`/${rest.join('/')}${url.search}`, url), req, res, cors, label, peers);
  }
  if (parts[0] !== 't') return json(404, { error: 'not_found' });
  const [, tag, ...rest] = parts;
  const path = rest.join('/');
  for (const route of ROUTES) {
    const m = route.match.exec(path);
    if (m) return route.answer({ req, res, url, cors, json, m, tag, label, peers });
  }
  return json(404, { error: 'not_found', description: `no route ${path}` });
}

function listen(server) {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)),
  );
}

/**
 * A server with Modrinth's own rate-limit rules (labrinth's GCRA, scaled to
 * a burst of 100 refilled at 100 per 2 s) and its CORS (any origin, no
 * header exposed): @x/core's test server, `kind: 'gcra'`, in a worker thread.
 */
async function startLabrinthRules() {
  const worker = new Worker(
    new URL('../packages/core/test/helpers/window-server.mjs', import.meta.url),
    { workerData: { kind: 'gcra', limit: 100, windowMs: 2000 } },
  );
  const [message] = await once(worker, 'message');
  return {
    url: `http://127.0.0.1:${message.port}`,
    close: async () => {
      const exited = once(worker, 'exit');
      worker.postMessage('close');
      await exited;
    },
  };
}

/** Starts the two scripted origins and the labrinth-rules server; `close()` stops them. */
export async function startSuiteOrigins() {
  const peers = {};
  const api = scriptedOrigin('api', peers);
  const other = scriptedOrigin('other', peers);
  peers.api = await listen(api.server);
  peers.other = await listen(other.server);
  const labrinth = await startLabrinthRules();
  return {
    api: peers.api,
    other: peers.other,
    labrinth: labrinth.url,
    close: () =>
      Promise.all([
        labrinth.close(),
        ...[api.server, other.server].map(
          (s) =>
            new Promise((resolve) => {
              s.closeAllConnections?.();
              s.close(resolve);
            }),
        ),
      ]),
  };
}

/**
 * Runs every case of the built suite (`suiteUrl`: its page on the static
 * server) in `browser`, each as a `leg`. `env` is handed to every case.
 */
export async function runBrowserSuite({ browser, suiteUrl, env, leg, artifacts }) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(suiteUrl);
  await page.waitForFunction(() => globalThis.suite !== undefined, null, { timeout: 20_000 });
  const names = await page.evaluate(() => globalThis.suite.names());
  if (names.length === 0) throw new Error(`the browser suite has no case; page errors: ${errors}`);
  for (const name of names) {
    await leg(`Chromium: ${name}`, () =>
      page.evaluate(([n, e]) => globalThis.suite.run(n, e), [name, env]),
    );
  }
  if (artifacts) await page.screenshot({ path: join(artifacts, 'browser-suite.png') });
  await page.close();
  return names.length;
}
