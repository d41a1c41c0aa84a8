import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { trackChild } from './cleanup.ts';

export interface PrismServer {
  /** e.g. `http://127.0.0.1:43121` */
  readonly url: string;
  readonly pid: number;
  /** Stops the server and waits until the process is gone. Idempotent. */
  stop(): Promise<void>;
}

export interface StartPrismOptions {
  /** Give up waiting for readiness after this long. @default 30000 */
  readyTimeoutMs?: number;
  /** Extra Prism CLI arguments, e.g. `['--dynamic']`. */
  args?: string[];
  /** Stops waiting (and the server) when aborted; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Thrown when Prism cannot start; the message carries Prism's own output. */
export class PrismStartError extends Error {
  override name = 'PrismStartError';
  /** What Prism printed before it failed. */
  readonly output: string;
  constructor(message: string, output: string) {
    super(`${message}\n--- Prism output ---\n${output.trim() || '(none)'}`);
    this.output = output;
  }
}

function prismCliEntry(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('@stoplight/prism-cli/package.json');
  const pkg = require(pkgFile) as { bin: { prism: string } };
  return join(dirname(pkgFile), pkg.bin.prism);
}

/** Asks the OS for a free port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a Prism mock server for `specFile` on 127.0.0.1 and a free port, and
 * resolves once it answers HTTP. Prism runs under this process's own Node
 * binary (not a `.bin` shim) so that the PID we hold is Prism itself.
 */
export async function startPrism(
  specFile: string,
  options: StartPrismOptions = {},
): Promise<PrismServer> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  options.signal?.throwIfAborted();
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      prismCliEntry(),
      'mock',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      ...(options.args ?? []),
      specFile,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
  );
  trackChild(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (hasExited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (options.signal?.aborted) {
      await stop();
      throw options.signal.reason;
    }
    if (hasExited) {
      throw new PrismStartError(`Prism exited before it was ready (spec: ${specFile})`, output);
    }
    try {
      // Any HTTP answer (even a 404 for this made-up path) means Prism listens.
      const res = await fetch(`${url}/__x_readiness_probe__`, {
        signal: options.signal
          ? AbortSignal.any([options.signal, AbortSignal.timeout(1000)])
          : AbortSignal.timeout(1000),
      });
      await res.body?.cancel();
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new PrismStartError(
        `Prism was not ready after ${readyTimeoutMs} ms (spec: ${specFile})`,
        output,
      );
    }
    await sleep(100);
  }
  return { url, pid: child.pid as number, stop };
}
