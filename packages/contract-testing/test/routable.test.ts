import { describe, expect, inject, test } from 'vitest';
import { specPath } from '../src/paths.ts';
import { startPrism } from '../src/prism.ts';
import type { Operation } from '../src/spec.ts';
import { loadPatchedSpec } from '../src/spec-patches.ts';

/** Fills a path template with values Prism accepts: integers where the spec wants them. */
// biome-ignore lint/suspicious/noExplicitAny: OpenAPI document
function concretePath(doc: any, op: Operation): string {
  const item = doc.paths[op.path];
  // biome-ignore lint/suspicious/noExplicitAny: parameter objects
  const params: any[] = [
    ...(item.parameters ?? []),
    ...(item[op.method.toLowerCase()].parameters ?? []),
  ].map((p) =>
    p.$ref
      ? p.$ref
          .split('/')
          .slice(1)
          .reduce((n: Record<string, unknown>, k: string) => n[k] as Record<string, unknown>, doc)
      : p,
  );
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const type = params.find((p) => p.name === name && p.in === 'path')?.schema?.type;
    return type === 'integer' || type === 'number' ? '1' : 'abc';
  });
}

// Prism's answer when it has no such route: 404 problem+json NO_PATH_MATCHED_ERROR (or a 405).
async function isRouted(res: Response): Promise<boolean> {
  if (res.status !== 404 && res.status !== 405) return true;
  const body = await res.text();
  return !/NO_PATH_MATCHED|NO_METHOD_MATCHED/.test(body);
}

for (const name of ['itch', 'modrinth'] as const) {
  describe(`every path of ${name} is routable through the harness's Prism`, () => {
    // The harness's Prism serves the spec as the SDK is generated from it.
    const spec = loadPatchedSpec(name);
    for (const op of spec.operations) {
      test(`${op.method} ${op.path}`, async () => {
        const base = inject('xContract').servers[name]?.url;
        const res = await fetch(`${base}${concretePath(spec.doc, op)}`, {
          method: op.method,
          headers: { authorization: name === 'itch' ? 'Bearer test' : 'mrp_test' },
        });
        expect(await isRouted(res), `${op.method} ${op.path} answered ${res.status}`).toBe(true);
      });
    }
  });
}

test('without the derived copy, Prism cannot route Modrinth’s `{id|slug}` paths (why the copy exists)', async () => {
  const server = await startPrism(specPath('modrinth'));
  try {
    const res = await fetch(`${server.url}/project/sodium`);
    expect(await isRouted(res)).toBe(false);
  } finally {
    await server.stop();
  }
});
