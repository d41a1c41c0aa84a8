// The repository's recorded-shape answers (packages/contract-testing/fixtures:
// written from responses recorded from the live APIs, checked against the
// specs) served over HTTP, for programs written against the packed packages
// (`pnpm test:packages`). Runs in a worker thread: the runner blocks on child
// processes, and this server must answer meanwhile. Posts `{ port }` once it
// listens; `close` stops it. Routes (first match wins, else 404 as the API):
//   Modrinth (under /v2): GET /project/sodium, /project/sodium/version, /search;
//     any other project: labrinth's 404 `not_found`.
//   itch: GET /games/<id> (the fixture game), /games/<id>/uploads.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parentPort } from 'node:worker_threads';

const fixtures = new URL('../packages/contract-testing/fixtures/', import.meta.url);
const read = (path) => readFileSync(new URL(path, fixtures), 'utf8');

const ROUTES = [
  [/^\/v2\/project\/sodium$/, 200, 'modrinth/get-project.sodium.json'],
  [
    /^\/v2\/project\/sodium\/version$/,
    200,
    'modrinth/get-project-versions.sodium-fabric-1.21.1.json',
  ],
  [/^\/v2\/search$/, 200, 'modrinth/search-projects.sodium.json'],
  [/^\/v2\//, 404, 'modrinth/error.not-found.json'],
  [/^\/games\/\d+$/, 200, 'itch/get-game.1328853.json'],
  [/^\/games\/\d+\/uploads$/, 200, 'itch/get-game-uploads.1328853.json'],
];

const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://x');
  const route = ROUTES.find(([pattern]) => pattern.test(pathname));
  if (!route) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"errors":["not found"]}');
    return;
  }
  res.writeHead(route[1], { 'content-type': 'application/json' });
  res.end(read(route[2]));
});

server.listen(0, '127.0.0.1', () => parentPort?.postMessage({ port: server.address().port }));
parentPort?.on('message', (message) => {
  if (message === 'close') server.close(() => process.exit(0));
});
