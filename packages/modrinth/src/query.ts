/**
 * Modrinth takes list-valued query parameters (`ids`, `loaders`,
 * `game_versions`, ...) as one JSON-encoded value: `ids=["a","b"]`, not
 * `ids=a&ids=b`. This serializer sends every array that way, URL-encoded,
 * and every scalar as its string form. `undefined` and `null` are left out.
 */
export function modrinthQuerySerializer(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const encoded =
      typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
          ? String(value)
          : JSON.stringify(value);
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(encoded)}`);
  }
  return parts.join('&');
}
