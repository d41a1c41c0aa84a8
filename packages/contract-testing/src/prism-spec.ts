import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadedSpec } from './spec.ts';

/**
 * Prism matches no route whose path-parameter name contains `|` (Modrinth's
 * `{id|slug}`, `{id|number}`, `{id|username}`): those routes answer 404. Prism
 * gets a derived copy with such names rewritten (`id|slug` -> `id_slug`); the
 * URLs on the wire are identical, and the SDKs keep the original spec.
 */
export function prismSafeName(name: string): string {
  return name.replaceAll('|', '_');
}

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI objects are walked generically
function renameParams(params: any[] | undefined): void {
  for (const p of params ?? []) {
    if (p && p.in === 'path' && typeof p.name === 'string') p.name = prismSafeName(p.name);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI document
export function derivePrismDocument(doc: any): any {
  const copy = structuredClone(doc);
  const paths: Record<string, unknown> = {};
  for (const [template, item] of Object.entries<Record<string, unknown>>(copy.paths ?? {})) {
    const renamed = template.replace(
      /\{([^}]+)\}/g,
      (_, name: string) => `{${prismSafeName(name)}}`,
    );
    // biome-ignore lint/suspicious/noExplicitAny: path item
    const pathItem = item as any;
    renameParams(pathItem.parameters);
    for (const value of Object.values(pathItem)) {
      if (value && typeof value === 'object' && 'responses' in value) {
        renameParams((value as { parameters?: unknown[] }).parameters);
      }
    }
    paths[renamed] = pathItem;
  }
  copy.paths = paths;
  renameParams(Object.values(copy.components?.parameters ?? {}));
  return copy;
}

/** Writes the Prism copy of a spec to a fresh temporary folder and returns its path. */
export function writePrismSpec(spec: LoadedSpec): string {
  const dir = mkdtempSync(join(tmpdir(), 'x-prism-spec-'));
  const file = join(dir, `${spec.name}.prism.json`);
  writeFileSync(file, JSON.stringify(derivePrismDocument(spec.doc)));
  return file;
}
