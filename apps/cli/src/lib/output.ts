import Table from 'cli-table3';
import pc from 'picocolors';

export interface GlobalOptions {
  json?: boolean;
  verbose?: boolean;
  live?: boolean;
}

/**
 * Where results go: stdout carries the result (a table for people, one JSON
 * document with --json); stderr carries progress and notes, and stays quiet
 * when it is not a terminal.
 */
export class Output {
  readonly json: boolean;
  readonly verbose: boolean;
  readonly interactive: boolean;
  constructor(options: GlobalOptions, stderrIsTty = Boolean(process.stderr.isTTY)) {
    this.json = Boolean(options.json);
    this.verbose = Boolean(options.verbose);
    this.interactive = stderrIsTty && !this.json;
  }

  /** A note for people (mock-data banner, summaries); never mixed into --json output. */
  note(message: string): void {
    if (!this.json) process.stderr.write(`${message}\n`);
  }

  debug(message: string): void {
    if (this.verbose) process.stderr.write(`${pc.dim(message)}\n`);
  }

  /** Prints the command's result: `data` as JSON, or the rows as a table. */
  result(
    data: unknown,
    table?: { head: string[]; rows: (string | number)[][] },
    footer?: string,
  ): void {
    if (this.json) {
      process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      return;
    }
    if (table && table.rows.length > 0) {
      const t = new Table({
        head: table.head.map((h) => pc.bold(h)),
        style: { head: [], border: [] },
      });
      t.push(...table.rows.map((r) => r.map(String)));
      process.stdout.write(`${t.toString()}\n`);
    }
    if (footer) process.stdout.write(`${footer}\n`);
  }
}
