import { contract } from '@x/contract-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgradeSteps } from '../src/builds.js';
import type { Build } from '../src/generated/types.gen.js';
import { createItchClient } from '../src/index.js';
import { type LocalServer, sendJson, startServer } from './helpers/server.js';

const build = (id: number, parent: number, extra: Partial<Build> = {}): Build => ({
  id,
  parentBuildId: parent,
  files: [
    { id: id * 10, type: 'patch', subType: 'default', state: 'uploaded' },
    { id: id * 10 + 1, type: 'patch', subType: 'optimized', state: 'uploaded' },
    { id: id * 10 + 2, type: 'signature', subType: 'default', state: 'uploaded' },
    { id: id * 10 + 3, type: 'archive', subType: 'default', state: 'uploaded' },
  ],
  ...extra,
});

describe('upgradeSteps', () => {
  it('orders patches along the parent chain, starting after the installed build', () => {
    // Server order shuffled on purpose.
    const steps = upgradeSteps(
      { builds: [build(4, 3), build(2, 1), build(1, -1), build(3, 2)] },
      1,
    );
    expect(steps.map((s) => [s.from.id, s.to.id])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(steps.map((s) => s.patch?.id)).toEqual([21, 31, 41]); // optimized preferred
    expect(steps.map((s) => s.signature?.id)).toEqual([22, 32, 42]);
  });

  it('keeps the server order when the builds form no chain, and skips unfinished files', () => {
    const steps = upgradeSteps(
      {
        builds: [
          build(7, 0, { files: [{ id: 70, type: 'patch', state: 'uploading' }] }),
          build(9, 0, { files: [{ id: 90, type: 'patch', subType: 'gzip' }] }),
        ],
      },
      5,
    );
    expect(steps.map((s) => [s.from.id, s.to.id])).toEqual([
      [5, 7],
      [7, 9],
    ]);
    expect(steps[0]?.patch).toBeUndefined();
    expect(steps[1]?.patch?.id).toBe(90);
    expect(upgradeSteps(undefined, 5)).toEqual([]);
  });
});

let server: LocalServer;
beforeAll(async () => {
  // The live service's snake_case.
  server = await startServer((req, res) => {
    if (req.url === '/builds/1/upgrade-paths/3') {
      return sendJson(res, 200, {
        upgrade_path: {
          builds: [
            { id: 1, parent_build_id: -1, user_version: '1.0' },
            {
              id: 2,
              parent_build_id: 1,
              user_version: '1.1',
              files: [{ id: 20, type: 'patch', sub_type: 'default', state: 'uploaded' }],
            },
            {
              id: 3,
              parent_build_id: 2,
              user_version: '1.2',
              files: [{ id: 30, type: 'patch', sub_type: 'default', state: 'uploaded' }],
            },
          ],
        },
      });
    }
    sendJson(res, 404, { errors: ['not found'] });
  });
});
afterAll(() => server.close());

describe('planUpgrade', () => {
  it('turns GET /builds/{id}/upgrade-paths/{target} into the patches to apply', async () => {
    const client = createItchClient({ baseUrl: server.url, apiKey: 'k', retry: false });
    const steps = await client.planUpgrade(1, 3);
    expect(
      steps.map((s) => `${s.from.userVersion} -> ${s.to.userVersion} via #${s.patch?.id}`),
    ).toEqual(['1.0 -> 1.1 via #20', '1.1 -> 1.2 via #30']);
  });

  it('works against Prism', async () => {
    const c = contract('itch');
    const client = createItchClient({
      baseUrl: c.baseUrl,
      apiKey: 'k',
      retry: false,
      fetch: c.fetch,
    });
    const steps = await client.planUpgrade(1, 2, { downloadKeyId: 3 });
    expect(Array.isArray(steps)).toBe(true);
    expect(steps.length).toBeGreaterThan(0);
  });
});
