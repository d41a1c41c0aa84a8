import { NotFoundError } from '@x/core';
import type { Command } from 'commander';
import { itchClient, modrinthClient } from '../clients.js';
import * as itch from '../commands/itch.js';
import { plural } from '../commands/scan.js';
import { search } from '../commands/search.js';
import { collect, limit, positiveInt } from '../lib/arguments.js';
import { ExitError } from '../lib/errors.js';
import { createProgress } from '../lib/progress.js';
import { run } from './run.js';

/** `search` and the `itch` commands: the APIs without a mods folder. */
export function registerApiCommands(program: Command): void {
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
}
