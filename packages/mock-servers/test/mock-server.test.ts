import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  addIntegerExamples,
  breakReferenceCycles,
  loadSpec,
  PrismStartError,
  specPath,
  startMockServer,
  startPrism,
  writePrismSpec,
} from '../src/index.ts';

const here = dirname(fileURLToPath(import.meta.url));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !isAlive(pid);
}

// Every test gets its own empty temp directory, to prove nothing is left in it.
let temp: string;
let savedTmpdir: string | undefined;
beforeEach(() => {
  savedTmpdir = process.env.TMPDIR;
  temp = mkdtempSync(join(tmpdir(), 'x-mock-servers-test-'));
  process.env.TMPDIR = temp;
});
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(temp, { recursive: true, force: true });
});

describe('startMockServer', () => {
  test('serves the spec (Modrinth’s `{id|slug}` routes too) and stop() leaves nothing in the temp directory', async () => {
    const server = await startMockServer('modrinth');
    expect(readdirSync(temp)).toHaveLength(1); // the route-safe spec copy, while it runs
    const res = await fetch(`${server.url}/project/sodium`);
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty('slug');
    await server.stop();
    expect(await gone(server.pid)).toBe(true);
    expect(readdirSync(temp)).toEqual([]);
    await server.stop(); // idempotent
  });

  test('an abort while Prism starts rejects with the abort reason and leaves nothing behind', async () => {
    const controller = new AbortController();
    const reason = new Error('interrupted by SIGINT');
    setTimeout(() => controller.abort(reason), 200);
    const error = await startMockServer('itch', { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(error).toBe(reason);
    expect(readdirSync(temp)).toEqual([]);
  });

  test('a start that fails removes the spec copy', async () => {
    const error = await startMockServer('itch', { readyTimeoutMs: 1 }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/not ready after 1 ms/);
    expect(readdirSync(temp)).toEqual([]);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`${signal} to a program holding a mock server stops Prism and removes the spec copy`, async () => {
      const holder = spawn(process.execPath, [join(here, 'fixtures/hold-mock-server.ts')], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, TMPDIR: temp },
      });
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        holder.stdout.on('data', (c) => {
          out += c;
          if (out.includes('\n')) resolve(out.split('\n')[0] as string);
        });
        holder.once('exit', (code) => reject(new Error(`holder exited early (${code})`)));
      });
      const { pid } = JSON.parse(line) as { pid: number };
      expect(readdirSync(temp)).toHaveLength(1);
      const exited = new Promise((r) => holder.once('exit', r));
      holder.kill(signal);
      await exited;
      expect(await gone(pid)).toBe(true);
      expect(readdirSync(temp)).toEqual([]);
    });
  }
});

describe('startPrism', () => {
  test('stop() ends the process: the PID is gone afterwards', async () => {
    const spec = writePrismSpec(loadSpec(specPath('itch')));
    const server = await startPrism(spec);
    expect(isAlive(server.pid)).toBe(true);
    await server.stop();
    expect(await gone(server.pid)).toBe(true);
    await server.stop(); // idempotent
  });

  test('a bad spec path fails fast with Prism’s own output', async () => {
    const started = Date.now();
    const error = await startPrism('/nonexistent/spec.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrismStartError);
    expect((error as PrismStartError).message).toMatch(/exited before it was ready/);
    expect((error as PrismStartError).output).toMatch(/nonexistent\/spec\.yaml|ENOENT/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  test('a server that never becomes ready fails with a clear error and is stopped', async () => {
    // A readiness budget too short for Prism to load the spec.
    const spec = writePrismSpec(loadSpec(specPath('itch')));
    const error = await startPrism(spec, { readyTimeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrismStartError);
    expect((error as Error).message).toMatch(/not ready after 1 ms/);
    expect((error as Error).message).toContain('--- Prism output ---');
  });
});

describe('addIntegerExamples', () => {
  test('gives example-less integers their minimum or 1, and leaves the rest alone', () => {
    const doc = {
      a: { type: 'integer' },
      b: { type: 'integer', minimum: 5 },
      c: { type: 'integer', example: 42 },
      d: { type: ['integer', 'null'], enum: [1, 2] },
      e: { type: 'string' },
      f: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 0 } },
    };
    addIntegerExamples(doc);
    expect(doc).toEqual({
      a: { type: 'integer', example: 1 },
      b: { type: 'integer', minimum: 5, example: 5 },
      c: { type: 'integer', example: 42 },
      d: { type: ['integer', 'null'], enum: [1, 2] },
      e: { type: 'string' },
      f: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 0, example: 0 } },
    });
  });
});

describe('loadSpec with a patch', () => {
  test('the operations are listed from the patched document; a failing patch names the file', () => {
    const moved = loadSpec(specPath('itch'), (doc) => {
      const paths = (doc as { paths: Record<string, unknown> }).paths;
      paths['/moved'] = paths['/login'];
      delete paths['/login'];
    });
    const login = moved.operations.find((o) => o.operationId === 'loginWithPassword');
    expect(login?.path).toBe('/moved');
    expect(() =>
      loadSpec(specPath('itch'), () => {
        throw new Error('boom');
      }),
    ).toThrow(/the patch of .*itch\.openapi\.json failed/);
  });
});

describe('breakReferenceCycles', () => {
  test('a reference back into a schema on the walk becomes its required, reference-free fields', () => {
    const doc = {
      components: {
        schemas: {
          A: {
            type: 'object',
            required: ['id', 'b'],
            properties: { id: { type: 'integer' }, b: { $ref: '#/components/schemas/B' } },
          },
          B: {
            type: 'object',
            properties: { a: { $ref: '#/components/schemas/A' }, name: { type: 'string' } },
          },
        },
      },
    };
    expect(breakReferenceCycles(doc)).toEqual(['#/components/schemas/B/properties/a']);
    expect(doc.components.schemas.B.properties.a).toEqual({
      type: 'object',
      properties: { id: { type: 'integer' } },
      required: ['id'],
    });
    expect(doc.components.schemas.A.properties.b).toEqual({ $ref: '#/components/schemas/B' });
  });
});
