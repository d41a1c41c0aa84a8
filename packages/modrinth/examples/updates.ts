import { createModrinthClient, hashBytes } from '@x/modrinth';
import { checkFolderForUpdates } from '@x/modrinth/node';

// Node: hash every .jar/.zip/.mrpack in a folder (streamed, native crypto) and
// ask Modrinth about all of them in two batched calls.
export async function updatesForModsFolder(dir: string) {
  const modrinth = createModrinthClient({ userAgent: 'my-launcher/1.2.0' });
  const results = await checkFolderForUpdates(modrinth, dir, {
    loaders: ['fabric'],
    game_versions: ['1.21.1'],
  });
  return results
    .filter((r) => r.updateAvailable)
    .map((r) => `${r.file.name}: ${r.current?.version_number} -> ${r.latest?.version_number}`);
}

// Anywhere (browser too): hash Blobs/Files/streams without buffering them.
export async function updatesForFiles(files: File[]) {
  const modrinth = createModrinthClient({ userAgent: 'my-web-app/2.0' });
  const hashed = await Promise.all(
    files.map(async (file) => ({ name: file.name, hashes: await hashBytes(file) })),
  );
  return modrinth.checkUpdates(hashed, { loaders: ['fabric'], game_versions: ['1.21.1'] });
}
