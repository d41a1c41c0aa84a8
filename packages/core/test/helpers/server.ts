import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
) => void | Promise<void>;

export interface Recorded {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  requests: Recorded[];
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 and a free port; unknown paths answer 404 JSON. */
export async function startServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      headers: req.headers,
      at: Date.now(),
    });
    const handler = table.get(url.pathname);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not_found', description: `no route ${url.pathname}` }));
      return;
    }
    Promise.resolve(handler(req, res, url)).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    route: (path, handler) => table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on 127.0.0.1 whose port nothing listens on (connection refused). */
export async function refusedUrl(): Promise<string> {
  const s = await startServer();
  const url = s.url;
  await s.close();
  return url;
}

export function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Reads a request body as text. */
export async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
