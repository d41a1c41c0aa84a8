import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

export interface Operation {
  operationId: string;
  method: string;
  /** The path template as the spec writes it, e.g. `/project/{id|slug}`. */
  path: string;
  /** Documented response status codes (`200`, `404`, `default`, ...). */
  statuses: string[];
}

export interface LoadedSpec {
  /** File name without extension, e.g. `modrinth.openapi`; names the coverage report. */
  name: string;
  file: string;
  /** `3.0` (OpenAPI 3.0, JSON Schema draft-04 dialect) or `3.1` (JSON Schema 2020-12). */
  version: '3.0' | '3.1';
  // biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked generically
  doc: any;
  operations: Operation[];
}

/**
 * Changes a parsed document in place before its operations are listed: the
 * SDKs' generator input patches, so mocks and validators read the document the
 * SDK was generated from.
 */
export type SpecPatch = (doc: unknown) => void;

/**
 * Reads an OpenAPI document (JSON or YAML), applies `patch` if given, and
 * lists its operations. Errors name the file.
 */
export function loadSpec(file: string, patch?: SpecPatch): LoadedSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`mock-servers: cannot read spec ${file}`, { cause });
  }
  const doc = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  const openapi = String(doc?.openapi ?? '');
  if (!/^3\.[01]\./.test(openapi)) {
    throw new Error(
      `mock-servers: ${file} is not an OpenAPI 3.0/3.1 document (openapi: ${openapi || 'missing'})`,
    );
  }
  if (patch) {
    try {
      patch(doc);
    } catch (cause) {
      throw new Error(`mock-servers: the patch of ${file} failed`, { cause });
    }
  }
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      // biome-ignore lint/suspicious/noExplicitAny: OpenAPI operation object
      const op = item[method] as any;
      if (!op) continue;
      operations.push({
        operationId: op.operationId ?? `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        statuses: Object.keys(op.responses ?? {}),
      });
    }
  }
  return {
    name: basename(file, extname(file)),
    file,
    version: openapi.startsWith('3.1') ? '3.1' : '3.0',
    doc,
    operations,
  };
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(s: string): string {
  return s.replaceAll('~', '~0').replaceAll('/', '~1');
}
