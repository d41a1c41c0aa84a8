/**
 * True in browsers and browser-like workers, which forbid setting
 * `User-Agent`: a `document`, or a `navigator` without a Node-style `process`.
 */
export function isBrowserLike(): boolean {
  const g = globalThis as Record<string, unknown>;
  return (
    typeof g.document !== 'undefined' ||
    (typeof g.navigator !== 'undefined' && typeof g.process === 'undefined')
  );
}
