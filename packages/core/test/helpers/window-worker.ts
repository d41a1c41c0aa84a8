import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

export interface WindowServerOptions {
  limit: number;
  windowMs: number;
  kind?: 'fixed' | 'ietf' | 'bucket' | 'silent' | 'gcra';
  integerReset?: boolean;
}

export interface WindowStats {
  ok: number;
  rejected: number;
  arrivals: number[];
}

export interface WindowServer {
  baseUrl: string;
  stats(): Promise<WindowStats>;
  close(): Promise<void>;
}

/** Starts `window-server.mjs` in a worker thread (its own event loop). */
export async function startWindowServer(options: WindowServerOptions): Promise<WindowServer> {
  const worker = new Worker(new URL('./window-server.mjs', import.meta.url), {
    workerData: options,
  });
  const [message] = (await once(worker, 'message')) as [{ port: number }];
  return {
    baseUrl: `http://127.0.0.1:${message.port}`,
    stats() {
      return new Promise<WindowStats>((resolve) => {
        const onMessage = (m: { type: string } & WindowStats) => {
          if (m.type !== 'stats') return;
          worker.off('message', onMessage);
          resolve(m);
        };
        worker.on('message', onMessage);
        worker.postMessage('stats');
      });
    },
    async close() {
      worker.postMessage('close');
      await once(worker, 'exit');
    },
  };
}

/** The response headers a browser lets a page read from a cross-origin answer that exposes none. */
const SAFELISTED = [
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
];

/** A fetch that shows only CORS-safelisted response headers, as a browser does with labrinth's CORS
 * (which lists none in `Access-Control-Expose-Headers`). */
export async function corsFetch(request: Request): Promise<Response> {
  const response = await fetch(request);
  const headers = new Headers();
  for (const name of SAFELISTED) {
    const value = response.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
