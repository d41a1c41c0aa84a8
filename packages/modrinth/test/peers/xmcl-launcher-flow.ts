// The README's launcher flow (examples/download.ts) written with
// @xmcl/modrinth 2.5.3, the peer a launcher would otherwise pick: search,
// project, versions, the primary file downloaded and checked by hand, then
// the mods folder hashed and looked up by hand. Kept as a user would write
// it, for download-example.test.ts to run against the same servers and to
// compare lengths. (Simpler than ours on purpose where the peer offers
// nothing: the file is held in memory, written without fsync, no retry.)
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ModrinthV2Client } from '@xmcl/modrinth';

export async function installModWithXmcl(query: string, modsFolder: string) {
  const client = new ModrinthV2Client({ headers: { 'user-agent': 'my-launcher/1.2.0' } });
  const target = { loaders: ['fabric'], gameVersions: ['1.21.1'] };
  const { hits } = await client.searchProjects({
    query,
    facets: '[["project_type:mod"]]',
    limit: 1,
  });
  if (!hits[0]) return undefined;
  const project = await client.getProject(hits[0].project_id);
  const [latest] = await client.getProjectVersions(project.id, target);
  const file = latest?.files.find((f) => f.primary) ?? latest?.files[0];
  if (!file) return undefined;
  const response = await fetch(file.url);
  if (!response.ok) throw new Error(`download failed: ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('hex');
  if (sha512(bytes) !== file.hashes.sha512) throw new Error(`${file.filename}: sha512 mismatch`);
  const path = join(modsFolder, basename(file.filename));
  const temp = `${path}.${randomBytes(6).toString('hex')}.part`;
  await writeFile(temp, bytes);
  await rename(temp, path);
  const names = (await readdir(modsFolder)).filter((name) => /\.(jar|zip)$/.test(name));
  const hashes = await Promise.all(
    names.map(async (name) => sha512(await readFile(join(modsFolder, name)))),
  );
  const current = await client.getProjectVersionsByHash(hashes, 'sha512');
  const newest = await client.getLatestVersionsFromHashes(hashes, {
    algorithm: 'sha512',
    ...target,
  });
  const updates = names
    .filter((_, i) => {
      const hash = hashes[i] as string;
      return current[hash] && newest[hash] && current[hash].id !== newest[hash].id;
    })
    .map((name) => join(modsFolder, name));
  return { title: project.title, path, updates };
}
