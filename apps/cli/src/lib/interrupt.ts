import { ExitError } from './errors.js';

/**
 * Ctrl-C (SIGINT) and SIGTERM for the whole process, caught from the first
 * moment the CLI runs. The first signal aborts `interrupted` (every command
 * passes it down, so downloads and server starts stop and clean up); a second
 * one exits at once. Inside `withSignalsDeferred` (the file swap) signals wait
 * until the section ends, so a swap is never cut in the middle.
 */
const controller = new AbortController();
export const interrupted: AbortSignal = controller.signal;

let deferring = 0;
let pending: NodeJS.Signals | undefined;

const say = (message: string) => process.stderr.write(`${message}\n`);

function onSignal(signal: NodeJS.Signals): void {
  if (deferring > 0) {
    if (!pending) say(`\n${signal}: finishing the file swap first, then stopping`);
    pending = signal;
    return;
  }
  if (controller.signal.aborted) {
    say(`${signal} again: stopping now (the next command cleans up)`);
    process.exit(130);
  }
  say(`\n${signal}: stopping`);
  controller.abort(new ExitError(`interrupted by ${signal}`, 130));
}

let installed = false;
export function installInterruptHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Runs `section` with SIGINT/SIGTERM held back; a signal received meanwhile is acted on after. */
export async function withSignalsDeferred<T>(section: () => Promise<T>): Promise<T> {
  deferring++;
  try {
    return await section();
  } finally {
    deferring--;
    if (deferring === 0 && pending) {
      const signal = pending;
      pending = undefined;
      onSignal(signal);
    }
  }
}
