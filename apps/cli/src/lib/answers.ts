import { redactUrl } from '@x/core';
import type { z } from 'zod';
import { ExitError } from './errors.js';

/**
 * Every answer the app relies on is checked before anyone reads it: a 2xx
 * must be JSON (not an HTML page, not cut short), and where the app knows the
 * route, of the shape it needs (`{}` where a list belongs is refused). A wrong
 * answer is a `BadAnswerError` naming the URL and what was wrong.
 */
export class BadAnswerError extends ExitError {
  override name = 'BadAnswerError';
  readonly url: string;
  constructor(url: string, problem: string) {
    const shown = redactUrl(url);
    super(`bad answer from ${shown}: ${problem}`);
    this.url = shown;
  }
}

export interface AnswerRoute {
  method: 'GET' | 'POST';
  /** Matched against the path after the API's base path, e.g. `/version_files`. */
  path: RegExp;
  schema: z.ZodType;
}

/** Wraps the fetch an SDK sends with, checking each successful answer. */
export function checkAnswers(
  baseUrl: string,
  routes: AnswerRoute[],
  send: (request: Request) => Promise<Response> = (request) => fetch(request),
): (request: Request) => Promise<Response> {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/$/, '');
  return async (request) => {
    const response = await send(request);
    if (response.status < 200 || response.status > 299 || response.status === 204) return response;
    const url = new URL(request.url);
    const path = url.pathname.startsWith(basePath)
      ? url.pathname.slice(basePath.length)
      : url.pathname;
    // Only the API's own routes the app reads; files (a CDN, a redirect target) pass as they are.
    const route =
      url.origin === base.origin &&
      routes.find((r) => r.method === request.method && r.path.test(path));
    if (!route) return response;
    const body = await readJson(request.url, response);
    const checked = route.schema.safeParse(body);
    if (!checked.success) {
      throw new BadAnswerError(request.url, `unexpected shape (${describeIssue(checked.error)})`);
    }
    const headers = new Headers(response.headers);
    // The body is decoded text now: its old length and encoding no longer apply.
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(JSON.stringify(body), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}

async function readJson(url: string, response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new BadAnswerError(url, `the answer was cut short (${(cause as Error).message})`);
  }
  if (type && !/json/i.test(type)) {
    throw new BadAnswerError(url, `expected JSON, got ${type.split(';')[0]} (${preview(text)})`);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new BadAnswerError(url, `invalid JSON (${(cause as Error).message}): ${preview(text)}`);
  }
}

const preview = (text: string) =>
  text.trim() ? JSON.stringify(text.trim().slice(0, 40)) : 'an empty body';

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'no details';
  const where = issue.path.length ? issue.path.join('.') : 'the body';
  const more = error.issues.length > 1 ? ` and ${error.issues.length - 1} more` : '';
  return `${where}: ${issue.message}${more}`;
}
