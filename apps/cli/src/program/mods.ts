import type { Command } from 'commander';
import pc from 'picocolors';
import { addMods } from '../commands/add.js';
import { describeScan, plural, scanFolder } from '../commands/scan.js';
import { updateFolder } from '../commands/update.js';
import { limit } from '../lib/arguments.js';
import { type Channel, readProfile } from '../lib/profile.js';
import { createProgress } from '../lib/progress.js';
import { type Filters, filters, onModsFolder } from './run.js';

/** `scan`, `update` and `add`: the commands that ask Modrinth about a mods folder. */
export function registerModCommands(program: Command): void {
  filters(
    program
      .command('scan <dir>')
      .description('identify mod files on Modrinth and show available updates'),
  ).action(async (dir: string, o: Filters, cmd: Command) =>
    onModsFolder(program, cmd, { dir, write: false }, o, async (r) => {
      const { out, endpoints, signal } = r;
      const profile = await readProfile(dir);
      const scan = await scanFolder(r.client, dir, {
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
    }),
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
        onModsFolder(program, cmd, { dir, write: !o.dryRun }, o, async (r) => {
          const { out, endpoints, signal, stallMs } = r;
          const result = await updateFolder(r.client, dir, {
            loader: o.loader,
            gameVersion: o.gameVersion,
            signal,
            stallMs,
            parallel: o.parallel,
            ...(o.channel ? { channel: o.channel } : {}),
            ...(o.dryRun ? { dryRun: true } : {}),
            progress: (files) => createProgress(out.interactive, files),
          });
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
        }),
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
        onModsFolder(program, cmd, { dir, write: true }, o, async (r) => {
          const added = await addMods(r.client, dir, projects, {
            loader: o.loader,
            gameVersion: o.gameVersion,
            ...(o.channel ? { channel: o.channel } : {}),
            parallel: o.parallel,
            signal: r.signal,
            stallMs: r.stallMs,
            progress: (files) => createProgress(r.out.interactive, files),
          });
          r.out.result(
            { command: 'add', mock: r.endpoints.mock, dir, added },
            {
              head: ['project', 'version', 'file', 'why'],
              rows: added.map((a) => [a.project, a.version, a.file, a.reason]),
            },
            `added ${plural(added.length, 'file')}, verified`,
          );
        }),
    );
}
