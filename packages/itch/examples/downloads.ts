import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createItchClient } from '@x/itch';

/** Download the first upload of a game the account owns (via its download key) to `file`. */
export async function downloadFirstUpload(gameId: number, downloadKeyId: number, file: string) {
  const itch = createItchClient({ apiKey: process.env.ITCH_API_KEY });

  const { uploads } = await itch.listGameUploads(gameId, { downloadKeyId });
  const upload = uploads?.[0];
  if (!upload?.id) throw new Error('no upload');

  // One session per download, so itch counts it once.
  const uuid = await itch.openDownloadSession(gameId, { downloadKeyId });
  // Follows itch's redirect to its CDN; the API key never goes to the CDN.
  const { response } = await itch.downloadUpload(upload.id, { uuid, downloadKeyId });
  if (!response.body) throw new Error('empty download');
  await pipeline(Readable.fromWeb(response.body as never), createWriteStream(file));
  return upload.filename;
}
