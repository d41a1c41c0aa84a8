// A rate-limited API in its own thread (own event loop), so the client under
// test does not share a loop with it: fixed windows of `limit` requests per
// `windowMs` (a window opens at the first request after the previous one
// closed), X-Ratelimit-* headers on every response, 429 beyond the limit.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { limit, windowMs } = workerData;
let windowStart = 0;
let used = 0;
let ok = 0;
let rejected = 0;
const arrivals = [];

const server = http.createServer((req, res) => {
  const now = Date.now();
  if (req.url === '/warm') {
    res.writeHead(204);
    res.end();
    return;
  }
  arrivals.push(now);
  if (now >= windowStart + windowMs) {
    windowStart = now;
    used = 0;
  }
  const reset = ((windowStart + windowMs - now) / 1000).toFixed(3);
  const exhausted = used >= limit;
  if (!exhausted) used++;
  const headers = {
    'content-type': 'application/json',
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(limit - used),
    'x-ratelimit-reset': reset,
  };
  if (exhausted) {
    rejected++;
    res.writeHead(429, headers);
    res.end('{"error":"ratelimited"}');
    return;
  }
  ok++;
  res.writeHead(200, headers);
  res.end('{"ok":true}');
});
server.keepAliveTimeout = 10_000;

server.listen(0, '127.0.0.1', () => {
  parentPort.postMessage({ type: 'listening', port: server.address().port });
});

parentPort.on('message', (message) => {
  if (message === 'stats') parentPort.postMessage({ type: 'stats', ok, rejected, arrivals });
  if (message === 'close') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
