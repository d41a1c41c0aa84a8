import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { type LoadedSpec, type Operation, pointerSegment } from './spec.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

/**
 * OpenAPI 3.0 marks a property `nullable: true`, but where the same schema has
 * an `enum` that omits `null`, a strict validator still rejects `null`
 * (Modrinth's `requested_status`, `files[].file_type`: real responses send
 * null). The spec's intent is "nullable", so the validator's copy of the
 * document adds `null` to such enums; @x/modrinth's generator config applies
 * the same rule, so its types include `null` there too.
 */
// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are walked generically
export function honourNullableEnums(node: any): void {
  if (Array.isArray(node)) {
    for (const item of node) honourNullableEnums(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (node.nullable === true && Array.isArray(node.enum) && !node.enum.includes(null)) {
    node.enum = [...node.enum, null];
  }
  for (const value of Object.values(node)) honourNullableEnums(value);
}

export interface ResponseCheck {
  ok: boolean;
  /** Human-readable violations, empty when ok. */
  errors: string[];
}

export interface ResponseValidator {
  check(op: Operation, status: number, contentType: string | null, body: unknown): ResponseCheck;
}

const SPEC_ID = 'x-spec';

export function createResponseValidator(spec: LoadedSpec): ResponseValidator {
  const doc = structuredClone(spec.doc);
  if (spec.version === '3.0') honourNullableEnums(doc);
  const options = { strict: false, allErrors: true, logger: false as const, validateFormats: true };
  const ajv = spec.version === '3.1' ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv as unknown as Ajv);
  // Modrinth's date format is named `ISO-8601`, which no JSON Schema dialect
  // defines. Unknown formats are annotations, not assertions (JSON Schema
  // 2020-12 §7.2), and Prism fills them with placeholder strings: accept any.
  ajv.addFormat('ISO-8601', true);
  ajv.addSchema(doc, SPEC_ID);
  const compiled = new Map<string, ValidateFunction | null>();

  function schemaFor(op: Operation, statusKey: string, mediaType: string): ValidateFunction | null {
    const key = `${op.method} ${op.path} ${statusKey} ${mediaType}`;
    if (compiled.has(key)) return compiled.get(key) ?? null;
    const response = doc.paths[op.path][op.method.toLowerCase()].responses[statusKey];
    const resolved = response?.$ref ? resolveRef(doc, response.$ref) : response;
    let fn: ValidateFunction | null = null;
    if (resolved?.content?.[mediaType]?.schema) {
      const pointer = response?.$ref
        ? `${response.$ref}/content/${pointerSegment(mediaType)}/schema`
        : `#/paths/${pointerSegment(op.path)}/${op.method.toLowerCase()}/responses/${statusKey}/content/${pointerSegment(mediaType)}/schema`;
      fn = ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
    }
    compiled.set(key, fn);
    return fn;
  }

  return {
    check(op, status, contentType, body) {
      const declared = op.statuses;
      const statusKey = declared.includes(String(status))
        ? String(status)
        : declared.includes(`${String(status)[0]}XX`)
          ? `${String(status)[0]}XX`
          : declared.includes('default')
            ? 'default'
            : undefined;
      if (!statusKey) {
        return {
          ok: false,
          errors: [
            `${op.operationId}: status ${status} is not documented (documented: ${declared.join(', ')})`,
          ],
        };
      }
      const op0 = doc.paths[op.path][op.method.toLowerCase()].responses[statusKey];
      const response = op0?.$ref ? resolveRef(doc, op0.$ref) : op0;
      const mediaTypes = Object.keys(response?.content ?? {});
      if (mediaTypes.length === 0) return { ok: true, errors: [] };
      const mediaType = pickMediaType(mediaTypes, contentType);
      if (!mediaType) {
        return {
          ok: false,
          errors: [
            `${op.operationId} ${status}: content-type ${contentType ?? '(none)'} is not one of ${mediaTypes.join(', ')}`,
          ],
        };
      }
      if (!/json/i.test(mediaType)) return { ok: true, errors: [] };
      const validate = schemaFor(op, statusKey, mediaType);
      if (!validate || validate(body)) return { ok: true, errors: [] };
      return {
        ok: false,
        errors: (validate.errors ?? []).map(
          (e) =>
            `${op.operationId} ${status}: body${e.instancePath || ''} ${e.message ?? 'is invalid'}${formatParams(e.params)}`,
        ),
      };
    },
  };
}

function formatParams(params: Record<string, unknown>): string {
  const allowed = params.allowedValues as unknown[] | undefined;
  return allowed ? ` (${allowed.map((v) => JSON.stringify(v)).join(', ')})` : '';
}

function pickMediaType(declared: string[], contentType: string | null): string | undefined {
  const actual = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    declared.find((m) => m.toLowerCase() === actual) ??
    declared.find((m) => m === '*/*') ??
    // A JSON response whose media type differs only in suffix/vendor still counts as JSON.
    (/json/.test(actual) ? declared.find((m) => /json/i.test(m)) : undefined)
  );
}

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI document
function resolveRef(doc: any, ref: string): any {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((node, seg) => node?.[seg.replaceAll('~1', '/').replaceAll('~0', '~')], doc);
}
