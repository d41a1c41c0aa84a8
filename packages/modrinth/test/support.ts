import { type Contract, contract, createContractFetch } from '@x/contract-testing';
import { inject } from 'vitest';

/**
 * Prism's mock answers that break the spec they come from, in exactly two
 * kinds of ways (found by running every operation; reported to the harness owner):
 * - `format: ISO-8601` strings without an `example`: Prism's static mode
 *   fills in the literal `"string"`, which the validator (rightly) rejects.
 * - the spec's own examples contradict their types: `payout_data.balance`
 *   (`type: integer`, example `10.11223344556678`) and the payout history's
 *   `all_time` / `last_month` (`type: string`, numeric examples).
 * This fetch repairs only those values in Prism's answer, before the
 * contract checks run, so the SDK is still checked against the spec.
 */
const DATE_KEYS = new Set([
  'date',
  'date_published',
  'date_created',
  'date_modified',
  'created',
  'published',
  'updated',
  'approved',
  'queued',
  'time',
]);

export const repairs: string[] = [];

function repair(node: unknown, path: string): unknown {
  if (Array.isArray(node)) return node.map((v, i) => repair(v, `${path}/${i}`));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (DATE_KEYS.has(k) && v === 'string') {
      repairs.push(`${path}/${k}: "string" -> ISO-8601 date`);
      out[k] = '2023-02-05T19:39:55.551839Z';
    } else if (k === 'balance' && typeof v === 'number' && !Number.isInteger(v)) {
      repairs.push(`${path}/${k}: ${v} -> integer`);
      out[k] = Math.round(v);
    } else if ((k === 'all_time' || k === 'last_month') && typeof v === 'number') {
      repairs.push(`${path}/${k}: ${v} -> string`);
      out[k] = String(v);
    } else {
      out[k] = repair(v, `${path}/${k}`);
    }
  }
  return out;
}

/** Prism's JSON text with the two placeholder kinds repaired. */
export function repairJson(text: string): string {
  return JSON.stringify(repair(JSON.parse(text), ''));
}

async function repairPrism(request: Request): Promise<Response> {
  const response = await fetch(request);
  if (!/json/.test(response.headers.get('content-type') ?? '') || response.status === 204) {
    return response;
  }
  const text = await response.text();
  if (!text) return new Response(text, response);
  return new Response(repairJson(text), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * `contract('modrinth')` with Prism's placeholder repair underneath: same
 * Prism, same request and response validation, same coverage records.
 */
export function prism(): Contract {
  const c = contract('modrinth');
  return {
    ...c,
    fetch: createContractFetch({
      spec: c.spec,
      baseUrl: c.baseUrl,
      recordsDir: inject('xContract').recordsDir,
      fetch: repairPrism,
    }),
  };
}

/** @x/core wraps a failure of the underlying fetch (here, a contract violation) as `cause`. */
export function rootCause(error: unknown): unknown {
  let e = error;
  while (e instanceof Error && e.cause !== undefined && !(e.name === 'ContractViolationError')) {
    e = e.cause;
  }
  return e;
}
