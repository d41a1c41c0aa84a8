// What a browser case gets and may use. Cases run in the page (Chromium),
// throw on failure and return a one-line detail for the test output.

/** Handed to every case by the driver (scripts/browser-suite.mjs). */
export interface SuiteEnv {
  /** The API origin clients point at (scripted, permissive CORS). */
  api: string;
  /** A second origin: a CDN, or where a cross-origin redirect leads. */
  other: string;
  /**
   * A server with Modrinth's rate-limit rules (GCRA: a burst of 100, refilled
   * at 100 per 2 s) and its CORS (no header exposed); one case uses it.
   */
  labrinth: string;
  /** Prism mocks of both specs (CORS on). */
  prism: { modrinth: string; itch: string };
}

export interface BrowserCase {
  /** Unique across files; the test output names the leg after it. */
  name: string;
  run(env: SuiteEnv): Promise<string>;
}

/** One request a scripted origin received. */
export interface Arrival {
  origin: 'api' | 'other';
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  bodyBytes: number;
  /** The body as text when it is at most 10,000 bytes. */
  text?: string;
  /** How many body bytes are 'Z' (uploads send Z-filled blobs). */
  zBytes: number;
}

/** A fresh tag: put it in a case's URLs (`/t/<tag>/...`) to find its own arrivals. */
export function newTag(): string {
  return crypto.randomUUID().slice(0, 8);
}

/** What `origin` received with `tag` in its path. */
export async function arrivals(origin: string, tag: string): Promise<Arrival[]> {
  const response = await fetch(`${origin}/__log?tag=${tag}`);
  return (await response.json()) as Arrival[];
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** The error `promise` rejects with; fails if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    const value = await promise;
    throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('expected a rejection')) throw error;
    return error as Error;
  }
}
