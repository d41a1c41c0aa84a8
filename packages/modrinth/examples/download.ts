import {
  createModrinthClient,
  downloadVersionFile,
  getProjectVersions,
  getVersion,
  type ModrinthClientOptions,
  primaryFile,
} from '@x/modrinth';
import { saveVersionFile } from '@x/modrinth/node';

// Node: the newest Fabric 1.21.1 build of a mod, saved into the mods folder
// under its own name, verified by its sha512 before it appears there.
export async function downloadMod(
  slug: string,
  modsFolder: string,
  options: ModrinthClientOptions = {},
) {
  const client = createModrinthClient({ userAgent: 'my-launcher/1.2.0', ...options });
  const [latest] = await getProjectVersions({
    client,
    path: { idOrSlug: slug },
    query: { loaders: ['fabric'], game_versions: ['1.21.1'] },
  });
  if (!latest) return undefined;
  const saved = await saveVersionFile(client, primaryFile(latest), { folder: modsFolder });
  return saved.path;
}

// Anywhere (browser too): the verified file in memory, as a File.
export async function fetchModFile(versionId: string, options: ModrinthClientOptions = {}) {
  const client = createModrinthClient({ userAgent: 'my-web-app/2.0', ...options });
  const version = await getVersion({ client, path: { id: versionId } });
  return downloadVersionFile(client, primaryFile(version), {}, { timeoutMs: 30_000 });
}
