import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { ItchClient } from '@x/itch';
import { downloadVerified, tempPathIn } from '../lib/download.js';
import { ExitError } from '../lib/errors.js';
import type { Progress } from '../lib/progress.js';
import { pathInside } from '../lib/safe-name.js';

const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

/**
 * Everything the account owns: its download keys and their games, page by
 * page. Stops early if a page brings no key not seen before: a server that
 * ignores `page` (the static mocks do) would otherwise be paged forever.
 */
export async function library(client: ItchClient, signal?: AbortSignal) {
  const items = [];
  const seen = new Set<unknown>();
  for await (const page of client.iterateOwnedKeys({}, { signal }).pages()) {
    const fresh = page.filter((key) => !seen.has(key.id ?? key));
    if (fresh.length === 0) break;
    for (const key of fresh) seen.add(key.id ?? key);
    items.push(
      ...fresh.map((key) => ({
        keyId: key.id,
        gameId: key.gameId ?? key.game?.id,
        title: key.game?.title,
        classification: key.game?.classification,
        url: key.game?.url,
        purchasedAt: key.createdAt,
      })),
    );
  }
  return items;
}

export async function uploads(client: ItchClient, gameId: number, signal?: AbortSignal) {
  const data = await client.listGameUploads(gameId, {}, { signal });
  return (data.uploads ?? []).map((u) => ({
    id: u.id,
    filename: u.filename,
    displayName: u.displayName,
    size: u.size,
    type: u.type,
    channel: u.channelName,
    buildId: u.buildId,
    platforms: Object.entries(u.platforms ?? {})
      .filter(([, v]) => v)
      .map(([k]) => k),
  }));
}

export interface DownloadOptions {
  gameId?: number;
  progress: Progress;
  signal?: AbortSignal;
}

/**
 * Downloads an upload into `dir`: a download session when the game is known,
 * then the file through the API's redirect (the key never reaches the CDN),
 * streamed into a hidden `.part` file that is renamed only once complete, so
 * an interrupted run never leaves a truncated file under the real name.
 */
export async function download(
  client: ItchClient,
  uploadId: number,
  dir: string,
  options: DownloadOptions,
) {
  const upload = (await client.getUpload(uploadId, {}, { signal: options.signal })).upload;
  if (!upload?.filename)
    throw new ExitError(`upload ${uploadId} has no file name; is it an external link?`);
  const uuid =
    options.gameId === undefined ? undefined : await client.openDownloadSession(options.gameId);
  const target = pathInside(dir, upload.filename, `itch.io (upload ${uploadId})`);
  if (existsSync(target)) {
    throw new ExitError(`${target} already exists; remove it or download into another folder`);
  }
  const bar = options.progress.file(upload.filename, upload.size);
  let source = '';
  try {
    const temp = tempPathIn(dir);
    await downloadVerified(`itch.io upload ${uploadId}`, upload.filename, temp, {
      onProgress: (received, total) => bar.update(received, total),
      ...signalOf(options.signal),
      fetch: async (_url, init) => {
        const result = await client.downloadUpload(uploadId, { uuid }, { signal: init.signal });
        source = new URL(result.url).origin;
        return result.response;
      },
    });
    await rename(temp, target);
    bar.done();
  } finally {
    options.progress.stop();
  }
  return { uploadId, file: target, size: upload.size, from: source, session: uuid ?? null };
}

/** The patches to apply, in order, to go from one build to another. */
export async function upgradePath(client: ItchClient, buildId: number, targetBuildId: number) {
  const steps = await client.planUpgrade(buildId, targetBuildId);
  return steps.map((s, i) => ({
    step: i + 1,
    from: s.from.id,
    to: s.to.id,
    version: s.to.userVersion ?? s.to.version,
    patch: s.patch ? { id: s.patch.id, size: s.patch.size, subType: s.patch.subType } : null,
    signature: s.signature ? { id: s.signature.id, size: s.signature.size } : null,
  }));
}
