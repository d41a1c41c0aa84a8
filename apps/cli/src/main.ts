import { Command, Option } from 'commander';
import { httpUrl, positiveInt } from './lib/arguments.js';
import { EXIT } from './lib/errors.js';
import { registerApiCommands } from './program/apis.js';
import { addUsageLines, reportError } from './program/errors.js';
import { registerManageCommands } from './program/manage.js';
import { registerModCommands } from './program/mods.js';
import { VERSION } from './version.js';

export function buildProgram(): Command {
  const program = new Command('x-update')
    .description('Keep Minecraft mods (Modrinth) and itch.io games up to date.')
    .version(VERSION)
    .option('--json', 'machine-readable output on stdout')
    .option('--verbose', 'show error details')
    .option(
      '--live',
      'use the real APIs (keys from MODRINTH_TOKEN / ITCH_API_KEY); default: local mock servers',
    )
    .addOption(
      new Option(
        '--modrinth-url <url>',
        'use another Modrinth API server (e.g. staging)',
      ).argParser(httpUrl),
    )
    .addOption(new Option('--itch-url <url>', 'use another itch.io API server').argParser(httpUrl))
    .addOption(
      new Option('--timeout <seconds>', 'give up on a download that sends nothing for this long')
        .argParser(positiveInt)
        .default(30),
    )
    .exitOverride();

  registerModCommands(program);
  registerManageCommands(program);
  registerApiCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  addUsageLines(program);
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, argv.includes('--verbose'), argv.includes('--json'));
  }
}
