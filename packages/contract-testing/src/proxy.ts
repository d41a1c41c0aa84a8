import { createServer, type IncomingMessage } from 'node:http';
import { ContractViolationError, createContractFetch } from './contract-fetch.ts';
import type { LoadedSpec } from './spec.ts';

export interface ContractProxy {
  /** Point the program under test here instead of at the target. */
  readonly url: string;
  /** Every contract violation seen so far, request or response side. */
  readonly violations: ContractViolationError[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'host',
]);

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

/**
 * An HTTP proxy on 127.0.0.1 that forwards to `target` and checks every
 * exchange against the spec, for programs the tests run as child processes
 * (where no test code sits in the request path). A violation is recorded and
 * answered with 599 plus its text, so the program fails visibly too.
 */
export async function startContractProxy(options: {
  spec: LoadedSpec;
  target: string;
  recordsDir?: string;
}): Promise<ContractProxy> {
  const check = createContractFetch({
    spec: options.spec,
    baseUrl: options.target,
    recordsDir: options.recordsDir,
  });
  const violations: ContractViolationError[] = [];
  const server = createServer(async (req, res) => {
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || HOP_BY_HOP.has(name)) continue;
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const body = await readBody(req);
      const upstream = await check(
        new URL(req.url ?? '/', options.target).href.replace(/\/\/+$/, '/'),
        {
          method: req.method,
          headers,
          body: body ? new Uint8Array(body) : undefined,
          redirect: 'manual',
        },
      );
      const out: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') out[name] = value;
      });
      const payload = Buffer.from(await upstream.arrayBuffer());
      res.writeHead(upstream.status, { ...out, 'content-length': String(payload.length) });
      res.end(payload);
    } catch (error) {
      if (error instanceof ContractViolationError) violations.push(error);
      res.writeHead(599, { 'content-type': 'text/plain' });
      res.end(error instanceof Error ? error.message : String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    violations,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
