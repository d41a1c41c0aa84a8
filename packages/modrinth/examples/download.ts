import { createModrinthClient, facets, primaryFile } from '@x/modrinth';
import { checkFolderForUpdates, saveVersionFile } from '@x/modrinth/node';

// Node, a launcher's whole job: find a mod, install the newest Fabric 1.21.1
// build of it into the mods folder (verified by its sha512 before it appears
// there, under its own name), then see which installed mods have an update.
export async function installMod(query: string, modsFolder: string) {
  const modrinth = createModrinthClient({ userAgent: 'my-launcher/1.2.0 (me@example.com)' });
  const target = { loaders: ['fabric'], game_versions: ['1.21.1'] };
  const filter = facets().projectType('mod').build();
  const { hits } = await modrinth.searchProjects({ query, facets: filter, limit: 1 });
  if (!hits[0]) return undefined;
  const project = await modrinth.getProject(hits[0].project_id);
  const [latest] = await modrinth.getProjectVersions(project.id, target);
  if (!latest) return undefined;
  const saved = await saveVersionFile(modrinth, primaryFile(latest), { folder: modsFolder });
  const installed = await checkFolderForUpdates(modrinth, modsFolder, target);
  const updates = installed.filter((mod) => mod.updateAvailable).map((mod) => mod.file.name);
  return { title: project.title, path: saved.path, updates };
}

// Anywhere (browser too): the verified file in memory, as a File.
export async function fetchModFile(versionId: string) {
  const modrinth = createModrinthClient({ userAgent: 'my-web-app/2.0' });
  const version = await modrinth.getVersion(versionId);
  return modrinth.downloadVersionFile(primaryFile(version), {}, { timeoutMs: 30_000 });
}
