import type { Command } from 'commander';
import { pin, remove, rollback } from '../commands/manage.js';
import { exportPack, installPack } from '../commands/mrpack.js';
import { plural } from '../commands/scan.js';
import { limit } from '../lib/arguments.js';
import { createProgress } from '../lib/progress.js';
import { run } from './run.js';

/** `remove`, `pin`, `unpin`, `rollback`, `export` and `install`: the folder itself. */
export function registerManageCommands(program: Command): void {
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
}
