import {
  checkUpdates,
  createModrinthClient,
  hashBytes,
  type ModrinthClientOptions,
} from '@x/modrinth';
import { checkFolderForUpdates } from '@x/modrinth/node';

// Node: hash every .jar/.zip/.mrpack in a folder (streamed, native crypto) and
// ask Modrinth about all of them in two batched calls.
export async function updatesForModsFolder(dir: string, options: ModrinthClientOptions = {}) {
  const client = createModrinthClient({ userAgent: 'my-launcher/1.2.0', ...options });
  const results = await checkFolderForUpdates(dir, {
    client,
    loaders: ['fabric'],
    game_versions: ['1.21.1'],
  });
  return results
    .filter((r) => r.updateAvailable)
    .map((r) => `${r.file.name}: ${r.current?.version_number} -> ${r.latest?.version_number}`);
}

// Anywhere (browser too): hash Blobs/Files/streams without buffering them.
export async function updatesForFiles(files: File[], options: ModrinthClientOptions = {}) {
  const client = createModrinthClient({ userAgent: 'my-web-app/2.0', ...options });
  const hashed = await Promise.all(
    files.map(async (file) => ({ name: file.name, hashes: await hashBytes(file) })),
  );
  return checkUpdates(hashed, { client, loaders: ['fabric'], game_versions: ['1.21.1'] });
}
