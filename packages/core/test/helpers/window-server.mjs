// A rate-limited API in its own thread (own event loop), so the client under
// test does not share a loop with it. `kind`:
// - 'fixed' (default): fixed windows of `limit` requests per `windowMs` (a
//   window opens at the first request after the previous one closed, as
//   Modrinth's do), stated in X-Ratelimit-* headers; `integerReset` sends
//   Reset as whole seconds (rounded up) instead of 3 decimals.
// - 'ietf': the same windows, stated in the IETF fields
//   (`RateLimit-Policy: "default";q=..;w=..`, `RateLimit: "default";r=..;t=..`).
// - 'bucket': a token bucket (a sliding, GCRA-like limit): bursts of `limit`,
//   refilled at `limit` per `windowMs`; Reset = seconds until full.
// - 'silent': fixed windows, no rate-limit header at all.
// - 'gcra': exactly the rules of Modrinth's labrinth
//   (`apps/labrinth/src/util/ratelimit.rs`, GCRAParameters::new(rpm, burst)
//   with burst = `limit`, rpm = `limit` per `windowMs`): a stored TAT;
//   refused when `now - tat < -burst * interval`, else
//   `tat = max(tat + interval, now)`; X-Ratelimit-Limit = burst,
//   Remaining = whole requests left (truncated, at least 0), Reset = whole
//   seconds until the bucket is full (truncated: an idle bucket says 0); a
//   429 has no Retry-After, Remaining 0, and the JSON body labrinth sends
//   (`ratelimit_error`, "Please wait <ms> milliseconds. 0/<burst> remaining.").
//   Every answer carries `Access-Control-Allow-Origin: *` and exposes no
//   header (labrinth's CORS), so a browser reads none of X-Ratelimit-*; a
//   preflight (OPTIONS) is allowed any method and header and never counted.
//   Times in integer ns, truncated as labrinth's i64 arithmetic truncates.
//   Not reproduced: the key per client IP (one client address here), the
//   `x-ratelimit-key` bypass, the TAT's 5-minute expiry in Redis, and
//   labrinth letting requests through when its own Redis is down.
// Beyond the limit: 429. '/warm' is never counted.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { limit, windowMs, kind = 'fixed', integerReset = false } = workerData;
let windowStart = Number.NEGATIVE_INFINITY;
let used = 0;
let tokens = limit;
let last = Date.now();
let ok = 0;
let rejected = 0;
const arrivals = [];

// labrinth's interval: a minute in ns divided by requests per minute, truncated (whole ns).
const intervalNs = Math.trunc(60e9 / Math.round((limit * 60_000) / windowMs));
let tatNs;
const clockNs = () => Math.trunc((performance.timeOrigin + performance.now()) * 1e6);

function gcra() {
  const now = clockNs();
  const tat = tatNs ?? now;
  const maxDelta = intervalNs * limit;
  const allowance = now - tat;
  if (allowance < -maxDelta) {
    return {
      accepted: false,
      remaining: 0,
      resetSeconds: Math.trunc(Math.trunc(-allowance / 1e6) / 1000),
      waitMs: Math.max(0, Math.trunc((-allowance - maxDelta) / 1e6)),
    };
  }
  const next = Math.max(tat + intervalNs, now);
  tatNs = next;
  return {
    accepted: true,
    remaining: Math.max(0, Math.trunc((maxDelta - (next - now)) / intervalNs)),
    resetSeconds: Math.trunc(Math.trunc((next - now) / 1e6) / 1000),
  };
}

const seconds = (ms) => (integerReset ? String(Math.ceil(ms / 1000)) : (ms / 1000).toFixed(3));

function admit(now) {
  if (kind === 'bucket') {
    tokens = Math.min(limit, tokens + ((now - last) * limit) / windowMs);
    last = now;
    // 1e-9: the refill is computed in floating point; a token due exactly now counts.
    const accepted = tokens >= 1 - 1e-9;
    if (accepted) tokens = Math.max(0, tokens - 1);
    return {
      accepted,
      remaining: Math.floor(tokens + 1e-9),
      resetMs: ((limit - tokens) * windowMs) / limit,
    };
  }
  if (now >= windowStart + windowMs) {
    windowStart = now;
    used = 0;
  }
  const accepted = used < limit;
  if (accepted) used++;
  return { accepted, remaining: limit - used, resetMs: windowStart + windowMs - now };
}

const server = http.createServer((req, res) => {
  const now = Date.now();
  if (req.url === '/warm') {
    res.writeHead(204);
    res.end();
    return;
  }
  if (kind === 'gcra' && req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': req.headers['access-control-request-method'] ?? 'GET',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
    });
    res.end();
    return;
  }
  arrivals.push(now);
  if (kind === 'gcra') {
    const decision = gcra();
    const headers = {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(decision.remaining),
      'x-ratelimit-reset': String(decision.resetSeconds),
    };
    if (!decision.accepted) {
      rejected++;
      res.writeHead(429, headers);
      res.end(
        JSON.stringify({
          error: 'ratelimit_error',
          description: `You are being rate-limited. Please wait ${decision.waitMs} milliseconds. 0/${limit} remaining.`,
        }),
      );
      return;
    }
    ok++;
    res.writeHead(200, headers);
    res.end('{"ok":true}');
    return;
  }
  const { accepted, remaining, resetMs } = admit(now);
  const headers = { 'content-type': 'application/json' };
  if (kind === 'ietf') {
    headers['ratelimit-policy'] = `"default";q=${limit};w=${windowMs / 1000}`;
    headers.ratelimit = `"default";r=${remaining};t=${Math.ceil(resetMs / 1000)}`;
  } else if (kind !== 'silent') {
    headers['x-ratelimit-limit'] = String(limit);
    headers['x-ratelimit-remaining'] = String(remaining);
    headers['x-ratelimit-reset'] = seconds(resetMs);
  }
  if (!accepted) {
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
