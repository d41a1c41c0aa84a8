// Error names survive a minifier: a browser bundle renames classes (Vite and
// esbuild turn `NotFoundError` into `b`), and users log, compare and
// serialise `error.name`. Bundles the built browser entry as an application's
// bundler does (esbuild, minified), then builds each error from the bundle.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

type Core = typeof import('../src/index.js');

async function minifiedCore(): Promise<{ core: Core; code: string }> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../dist/browser/index.js', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
  });
  const code = result.outputFiles[0]?.text ?? '';
  const core = (await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  )) as Core;
  return { core, code };
}

describe('error names in a minified bundle', () => {
  it('every error class keeps its name, and a user subclass gets its own', async () => {
    const { core, code } = await minifiedCore();
    // The minifier did rename the classes: the names below come from the classes themselves.
    expect(code).not.toMatch(/class NotFoundError\b/);
    const init = { status: 0, statusText: '', method: 'GET', url: 'https://x.test/', body: '' };
    const byStatus: Record<number, string> = {
      400: 'BadRequestError',
      401: 'AuthenticationError',
      403: 'PermissionDeniedError',
      404: 'NotFoundError',
      409: 'ConflictError',
      410: 'GoneError',
      422: 'UnprocessableEntityError',
      429: 'RateLimitError',
      500: 'InternalServerError',
      418: 'ApiError',
    };
    for (const [status, name] of Object.entries(byStatus)) {
      const error = core.ApiError.from({ ...init, status: Number(status) });
      expect(error.name).toBe(name);
      expect(error.toJSON().name).toBe(name);
    }
    expect(new core.CoreError('x').name).toBe('CoreError');
    expect(new core.ConnectionError({ method: 'GET', url: 'https://x.test/' }).name).toBe(
      'ConnectionError',
    );
    expect(
      new core.TimeoutError({ method: 'GET', url: 'https://x.test/', timeoutMs: 1 }).name,
    ).toBe('TimeoutError');
    expect(
      new core.UnexpectedResponseError('not JSON', {
        status: 200,
        contentType: 'text/html',
        url: 'https://x.test/',
      }).name,
    ).toBe('UnexpectedResponseError');
    class MyError extends core.NotFoundError {}
    expect(new MyError({ ...init, status: 404 }).name).toBe('MyError');
  });
});
