import { createModrinthClient } from '@x/modrinth';

export async function fabricVersions(signal: AbortSignal) {
  const modrinth = createModrinthClient({ userAgent: 'my-launcher/1.2.0 (me@example.com)' });
  const versions = await modrinth.getProjectVersions(
    'sodium',
    { loaders: ['fabric'], game_versions: ['1.21.1'] },
    { signal, timeoutMs: 10_000 },
  );
  return versions.map((version) => version.version_number);
}
