import { createModrinthClient } from '@x/modrinth';
import { fileFromPath } from '@x/modrinth/node';

export async function publishVersion(jarPath: string) {
  const modrinth = createModrinthClient({
    token: process.env.MODRINTH_TOKEN,
    userAgent: 'my-org/ci-publisher/1.0.0',
  });
  const jar = await fileFromPath(jarPath); // a File read lazily from disk
  const version = await modrinth.uploadVersion({
    data: {
      project_id: 'AABBCCDD',
      name: 'My Mod 1.0.0',
      version_number: '1.0.0',
      version_type: 'release',
      loaders: ['fabric'],
      game_versions: ['1.21.1'],
      featured: true,
      dependencies: [],
      primary_file: jar.name, // file_parts are filled in from `files`
    },
    files: [jar],
  });
  // Raw image body; Content-Type comes from ext.
  const icon = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
  await modrinth.uploadProjectIcon('AABBCCDD', { ext: 'png', body: icon });
  return version.id;
}
