import type { ModrinthClient } from '@x/modrinth';
import type { Command } from 'commander';
import { Option } from 'commander';
import pc from 'picocolors';
import { modrinthClient } from '../clients.js';
import { type ApiName, type Endpoints, openEndpoints } from '../context.js';
import { openFolder } from '../lib/folder-session.js';
import { interrupted } from '../lib/interrupt.js';
import { type GlobalOptions, Output } from '../lib/output.js';
import { CHANNELS, type Channel } from '../lib/profile.js';
import { checkTag, tagLists } from '../lib/tags.js';

const MOCK_NOTE =
  'mock data: answers come from Prism mock servers built from specs/ (use --live for the real APIs)';

export interface Run {
  out: Output;
  endpoints: Endpoints;
  signal: AbortSignal;
  /** Seconds without a byte before a download counts as stalled. */
  stallMs: number;
}

type ProgramOptions = GlobalOptions & { modrinthUrl?: string; itchUrl?: string; timeout: number };

/**
 * Opens what a command needs (the mods folder first, when it has one: locked
 * and recovered), runs it, and always closes the mock servers and the folder.
 */
export async function run(
  program: Command,
  need: ApiName[],
  body: (r: Run) => Promise<void>,
  folder?: { dir: string; write: boolean },
): Promise<void> {
  const opts = program.opts<ProgramOptions>();
  const out = new Output(opts);
  const signal = interrupted;
  signal.throwIfAborted();
  const session = folder ? await openFolder(folder.dir, { write: folder.write }) : undefined;
  try {
    for (const note of session?.notes ?? []) out.note(`${folder?.dir}: ${note}`);
    await withEndpoints(opts, need, signal, (endpoints) =>
      body({ out, endpoints, signal, stallMs: opts.timeout * 1000 }),
    );
  } finally {
    session?.release();
  }
}

async function withEndpoints(
  opts: ProgramOptions,
  need: ApiName[],
  signal: AbortSignal,
  body: (endpoints: Endpoints) => Promise<void>,
): Promise<void> {
  const out = new Output(opts);
  const endpoints = await openEndpoints(need, {
    ...(opts.live ? { live: true } : {}),
    ...(opts.modrinthUrl ? { modrinthUrl: opts.modrinthUrl } : {}),
    ...(opts.itchUrl ? { itchUrl: opts.itchUrl } : {}),
    signal,
  });
  try {
    if (endpoints.mock) out.note(pc.yellow(MOCK_NOTE));
    await body(endpoints);
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw error;
  } finally {
    await endpoints.close();
  }
}

/**
 * Checks --loader and --game-version against Modrinth's tag lists (cached),
 * and says which loader is assumed when none was given.
 */
export const checkFilters = async (
  cmd: Command,
  o: { loader: string; gameVersion: string },
  { out, endpoints, signal }: Run,
) => {
  if (cmd.getOptionValueSource('loader') === 'default') {
    out.note(`loader: ${o.loader} (assumed; choose another with --loader)`);
  }
  // Prism's tag lists hold one example each: nothing to check against.
  if (endpoints.mock) return;
  const url = endpoints.urls.modrinth as string;
  const tags = await tagLists(modrinthClient(url), url, signal);
  checkTag('--loader', o.loader, tags.loaders, 'loader');
  checkTag('--game-version', o.gameVersion, tags.gameVersions, 'game version');
};

export const filters = (cmd: Command) =>
  cmd
    .option('--loader <loader>', 'mod loader to find versions for', 'fabric')
    .requiredOption(
      '--game-version <version>',
      'Minecraft version to find versions for, e.g. 1.20.4',
    )
    .addOption(
      new Option(
        '--channel <channel>',
        'newest of: release, beta (and releases), alpha (all)',
      ).choices(CHANNELS),
    );

/** A mods-folder command's Modrinth filters. */
export interface Filters {
  loader: string;
  gameVersion: string;
  channel?: Channel;
}

/**
 * Runs a command on a mods folder that asks Modrinth: the folder opened
 * (locked, recovered), the filters checked, a client ready.
 */
export function onModsFolder(
  program: Command,
  cmd: Command,
  folder: { dir: string; write: boolean },
  o: Filters,
  body: (r: Run & { client: ModrinthClient }) => Promise<void>,
): Promise<void> {
  return run(
    program,
    ['modrinth'],
    async (r) => {
      await checkFilters(cmd, o, r);
      await body({ ...r, client: modrinthClient(r.endpoints.urls.modrinth as string) });
    },
    folder,
  );
}
