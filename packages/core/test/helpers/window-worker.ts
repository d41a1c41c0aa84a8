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
