/**
 * Base of every error @x/core throws, except aborts: a caller's abort rejects
 * with the platform's abort error (`signal.reason`, a `DOMException` named
 * `AbortError` by default), exactly like `fetch`.
 *
 * No error holds the `Request` or any credential: URLs are redacted and
 * headers are copied with sensitive values replaced.
 */
export class CoreError extends Error {
  /**
   * The `name` of this class's errors, stated because a minifier renames
   * classes (a browser bundle's `NotFoundError` may be `b`). A subclass
   * without its own keeps its class name.
   */
  static readonly errorName: string = 'CoreError';
  /** Attempts made before this error was thrown (set by CoreFetch). */
  attempts?: number;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = Object.hasOwn(new.target, 'errorName')
      ? (new.target as typeof CoreError).errorName
      : new.target.name;
    Object.setPrototypeOf(this, new.target.prototype);
  }

  /** A serialisable view (no credentials). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'cause') out[key] = value;
    }
    return out;
  }
}
