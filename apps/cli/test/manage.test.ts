import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type CatalogMod,
  type ModrinthDouble,
  modrinthDouble,
  type Release,
} from '../doubles/modrinth-double.ts';
import { digest, runCli, tempFolder } from './helpers.ts';

// What mod managers do, end to end against a Modrinth double: the profile,
// pins, release channels, rollback, add (with dependencies) and remove.
const release = (
  id: string,
  slug: string,
  number: string,
  month: number,
  extra: Partial<Release> = {},
): Release => ({
  id,
  number,
  published: `2024-0${month}-01T00:00:00.000000Z`,
  fileName: `${slug}-${number}.jar`,
  bytes: Buffer.from(`${slug} ${number} `.repeat(500)),
  ...extra,
});

const catalog: CatalogMod[] = [
  {
    projectId: 'LibCore1',
    slug: 'lib-core',
    title: 'Lib Core',
    releases: [release('LibV1000', 'lib-core', '1.0.0', 1)],
  },
  {
    projectId: 'FeatUre1',
    slug: 'feature',
    title: 'Feature',
    releases: [
      release('FeaV1000', 'feature', '1.0.0', 1, {
        dependencies: [{ project_id: 'LibCore1', dependency_type: 'required' }],
      }),
    ],
  },
  {
    projectId: 'ShadeRx1',
    slug: 'shader-x',
    title: 'Shader X',
    releases: [
      release('ShaV1000', 'shader-x', '1.0.0', 1),
      release('ShaV1100', 'shader-x', '1.1.0', 2),
      release('ShaV1200', 'shader-x', '1.2.0-beta', 3, { type: 'beta' }),
    ],
  },
  {
    projectId: 'ClAsHer1',
    slug: 'clash',
    title: 'Clash',
    releases: [
      release('ClaV1000', 'clash', '1.0.0', 1, {
        dependencies: [{ project_id: 'ShadeRx1', dependency_type: 'incompatible' }],
      }),
    ],
  },
  {
    projectId: 'SpeeDy01',
    slug: 'speedy',
    title: 'Speedy',
    releases: [
      release('SpeV1000', 'speedy', '1.0.0', 1),
      release('SpeV2000', 'speedy', '2.0.0', 2),
    ],
  },
];

let double: ModrinthDouble;
beforeAll(async () => {
  double = await modrinthDouble(catalog);
});
afterAll(() => double.close());

const bytesOf = (slug: string, number: string) =>
  catalog.find((m) => m.slug === slug)?.releases.find((r) => r.number === number)?.bytes;

/** shader-x 1.0.0 and speedy 1.0.0, installed. */
function folder(): string {
  const dir = tempFolder('x-update-manage-');
  for (const [slug, number] of [
    ['shader-x', '1.0.0'],
    ['speedy', '1.0.0'],
  ] as const) {
    writeFileSync(join(dir, `${slug}-${number}.jar`), bytesOf(slug, number) as Buffer);
  }
  return dir;
}

const cli = (args: string[]) =>
  runCli([
    '--modrinth-url',
    double.api.url,
    ...args.flatMap((a) =>
      a === '@filters' ? ['--game-version', '1.20.4', '--loader', 'fabric'] : [a],
    ),
  ]);
const mods = (dir: string) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.jar'))
    .sort();
const profile = (dir: string) =>
  JSON.parse(readFileSync(join(dir, '.x-update/profile.json'), 'utf8'));

describe('update, channels and the profile', () => {
  test('release channel by default: the beta is not taken; the profile records every mod', async () => {
    const dir = folder();
    const { code, stdout, stderr } = await cli(['update', dir, '@filters']);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('updated 2 files');
    expect(mods(dir)).toEqual(['shader-x-1.1.0.jar', 'speedy-2.0.0.jar']);
    expect(profile(dir)).toMatchObject({
      format: 1,
      loader: 'fabric',
      gameVersion: '1.20.4',
      channel: 'release',
      pins: [],
      mods: [
        {
          file: 'shader-x-1.1.0.jar',
          slug: 'shader-x',
          versionNumber: '1.1.0',
          versionType: 'release',
        },
        { file: 'speedy-2.0.0.jar', slug: 'speedy', versionNumber: '2.0.0' },
      ],
    });
  });

  test('--channel beta takes the newer beta', async () => {
    const dir = folder();
    const { code } = await cli(['update', dir, '@filters', '--channel', 'beta']);
    expect(code).toBe(0);
    expect(mods(dir)).toEqual(['shader-x-1.2.0-beta.jar', 'speedy-2.0.0.jar']);
  });

  test('pin holds a mod at its version; unpin lets it update', async () => {
    const dir = folder();
    expect((await cli(['pin', dir, 'speedy'])).code).toBe(0);
    const pinned = await cli(['update', dir, '@filters']);
    expect(pinned.code, pinned.stderr).toBe(0);
    expect(pinned.stdout).toContain('1 pinned');
    expect(mods(dir)).toEqual(['shader-x-1.1.0.jar', 'speedy-1.0.0.jar']);
    expect(profile(dir).pins).toEqual(['speedy']);
    expect((await cli(['unpin', dir, 'speedy'])).code).toBe(0);
    await cli(['update', dir, '@filters']);
    expect(mods(dir)).toEqual(['shader-x-1.1.0.jar', 'speedy-2.0.0.jar']);
  });
});

describe('rollback', () => {
  test('puts back the files and profile from before the last update; again redoes it', async () => {
    const dir = folder();
    await cli(['update', dir, '@filters']);
    const back = await cli(['rollback', dir]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain('rolled back 2 files');
    expect(mods(dir)).toEqual(['shader-x-1.0.0.jar', 'speedy-1.0.0.jar']);
    expect(readFileSync(join(dir, 'speedy-1.0.0.jar'))).toEqual(bytesOf('speedy', '1.0.0'));
    expect(profile(dir).mods).toEqual([]);
    await cli(['rollback', dir]);
    expect(mods(dir)).toEqual(['shader-x-1.1.0.jar', 'speedy-2.0.0.jar']);
  });

  test('with nothing to roll back, says so (exit 1)', async () => {
    const { code, stderr } = await cli(['rollback', folder()]);
    expect(stderr).toMatch(/nothing to roll back: no change has replaced files in .* yet/);
    expect(code).toBe(1);
  });
});

describe('add and remove', () => {
  test('add resolves required dependencies, verifies and records them', async () => {
    const dir = folder();
    const { code, stdout, stderr } = await cli(['add', dir, 'feature', '@filters']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/feature\s*│\s*1\.0\.0\s*│\s*feature-1\.0\.0\.jar\s*│\s*requested/);
    expect(stdout).toMatch(
      /lib-core\s*│\s*1\.0\.0\s*│\s*lib-core-1\.0\.0\.jar\s*│\s*required by feature/,
    );
    expect(readFileSync(join(dir, 'lib-core-1.0.0.jar'))).toEqual(bytesOf('lib-core', '1.0.0'));
    const recorded = profile(dir).mods.find((m: { slug: string }) => m.slug === 'feature');
    expect(recorded.requires).toEqual(['LibCore1']);
  });

  test('add refuses a project incompatible with an installed mod; nothing changes', async () => {
    const dir = folder();
    const { code, stderr } = await cli(['add', dir, 'clash', '@filters']);
    expect(stderr).toContain(
      'error: clash is incompatible with shader-x (installed): nothing added',
    );
    expect(code).toBe(1);
    expect(mods(dir)).toEqual(['shader-x-1.0.0.jar', 'speedy-1.0.0.jar']);
  });

  test('add of an unknown project names it', async () => {
    const { code, stderr } = await cli(['add', folder(), 'no-such-mod', '@filters']);
    expect(stderr).toContain('error: Modrinth has no project "no-such-mod" (requested)');
    expect(code).toBe(1);
  });

  test('remove refuses a mod another one requires; removed files come back with rollback', async () => {
    const dir = folder();
    await cli(['add', dir, 'feature', '@filters']);
    const refused = await cli(['remove', dir, 'lib-core']);
    expect(refused.stderr).toContain('lib-core is required by feature; remove those too');
    expect(refused.code).toBe(1);
    const removed = await cli(['remove', dir, 'feature', 'lib-core']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(mods(dir)).toEqual(['shader-x-1.0.0.jar', 'speedy-1.0.0.jar']);
    expect(existsSync(join(dir, '.x-update/previous/lib-core-1.0.0.jar'))).toBe(true);
    await cli(['rollback', dir]);
    expect(mods(dir)).toEqual([
      'feature-1.0.0.jar',
      'lib-core-1.0.0.jar',
      'shader-x-1.0.0.jar',
      'speedy-1.0.0.jar',
    ]);
  });
});

describe('.mrpack', () => {
  const readIndex = (pack: string) =>
    JSON.parse(strFromU8(unzipSync(readFileSync(pack))['modrinth.index.json'] as Uint8Array));

  test('export writes the documented index (hashes, sizes, URLs, dependencies); install verifies and reproduces the folder', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'my-own-tweak.jar'), 'not on Modrinth');
    await cli(['update', dir, '@filters']);
    const pack = join(tempFolder(), 'pack.mrpack');
    const exported = await cli([
      'export',
      dir,
      pack,
      '--name',
      'My Pack',
      '--loader-version',
      '0.15.7',
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    const index = readIndex(pack);
    expect(index).toMatchObject({
      formatVersion: 1,
      game: 'minecraft',
      versionId: '1.0.0',
      name: 'My Pack',
      dependencies: { minecraft: '1.20.4', 'fabric-loader': '0.15.7' },
    });
    const speedy = bytesOf('speedy', '2.0.0') as Buffer;
    expect(index.files).toContainEqual({
      path: 'mods/speedy-2.0.0.jar',
      hashes: { sha1: digest('sha1', speedy), sha512: digest('sha512', speedy) },
      downloads: [
        expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/files\/SpeV2000\/speedy-2\.0\.0\.jar$/),
      ],
      fileSize: speedy.length,
    });
    expect(Object.keys(unzipSync(readFileSync(pack)))).toContain('overrides/mods/my-own-tweak.jar');

    const target = tempFolder('x-update-pack-');
    const installed = await cli(['install', pack, target]);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(
      'installed 3 files from My Pack 1.0.0 (Minecraft 1.20.4), verified',
    );
    expect(mods(target)).toEqual(mods(dir));
    for (const name of mods(dir)) {
      expect(readFileSync(join(target, name))).toEqual(readFileSync(join(dir, name)));
    }
  });

  const writePack = (files: unknown[]) => {
    const pack = join(tempFolder(), 'bad.mrpack');
    const index = {
      formatVersion: 1,
      game: 'minecraft',
      versionId: '1',
      name: 'Bad',
      files,
      dependencies: { minecraft: '1.20.4' },
    };
    writeFileSync(pack, zipSync({ 'modrinth.index.json': strToU8(JSON.stringify(index)) }));
    return pack;
  };
  const speedyEntry = (overrides: Record<string, unknown>) => {
    const bytes = bytesOf('speedy', '2.0.0') as Buffer;
    return {
      path: 'mods/speedy-2.0.0.jar',
      hashes: { sha1: digest('sha1', bytes), sha512: digest('sha512', bytes) },
      downloads: [`${double.files.url}/files/SpeV2000/speedy-2.0.0.jar`],
      fileSize: bytes.length,
      ...overrides,
    };
  };

  test('install refuses a file whose hash does not match; the folder stays empty', async () => {
    const pack = writePack([
      speedyEntry({ hashes: { sha1: '0'.repeat(40), sha512: 'a'.repeat(128) } }),
    ]);
    const target = tempFolder();
    const { code, stderr } = await cli(['install', pack, target]);
    expect(stderr).toMatch(/speedy-2\.0\.0\.jar: the download is corrupt: its sha512 is/);
    expect(code).toBe(1);
    expect(mods(target)).toEqual([]);
  });

  test('install refuses a path that leaves the instance folder', async () => {
    const pack = writePack([speedyEntry({ path: 'mods/../../escape.jar' })]);
    const target = tempFolder();
    const { code, stderr } = await cli(['install', pack, target]);
    expect(stderr).toContain(
      'refusing the path "mods/../../escape.jar": it leaves the instance folder',
    );
    expect(code).toBe(1);
    expect(mods(target)).toEqual([]);
  });
});
