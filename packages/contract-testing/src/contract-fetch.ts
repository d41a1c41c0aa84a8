import { recordCoverage } from './coverage.ts';
import { matchOperation } from './match.ts';
import type { LoadedSpec } from './spec.ts';
import { createResponseValidator, type ResponseValidator } from './validate.ts';

/**
 * Traffic left the contract: a request the spec forbids (Prism's violation
 * list), a request to no documented operation, or a response whose status or
 * body the spec does not allow.
 */
export class ContractViolationError extends Error {
  override name = 'ContractViolationError';
  readonly direction: 'request' | 'response';
  readonly violations: string[];
  constructor(direction: 'request' | 'response', violations: string[], context: string) {
    super(`${direction} leaves the contract (${context}):\n  - ${violations.join('\n  - ')}`);
    this.direction = direction;
    this.violations = violations;
  }
}

export interface ContractFetchOptions {
  spec: LoadedSpec;
  /** Where the API is served; its path (e.g. `/v2`) is stripped before matching the spec's paths. */
  baseUrl: string;
  /** The fetch that really sends; @default globalThis.fetch */
  fetch?: (request: Request) => Promise<Response>;
  /** Folder for coverage records; none kept when omitted. */
  recordsDir?: string;
}

export type ContractFetch = (
  input: Request | URL | string,
  init?: RequestInit,
) => Promise<Response>;

interface PrismViolation {
  location?: string[];
  severity?: string;
  message?: string;
}

const validators = new WeakMap<LoadedSpec, ResponseValidator>();

function describeViolations(list: PrismViolation[]): string[] {
  return list.map((v) => `${(v.location ?? []).join('.') || 'request'}: ${v.message ?? 'invalid'}`);
}

/**
 * A fetch for tests: sends the request, then fails loudly when either side
 * leaves the spec, and records which (operation, status) pairs were exercised.
 */
export function createContractFetch(options: ContractFetchOptions): ContractFetch {
  const { spec } = options;
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/$/, '');
  let validator = validators.get(spec);
  if (!validator) {
    validator = createResponseValidator(spec);
    validators.set(spec, validator);
  }
  const checker = validator;

  return async (input, init) => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const url = new URL(request.url);
    const context = `${request.method} ${url.pathname}${url.search}`;
    const relative = url.pathname.startsWith(basePath)
      ? url.pathname.slice(basePath.length) || '/'
      : url.pathname;
    const op = matchOperation(spec, request.method, relative);
    if (!op) {
      throw new ContractViolationError(
        'request',
        [`no operation of ${spec.name} matches ${request.method} ${relative}`],
        context,
      );
    }
    const send = options.fetch ?? ((r: Request) => globalThis.fetch(r));
    const response = await send(request);

    const header = response.headers.get('sl-violations');
    if (header) {
      let list: PrismViolation[] = [];
      try {
        list = JSON.parse(header) as PrismViolation[];
      } catch {
        list = [{ message: header }];
      }
      const requestErrors = list.filter((v) => v.location?.[0] !== 'response');
      if (requestErrors.some((v) => v.severity !== 'Warning')) {
        throw new ContractViolationError(
          'request',
          describeViolations(requestErrors),
          `${context} -> ${response.status}`,
        );
      }
    }

    const contentType = response.headers.get('content-type');
    const text = await response.clone().text();
    let body: unknown = text;
    if (/json/i.test(contentType ?? '') && text) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ContractViolationError(
          'response',
          ['body is not valid JSON'],
          `${context} -> ${response.status}`,
        );
      }
    }
    // Prism's own errors (422 for an invalid request, 404 for an unknown route).
    // biome-ignore lint/suspicious/noExplicitAny: problem+json body
    const problem = body as any;
    if (
      /problem\+json/.test(contentType ?? '') &&
      String(problem?.type ?? '').includes('stoplight.io/prism')
    ) {
      const violations = Array.isArray(problem.validation)
        ? describeViolations(problem.validation)
        : [`${problem.title ?? 'Prism error'}: ${problem.detail ?? ''}`];
      throw new ContractViolationError('request', violations, `${context} -> ${response.status}`);
    }

    const result = checker.check(op, response.status, contentType, body);
    if (options.recordsDir) {
      const documented = op.statuses.includes(String(response.status))
        ? String(response.status)
        : op.statuses.includes('default')
          ? 'default'
          : String(response.status);
      recordCoverage(options.recordsDir, {
        spec: spec.name,
        operationId: op.operationId,
        status: documented,
      });
    }
    if (!result.ok) {
      throw new ContractViolationError(
        'response',
        result.errors,
        `${context} -> ${response.status}`,
      );
    }
    return response;
  };
}
