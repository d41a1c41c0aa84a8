import { ApiError, NotFoundError } from '@x/core';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { itchClient, modrinthClient } from './clients.js';
import { addMods } from './commands/add.js';
import * as itch from './commands/itch.js';
import { pin, remove, rollback } from './commands/manage.js';
import { exportPack, installPack } from './commands/mrpack.js';
import { describeScan, plural, scanFolder } from './commands/scan.js';
import { search } from './commands/search.js';
import { updateFolder } from './commands/update.js';
import { type ApiName, type Endpoints, openEndpoints } from './context.js';
import { collect, httpUrl, limit, positiveInt } from './lib/arguments.js';
import { EXIT, ExitError } from './lib/errors.js';
import { openFolder } from './lib/folder-session.js';
import { interrupted } from './lib/interrupt.js';
import { type GlobalOptions, Output } from './lib/output.js';
import { CHANNELS, type Channel, readProfile } from './lib/profile.js';
import { createProgress } from './lib/progress.js';
import { checkTag, tagLists } from './lib/tags.js';
import { VERSION } from './version.js';

const MOCK_NOTE =
  'mock data: answers come from Prism mock servers built from specs/ (use --live for the real APIs)';

interface Run {
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
async function run(
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

  /**
   * Checks --loader and --game-version against Modrinth's tag lists (cached),
   * and says which loader is assumed when none was given.
   */
  const checkFilters = async (
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

  const filters = (cmd: Command) =>
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

  filters(
    program
      .command('scan <dir>')
      .description('identify mod files on Modrinth and show available updates'),
  ).action(
    async (
      dir: string,
      o: { loader: string; gameVersion: string; channel?: Channel },
      cmd: Command,
    ) =>
      run(
        program,
        ['modrinth'],
        async (r) => {
          const { out, endpoints, signal } = r;
          await checkFilters(cmd, o, r);
          const profile = await readProfile(dir);
          const scan = await scanFolder(modrinthClient(endpoints.urls.modrinth as string), dir, {
            loader: o.loader,
            gameVersion: o.gameVersion,
            channel: o.channel ?? profile.channel,
            pins: profile.pins,
            signal,
          });
          const { files } = scan;
          if (endpoints.mock && files.length > 0 && files.every((f) => f.status === 'unknown')) {
            out.note("(the mock answers with the spec's examples, so it knows none of your files)");
          }
          out.result(
            {
              command: 'scan',
              mock: endpoints.mock,
              dir,
              loader: o.loader,
              gameVersion: o.gameVersion,
              files: files.map(({ newestVersion: _, installedVersion: __, ...f }) => f),
              disabled: scan.disabled,
              subfolders: scan.subfolders,
              problems: scan.problems,
            },
            {
              head: ['file', 'project', 'installed', 'newest', 'status'],
              rows: files.map((f) => [
                f.file,
                f.project?.title ?? f.project?.slug ?? '-',
                f.installed?.versionNumber ?? '-',
                f.newest?.versionNumber ?? '-',
                f.status === 'update available'
                  ? pc.green(f.status)
                  : f.status === 'unknown'
                    ? pc.dim(f.status)
                    : f.status,
              ]),
            },
            describeScan(scan, dir).join('\n'),
          );
        },
        { dir, write: false },
      ),
  );

  filters(
    program
      .command('update <dir>')
      .description('download and install newer versions, verified and atomic'),
  )
    .option('--dry-run', 'show the plan only')
    .option('--parallel <n>', 'downloads at the same time', limit(16), 4)
    .action(
      async (
        dir: string,
        o: {
          loader: string;
          gameVersion: string;
          dryRun?: boolean;
          channel?: Channel;
          parallel: number;
        },
        cmd: Command,
      ) =>
        run(
          program,
          ['modrinth'],
          async (r) => {
            const { out, endpoints, signal, stallMs } = r;
            await checkFilters(cmd, o, r);
            const result = await updateFolder(
              modrinthClient(endpoints.urls.modrinth as string),
              dir,
              {
                loader: o.loader,
                gameVersion: o.gameVersion,
                signal,
                stallMs,
                parallel: o.parallel,
                ...(o.channel ? { channel: o.channel } : {}),
                ...(o.dryRun ? { dryRun: true } : {}),
                progress: (files) => createProgress(out.interactive, files),
              },
            );
            const checked = result.scan.files.some((f) => f.status !== 'unknown');
            out.result(
              {
                command: 'update',
                mock: endpoints.mock,
                dir,
                dryRun: Boolean(o.dryRun),
                applied: result.applied,
                updates: result.plan,
              },
              {
                head: ['file', 'from', 'to', 'new file'],
                rows: result.plan.map((p) => [p.file, p.from, p.to, p.newFile]),
              },
              [
                ...describeScan(result.scan, dir),
                result.plan.length === 0
                  ? checked
                    ? 'every file checked is up to date'
                    : 'nothing updated'
                  : result.applied
                    ? `updated ${plural(result.plan.length, 'file')}: downloaded, sha512 verified, swapped in (the old files kept for rollback)`
                    : `${plural(result.plan.length, 'update')} available (dry run: nothing changed)`,
              ].join('\n'),
            );
          },
          { dir, write: !o.dryRun },
        ),
    );

  filters(
    program
      .command('add <dir> <projects...>')
      .description('install projects (slug or id) with their required dependencies'),
  )
    .option('--parallel <n>', 'downloads at the same time', limit(16), 4)
    .action(
      async (
        dir: string,
        projects: string[],
        o: { loader: string; gameVersion: string; channel?: Channel; parallel: number },
        cmd: Command,
      ) =>
        run(
          program,
          ['modrinth'],
          async (r) => {
            await checkFilters(cmd, o, r);
            const added = await addMods(
              modrinthClient(r.endpoints.urls.modrinth as string),
              dir,
              projects,
              {
                loader: o.loader,
                gameVersion: o.gameVersion,
                ...(o.channel ? { channel: o.channel } : {}),
                parallel: o.parallel,
                signal: r.signal,
                stallMs: r.stallMs,
                progress: (files) => createProgress(r.out.interactive, files),
              },
            );
            r.out.result(
              { command: 'add', mock: r.endpoints.mock, dir, added },
              {
                head: ['project', 'version', 'file', 'why'],
                rows: added.map((a) => [a.project, a.version, a.file, a.reason]),
              },
              `added ${plural(added.length, 'file')}, verified`,
            );
          },
          { dir, write: true },
        ),
    );

  program
    .command('remove <dir> <mods...>')
    .description('remove mods (slug, project id or file name); rollback brings them back')
    .action(async (dir: string, mods: string[]) =>
      run(
        program,
        [],
        async ({ out }) => {
          const removed = await remove(dir, mods);
          out.result(
            { command: 'remove', dir, removed },
            undefined,
            `removed ${removed.join(', ')}`,
          );
        },
        { dir, write: true },
      ),
    );

  for (const [name, pinned] of [
    ['pin', true],
    ['unpin', false],
  ] as const) {
    program
      .command(`${name} <dir> <mods...>`)
      .description(
        pinned
          ? 'hold mods at their installed version (update leaves them alone)'
          : 'let update change these mods again',
      )
      .action(async (dir: string, mods: string[]) =>
        run(
          program,
          [],
          async ({ out }) => {
            const { keys, notes } = await pin(dir, mods, pinned);
            for (const note of notes) out.note(note);
            out.result(
              { command: name, dir, mods: keys },
              undefined,
              `${name}ned ${keys.join(', ')}`,
            );
          },
          { dir, write: true },
        ),
      );
  }

  program
    .command('rollback <dir>')
    .description('put back the files and profile from before the last change')
    .action(async (dir: string) =>
      run(
        program,
        [],
        async ({ out }) => {
          const changes = await rollback(dir);
          out.result(
            { command: 'rollback', dir, changes },
            {
              head: ['removed', 'restored'],
              rows: changes.map((c) => [c.old ?? '-', c.final ?? '-']),
            },
            `rolled back ${plural(changes.length, 'file')}`,
          );
        },
        { dir, write: true },
      ),
    );

  program
    .command('export <dir> <file>')
    .description('write the folder as a Modrinth modpack (.mrpack) with hashes and download URLs')
    .option('--name <name>', 'the modpack name (default: the file name)')
    .option('--version-id <id>', 'the modpack version', '1.0.0')
    .option('--loader-version <version>', "the loader's version, e.g. 0.15.7 (launchers need it)")
    .action(
      async (
        dir: string,
        file: string,
        o: { name?: string; versionId: string; loaderVersion?: string },
      ) =>
        run(
          program,
          [],
          async ({ out }) => {
            const { index, overrides } = await exportPack(dir, file, o);
            if (!o.loaderVersion) out.note('no --loader-version: the pack names Minecraft only');
            out.result(
              { command: 'export', dir, file, index, overrides },
              {
                head: ['path', 'size', 'sha512'],
                rows: [
                  ...index.files.map((f) => [
                    f.path,
                    f.fileSize,
                    `${f.hashes.sha512.slice(0, 16)}…`,
                  ]),
                  ...overrides.map((name) => [
                    `overrides/mods/${name}`,
                    '-',
                    '(carried in the pack)',
                  ]),
                ],
              },
              `wrote ${file}: ${plural(index.files.length, 'download')}, ${plural(overrides.length, 'carried file')}`,
            );
          },
          { dir, write: false },
        ),
    );

  program
    .command('install <pack> <dir>')
    .description("install a .mrpack's mods into a folder, each verified by its hash")
    .option('--parallel <n>', 'downloads at the same time', limit(16), 4)
    .action(async (pack: string, dir: string, o: { parallel: number }) =>
      run(
        program,
        [],
        async ({ out, signal, stallMs }) => {
          const result = await installPack(pack, dir, {
            parallel: o.parallel,
            signal,
            stallMs,
            progress: (files) => createProgress(out.interactive, files),
          });
          for (const s of result.skipped) out.note(`skipped ${s}`);
          out.result(
            { command: 'install', pack, dir, name: result.index.name, ...result },
            { head: ['installed'], rows: result.installed.map((f) => [f]) },
            `installed ${plural(result.installed.length, 'file')} from ${result.index.name} ${result.index.versionId} (Minecraft ${result.index.dependencies.minecraft ?? '?'}), verified`,
          );
        },
        { dir, write: true },
      ),
    );

  program
    .command('search <query>')
    .description('search Modrinth projects')
    .option('--loader <loader>', 'required loader (repeatable)', collect)
    .option('--game-version <version>', 'any of these game versions (repeatable)', collect)
    .option('--type <type>', 'project type: mod, modpack, resourcepack, shader, ...')
    .option('--category <category>', 'required category (repeatable)', collect)
    .option('--page <n>', 'page number', positiveInt, 1)
    .option('--limit <n>', 'hits per page (max 100)', limit(100), 10)
    .action(async (query: string, o) =>
      run(program, ['modrinth'], async ({ out, endpoints, signal }) => {
        const result = await search(modrinthClient(endpoints.urls.modrinth as string), query, {
          ...o,
          signal,
        });
        const pages = Math.max(1, Math.ceil(result.totalHits / result.limit));
        out.result(
          { command: 'search', mock: endpoints.mock, query, ...result },
          {
            head: ['project', 'title', 'type', 'downloads', 'author'],
            rows: result.hits.map((h) => [
              h.slug ?? '-',
              h.title ?? '-',
              h.type ?? '-',
              h.downloads ?? 0,
              h.author ?? '-',
            ]),
          },
          `page ${result.page} of ${pages} (${result.totalHits} hits)${result.page < pages ? `; next: --page ${result.page + 1}` : ''}`,
        );
      }),
    );

  const itchCmd = program
    .command('itch')
    .description('itch.io: your library, uploads, downloads and build upgrades');
  itchCmd
    .command('library')
    .description('games you own (download keys)')
    .action(async () =>
      run(program, ['itch'], async ({ out, endpoints, signal }) => {
        const items = await itch.library(
          itchClient(endpoints.urls.itch as string, endpoints.mock),
          signal,
        );
        out.result(
          { command: 'itch library', mock: endpoints.mock, items },
          {
            head: ['game', 'title', 'kind', 'key'],
            rows: items.map((i) => [
              i.gameId ?? '-',
              i.title ?? '-',
              i.classification ?? '-',
              i.keyId ?? '-',
            ]),
          },
          plural(items.length, 'game'),
        );
      }),
    );
  itchCmd
    .command('uploads')
    .description("a game's downloadable files")
    .argument('<gameId>', 'the game', positiveInt)
    .action(async (gameId: number) =>
      run(program, ['itch'], async ({ out, endpoints, signal }) => {
        const items = await itch.uploads(
          itchClient(endpoints.urls.itch as string, endpoints.mock),
          gameId,
          signal,
        );
        out.result(
          { command: 'itch uploads', mock: endpoints.mock, gameId, uploads: items },
          {
            head: ['upload', 'file', 'size', 'platforms', 'channel'],
            rows: items.map((u) => [
              u.id ?? '-',
              u.filename ?? '-',
              u.size ?? '-',
              u.platforms.join(' ') || '-',
              u.channel ?? '-',
            ]),
          },
        );
      }),
    );
  itchCmd
    .command('download')
    .description('download an upload')
    .argument('<uploadId>', 'the upload', positiveInt)
    .argument('[dir]', 'where to save it', '.')
    .option(
      '--game <gameId>',
      'the game the upload belongs to (opens a download session)',
      positiveInt,
    )
    .action(async (uploadId: number, dir: string, o: { game?: number }) =>
      run(program, ['itch'], async ({ out, endpoints, signal }) => {
        const result = await itch
          .download(itchClient(endpoints.urls.itch as string, endpoints.mock), uploadId, dir, {
            ...(o.game ? { gameId: o.game } : {}),
            progress: createProgress(out.interactive, 1),
            signal,
          })
          .catch((error: unknown) => {
            // The file route (`/uploads/{id}/download`) is not in the spec, so the mock lacks it.
            const cause = error instanceof ExitError ? error.cause : error;
            if (
              endpoints.mock &&
              cause instanceof NotFoundError &&
              cause.url.includes('/download')
            ) {
              throw new ExitError(
                'the mock servers have no file to download (the download route is not in the spec); use --live or --itch-url',
              );
            }
            throw error;
          });
        out.result(
          { command: 'itch download', mock: endpoints.mock, ...result },
          undefined,
          `saved ${result.file}`,
        );
      }),
    );
  itchCmd
    .command('upgrade-path')
    .description('the patches that take one build to another')
    .argument('<buildId>', 'the build installed now', positiveInt)
    .argument('<targetBuildId>', 'the build to reach', positiveInt)
    .action(async (buildId: number, targetBuildId: number) =>
      run(program, ['itch'], async ({ out, endpoints }) => {
        const steps = await itch.upgradePath(
          itchClient(endpoints.urls.itch as string, endpoints.mock),
          buildId,
          targetBuildId,
        );
        out.result(
          {
            command: 'itch upgrade-path',
            mock: endpoints.mock,
            buildId,
            targetBuildId,
            steps,
          },
          {
            head: ['step', 'from', 'to', 'version', 'patch'],
            rows: steps.map((s) => [
              s.step,
              s.from ?? '-',
              s.to ?? '-',
              s.version ?? '-',
              s.patch ? `#${s.patch.id} (${s.patch.size ?? '?'} B)` : 'none listed',
            ]),
          },
        );
      }),
    );
  return program;
}

/** Every command's usage line follows its usage errors (commander prints both). */
function addUsageLines(command: Command, prefix = ''): void {
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
