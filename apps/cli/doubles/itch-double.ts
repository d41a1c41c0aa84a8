import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalServer, localServer, sendJson } from './local-server.ts';

// The repository's own itch.io answers: synthetic values in the shape the
// live API sends (snake_case, `traits` lists, `{}` for an empty list,
// nanosecond timestamps), where Prism can only invent numbers.
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/itch', name), 'utf8'));

/**
 * An itch.io API that knows a small library (two owned games, one page) and
 * one upgrade path (build 200 -> 202 in two patches). Requires a Bearer key,
 * as itch does.
 */
export async function itchDouble(): Promise<LocalServer> {
  const ownedKeys = fixture('owned-keys.json');
  const upgradePath = fixture('upgrade-path.json');
  return localServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!req.headers.authorization?.startsWith('Bearer ')) {
      sendJson(res, { errors: ['invalid key'] }, 401);
    } else if (url.pathname === '/profile/owned-keys') {
      // One page: later pages are empty lists, which itch sends as `{}`.
      const page = Number(url.searchParams.get('page') ?? '1');
      sendJson(res, page <= 1 ? ownedKeys : { per_page: 50, page, owned_keys: {} });
    } else if (url.pathname === '/builds/200/upgrade-paths/202') {
      sendJson(res, upgradePath);
    } else {
      sendJson(res, { errors: ['not found'] }, 404);
    }
  });
}
