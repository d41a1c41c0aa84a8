/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** An expected failure: print its message as one line and exit with `code`. */
export class ExitError extends Error {
  override name = 'ExitError';
  readonly code: number;
  constructor(message: string, code: number = EXIT.failure, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
