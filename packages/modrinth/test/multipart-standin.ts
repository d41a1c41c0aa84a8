import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Prism 5.16 cannot check this spec's multipart operations: it reads every
 * part as a plain string, so the JSON `data` part (an object in the schema,
 * sent as `application/json` as OpenAPI 3.0 prescribes for object parts and
 * as Labrinth reads it) always fails its validation. For `createProject`,
 * `createVersion` and `addFilesToVersion` this local server takes Prism's
 * place: it parses the multipart body, checks it the way the spec and
 * Labrinth describe, and answers like Prism would (spec-shaped bodies, the
 * status asked for with `Prefer: code=N`). Its answers still go through the
 * harness's contract fetch, which validates them and records coverage.
 */
export interface StandIn {
  url: string;
  close(): Promise<void>;
}

const VERSION_REQUIRED = [
  'name',
  'version_number',
  'game_versions',
  'version_type',
  'loaders',
  'featured',
  'project_id',
  'file_parts',
];
const PROJECT_REQUIRED = [
  'slug',
  'title',
  'description',
  'categories',
  'client_side',
  'server_side',
  'body',
  'license_id',
  'project_type',
];

function problem(violations: string[]) {
  return {
    status: 422,
    type: 'application/problem+json',
    body: JSON.stringify({
      type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY',
      title: 'Invalid request',
      detail: 'multipart stand-in',
      validation: violations.map((message) => ({
        location: ['request', 'body'],
        severity: 'Error',
        message,
      })),
    }),
  };
}

async function check(path: string, form: FormData): Promise<string[]> {
  const errors: string[] = [];
  const raw = form.get('data');
  let data: Record<string, unknown> = {};
  if (typeof raw !== 'string') errors.push('data part missing');
  else {
    try {
      data = JSON.parse(raw);
    } catch {
      errors.push('data part is not JSON');
    }
    if (!data || typeof data !== 'object' || Array.isArray(data))
      errors.push('data must be an object');
  }
  const required =
    path === '/version' ? VERSION_REQUIRED : path === '/project' ? PROJECT_REQUIRED : [];
  for (const key of required) if (!(key in data)) errors.push(`data.${key} is required`);
  const files = [...form.entries()].filter(([, v]) => typeof v !== 'string').map(([k]) => k);
  if (path === '/version') {
    const parts = data.file_parts as unknown;
    if (!Array.isArray(parts) || parts.length === 0)
      errors.push('data.file_parts must list the file parts');
    else for (const p of parts) if (!files.includes(p)) errors.push(`file part "${p}" missing`);
    if (typeof data.primary_file === 'string' && !files.includes(data.primary_file))
      errors.push('primary_file names no part');
  }
  if (/^\/version\/[^/]+\/file$/.test(path) && files.length === 0) errors.push('no file parts');
  for (const f of files)
    if (f !== 'icon' && path === '/project') errors.push(`unexpected part ${f}`);
  return errors;
}

/** Starts the stand-in; `prismUrl` supplies spec-shaped Project/Version bodies. */
export async function startMultipartStandIn(prismUrl: string): Promise<StandIn> {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body?: string, type = 'application/json') => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': type });
      res.end(body);
    };
    const prefer = /code=(\d+)/.exec(String(req.headers.prefer ?? ''))?.[1];
    const contentType = String(req.headers['content-type'] ?? '');
    const multipartOp =
      /^\/(project|version|version\/[^/]+\/file)$/.test(url.pathname) && req.method === 'POST';
    if (!multipartOp) {
      // Everything else goes to Prism, unchanged.
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string' && k !== 'host') headers.set(k, v);
      const upstream = await fetch(prismUrl + url.pathname + url.search, {
        method: req.method ?? 'GET',
        headers,
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      });
      const text = await upstream.text();
      const out: Record<string, string> = {};
      upstream.headers.forEach((v, k) => {
        if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v;
      });
      res.writeHead(upstream.status, out);
      res.end(text);
      return;
    }
    if (!contentType.startsWith('multipart/form-data; boundary=')) {
      const p = problem([`content-type ${contentType} is not multipart/form-data with a boundary`]);
      return send(p.status, p.body, p.type);
    }
    const form = await new Request('http://x', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: Buffer.concat(chunks),
    }).formData();
    const errors = await check(url.pathname, form);
    if (errors.length) {
      const p = problem(errors);
      return send(p.status, p.body, p.type);
    }
    if (!req.headers.authorization || prefer === '401') {
      return send(
        401,
        JSON.stringify({
          error: 'unauthorized',
          description: 'Authentication Error: Invalid Authentication Credentials',
        }),
      );
    }
    if (prefer === '400')
      return send(
        400,
        JSON.stringify({
          error: 'invalid_input',
          description: 'Error while validating input: Invalid Input',
        }),
      );
    if (prefer === '404') return send(404);
    if (url.pathname === '/project' || url.pathname === '/version') {
      const source = url.pathname === '/project' ? '/project/AABBCCDD' : '/version/IIJJKKLL';
      const body = await (await fetch(prismUrl + source)).text();
      return send(200, body);
    }
    return send(204);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
