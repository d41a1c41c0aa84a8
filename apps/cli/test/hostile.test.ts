import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  type FakeModrinth,
  fakeModrinth,
  LITHIUM_FILE,
  NEW_SODIUM_BYTES,
  NEW_SODIUM_FILE,
  SODIUM_FILE,
  UNKNOWN_FILE,
} from './fake-modrinth.ts';
import { localServer, runCli, sampleModsCopy, snapshot, tempFolder } from './helpers.ts';

// The app against servers that misbehave: nothing they send may write
// outside the folder, lose a file, or pass for "nothing to do".
let fake: FakeModrinth;
const filters = ['--game-version', '1.20.4'];
const api = () => ['--modrinth-url', fake.api.url];

beforeAll(async () => {
  fake = await fakeModrinth();
});
afterEach(() => {
  fake.mode.value = 'good';
  fake.override.value = undefined;
  fake.latestSodium.date_published = '2024-03-02T15:30:00.000000Z';
  (fake.latestSodium.files as { filename: string }[])[0]!.filename = NEW_SODIUM_FILE;
});
afterAll(() => fake.close());

/** Answers one route with a fixed status, content type and body. */
const answer =
  (route: string, status: number, type: string, body: string) =>
  (_req: unknown, res: import('node:http').ServerResponse, path: string) => {
    if (path !== route) return false;
    res.writeHead(status, { 'content-type': type });
    res.end(body);
    return true;
  };

describe('file names from the server', () => {
  test.each(['../../escaped.jar', '/tmp/absolute.jar', '..', 'sub/dir.jar'])(
    '%j is refused: nothing written anywhere, the folder as it was',
    async (name) => {
      (fake.latestSodium.files as { filename: string }[])[0]!.filename = name;
      const parent = tempFolder();
      const dir = join(parent, 'a', 'mods');
      mkdirSync(dir, { recursive: true });
      for (const f of readdirSync(sampleModsCopy())) {
        writeFileSync(join(dir, f), readFileSync(join(sampleModsCopy(), f)));
      }
      const before = snapshot(parent);
      const { code, stderr } = await runCli([...api(), 'update', dir, ...filters]);
      expect(stderr).toContain(`refusing the file name ${JSON.stringify(name)}`);
      expect(code).toBe(1);
      expect(snapshot(parent)).toEqual(before);
      expect(existsSync('/tmp/absolute.jar')).toBe(false);
    },
  );

  test('itch: an upload named ../../x is refused and nothing is written', async () => {
    const parent = tempFolder();
    const dir = join(parent, 'downloads');
    mkdirSync(dir);
    const itch = await localServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url?.startsWith('/uploads/7/download')) res.end('game bytes');
      else res.end(JSON.stringify({ upload: { id: 7, filename: '../../x', size: 10 } }));
    });
    try {
      const { code, stderr } = await runCli(
        ['--itch-url', itch.url, 'itch', 'download', '7', dir],
        {
          ITCH_API_KEY: 'k',
        },
      );
      expect(stderr).toContain('refusing the file name "../../x" from itch.io (upload 7)');
      expect(code).toBe(1);
      expect(snapshot(dirname(parent))).not.toHaveProperty('x');
      expect(snapshot(parent)).toEqual({});
    } finally {
      await itch.close();
    }
  });
});

describe('no downgrades', () => {
  test('a "latest" published before the installed version is not an update', async () => {
    fake.latestSodium.date_published = '2023-06-01T00:00:00.000000Z';
    const dir = sampleModsCopy();
    const before = snapshot(dir);
    const scan = await runCli(['--json', ...api(), 'scan', dir, ...filters]);
    expect(scan.code).toBe(0);
    const sodium = JSON.parse(scan.stdout).files.find(
      (f: { file: string }) => f.file === SODIUM_FILE,
    );
    expect(sodium).toMatchObject({
      status: 'up to date',
      newest: { versionNumber: '0.5.8+mc1.20.4' },
    });
    const update = await runCli([...api(), 'update', dir, ...filters]);
    expect(update.code).toBe(0);
    expect(update.stdout).toContain('every file checked is up to date');
    // The mods are untouched (the state folder now holds the profile).
    const mods = (snap: Record<string, string>) =>
      Object.fromEntries(Object.entries(snap).filter(([k]) => !k.startsWith('.x-update/')));
    expect(mods(snapshot(dir))).toEqual(before);
  });
});

describe('answers that are not what they claim', () => {
  test.each([
    [
      'an HTML page with 200',
      answer('/version_files', 200, 'text/html', '<!doctype html><title>Just a moment...</title>'),
      /error: bad answer from http:\/\/127\.0\.0\.1:\d+\/version_files: expected JSON, got text\/html \("<!doctype html>/,
    ],
    [
      'invalid JSON',
      answer('/version_files', 200, 'application/json', '{"abc": '),
      /error: bad answer from http:\/\/127\.0\.0\.1:\d+\/version_files: invalid JSON/,
    ],
    [
      '`{}` where the project list belongs',
      answer('/projects', 200, 'application/json', '{}'),
      /error: bad answer from http:\/\/127\.0\.0\.1:\d+\/projects\?ids=.*: unexpected shape \(the body: .*expected array/,
    ],
    [
      'a version without files',
      answer('/version_files', 200, 'application/json', '{"abc":{"id":"x"}}'),
      /error: bad answer from .*\/version_files: unexpected shape \(abc\.project_id: /,
    ],
  ])(
    '%s: scan and update fail naming the URL (exit 1), nothing changes',
    async (_, hostile, message) => {
      fake.override.value = hostile;
      const dir = sampleModsCopy();
      const before = snapshot(dir);
      for (const command of ['scan', 'update']) {
        const { code, stdout, stderr } = await runCli([...api(), command, dir, ...filters]);
        expect(stderr).toMatch(message);
        expect(stdout).not.toMatch(/up to date|unknown/);
        expect(code).toBe(1);
      }
      expect(snapshot(dir)).toEqual(before);
    },
  );

  test('search answered with `{}` fails naming the URL, no crash', async () => {
    fake.override.value = answer('/search', 200, 'application/json', '{}');
    const { code, stderr } = await runCli([...api(), 'search', 'sodium']);
    expect(stderr).toMatch(
      /^error: bad answer from http:\/\/127\.0\.0\.1:\d+\/search\?.*: unexpected shape \(hits: /m,
    );
    expect(stderr).not.toMatch(/Cannot read properties/);
    expect(code).toBe(1);
  });

  test('--json: a failure is one JSON error document on stdout', async () => {
    fake.override.value = answer('/search', 200, 'text/html', '<html>');
    const { code, stdout } = await runCli(['--json', ...api(), 'search', 'sodium']);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc).toEqual({
      error: {
        message: expect.stringMatching(
          /^bad answer from .*\/search\?.*: expected JSON, got text\/html/,
        ),
        exitCode: 1,
        kind: 'failure',
        url: expect.stringMatching(/\/search\?/),
      },
    });
  });
});

describe('never "up to date" when nothing was identified', () => {
  test('an empty folder: says nothing was checked', async () => {
    const { code, stdout } = await runCli([...api(), 'update', tempFolder(), ...filters]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /no mod files \(\.jar, \.zip, \.mrpack\) at the top level of .*: nothing was checked/,
    );
    expect(stdout).not.toContain('up to date');
  });

  test('only unknown files: says none could be checked', async () => {
    const dir = tempFolder();
    writeFileSync(join(dir, 'a.jar'), 'a');
    writeFileSync(join(dir, 'b.jar'), 'b');
    const { code, stdout } = await runCli([...api(), 'update', dir, ...filters]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'none of the 2 files is known to Modrinth: nothing could be checked for updates',
    );
    expect(stdout).not.toContain('up to date');
  });

  test('mods one level down: the subfolder is named, disabled mods listed', async () => {
    const parent = tempFolder();
    const mods = join(parent, 'mods');
    mkdirSync(mods);
    writeFileSync(join(mods, 'a.jar'), 'a');
    writeFileSync(join(parent, 'old.jar.disabled'), 'x');
    const { code, stdout } = await runCli([...api(), 'scan', parent, ...filters]);
    expect(code).toBe(0);
    expect(stdout).toContain('nothing was checked');
    expect(stdout).toContain('subfolders, not scanned (loaders read only the top level): mods');
    expect(stdout).toContain('disabled, not checked: old.jar.disabled');
  });

  test('an unreadable file is named and the rest go on', async () => {
    const dir = sampleModsCopy();
    symlinkSync(join(dir, 'nowhere'), join(dir, 'broken.jar'));
    const { code, stdout } = await runCli([...api(), 'scan', dir, ...filters]);
    expect(code).toBe(0);
    expect(stdout).toContain('could not read broken.jar: it does not exist');
    expect(stdout).toMatch(/sodium-fabric-0\.5\.8\+mc1\.20\.4\.jar.*update available/);
  });

  test('a file given as the folder is one line in words, exit 1', async () => {
    const dir = sampleModsCopy();
    const { code, stderr } = await runCli([...api(), 'scan', join(dir, LITHIUM_FILE), ...filters]);
    expect(stderr.trim()).toBe(`error: ${join(dir, LITHIUM_FILE)} is a file, not a mods folder`);
    expect(code).toBe(1);
  });
});

describe('downloads', () => {
  test('a stalled download ends with a clear message after --timeout, folder untouched', async () => {
    fake.mode.value = 'stall';
    const dir = sampleModsCopy();
    const before = snapshot(dir);
    const started = Date.now();
    const { code, stderr } = await runCli([...api(), '--timeout', '1', 'update', dir, ...filters]);
    expect(stderr).toMatch(
      /error: download of sodium-fabric-0\.5\.11\+mc1\.20\.4\.jar stalled: nothing received for 1 s after 1000 of \d+ bytes \(http:.*\); try again later/,
    );
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(snapshot(dir)).toEqual(before);
  });

  test('a cut download says so in words', async () => {
    fake.mode.value = 'cut';
    const dir = sampleModsCopy();
    const before = snapshot(dir);
    const { code, stderr } = await runCli([...api(), 'update', dir, ...filters]);
    expect(stderr).toMatch(
      /error: download of sodium-fabric-0\.5\.11\+mc1\.20\.4\.jar was cut short: the connection closed after \d+ of \d+ bytes; try again/,
    );
    expect(code).toBe(1);
    expect(snapshot(dir)).toEqual(before);
  });

  test('gzip on the wire with the compressed content-length is not a false "cut short"', async () => {
    fake.mode.value = 'gzip';
    const dir = sampleModsCopy();
    const { code, stdout, stderr } = await runCli([...api(), 'update', dir, ...filters]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('updated 1 file');
    expect(readFileSync(join(dir, NEW_SODIUM_FILE))).toEqual(NEW_SODIUM_BYTES);
  });
});

describe('what an older or killed run left behind', () => {
  test('a backup whose original is missing is restored; a stray .part is removed', async () => {
    const dir = sampleModsCopy();
    const original = readFileSync(join(dir, UNKNOWN_FILE));
    writeFileSync(join(dir, `${UNKNOWN_FILE}.x-update-backup`), original);
    writeFileSync(join(dir, `.${NEW_SODIUM_FILE}.123.456.part`), 'half a download');
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, UNKNOWN_FILE));
    const { code, stderr } = await runCli([...api(), 'scan', dir, ...filters]);
    expect(code).toBe(0);
    expect(stderr).toContain(`restored ${UNKNOWN_FILE} from ${UNKNOWN_FILE}.x-update-backup`);
    expect(readFileSync(join(dir, UNKNOWN_FILE))).toEqual(original);
    expect(readdirSync(dir).sort()).toEqual([LITHIUM_FILE, UNKNOWN_FILE, SODIUM_FILE].sort());
  });

  test('a backup beside its original is never overwritten or deleted', async () => {
    const dir = sampleModsCopy();
    writeFileSync(join(dir, `${SODIUM_FILE}.x-update-backup`), 'the user keeps this');
    const { code, stderr } = await runCli([...api(), 'update', dir, ...filters]);
    expect(code).toBe(0);
    expect(stderr).toContain(`${SODIUM_FILE}.x-update-backup was left by an older x-update`);
    expect(readFileSync(join(dir, `${SODIUM_FILE}.x-update-backup`), 'utf8')).toBe(
      'the user keeps this',
    );
  });
});
