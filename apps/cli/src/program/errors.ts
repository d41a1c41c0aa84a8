import { ApiError } from '@x/core';
import { type Command, CommanderError, InvalidArgumentError } from 'commander';
import pc from 'picocolors';
import { EXIT, ExitError } from '../lib/errors.js';

/** Every command's usage line follows its usage errors (commander prints both). */
export function addUsageLines(command: Command, prefix = ''): void {
  const name = `${prefix}${command.name()}`;
  command.showHelpAfterError(`usage: ${name} ${command.usage()}`);
  for (const sub of command.commands) addUsageLines(sub, `${name} `);
}

/** With --json, a failure is one JSON document on stdout too, so scripts never parse nothing. */
function printJsonError(error: unknown, code: number): void {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const detail: Record<string, unknown> = {
    message: message?.replace(/^error: /, ''),
    exitCode: code,
    kind: code === EXIT.usage ? 'usage' : code === 130 ? 'interrupted' : 'failure',
  };
  if (error instanceof ApiError) detail.status = error.status;
  const url = (error as { url?: unknown }).url;
  if (typeof url === 'string') detail.url = url;
  process.stdout.write(`${JSON.stringify({ error: detail }, null, 2)}\n`);
}

/** Maps any failure to one line on stderr and an exit code scripts can rely on. */
export function reportError(error: unknown, verbose: boolean, json = false): number {
  const code = exitCodeOf(error);
  if (json && code !== EXIT.ok) printJsonError(error, code);
  if (error instanceof CommanderError) return code; // commander already printed its message
  if (error instanceof InvalidArgumentError) {
    process.stderr.write(`error: ${error.message}\n`);
    return code;
  }
  const message = error instanceof Error ? error.message : String(error);
  const prefix = error instanceof ApiError ? `${error.name}: ` : '';
  process.stderr.write(`${pc.red('error:')} ${prefix}${message.split('\n')[0]}\n`);
  if (verbose && error instanceof Error)
    process.stderr.write(
      `${error.stack ?? ''}\n${error.cause ? `cause: ${String(error.cause)}\n` : ''}`,
    );
  return code;
}

function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof InvalidArgumentError) return EXIT.usage;
  return error instanceof ExitError ? error.code : EXIT.failure;
}
