/** @x/core wraps a failure of the underlying fetch (here, a contract violation) as `cause`. */
export function rootCause(error: unknown): unknown {
  let e = error;
  while (e instanceof Error && e.cause !== undefined && !(e.name === 'ContractViolationError')) {
    e = e.cause;
  }
  return e;
}
