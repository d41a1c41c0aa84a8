import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { runNode, waitUntilGone } from './helpers.ts';

const here = dirname(fileURLToPath(import.meta.url));

describe('Prism servers from globalSetup', () => {
  test('both specs run side by side on 127.0.0.1 with distinct free ports', async () => {
    const { servers } = inject('xContract');
    expect(servers.itch?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(servers.modrinth?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(servers.itch?.url).not.toBe(servers.modrinth?.url);
    const itch = await fetch(`${servers.itch?.url}/wharf/status`, {
      headers: { authorization: 'Bearer test' },
    });
    expect(itch.status).toBe(200);
    expect(await itch.json()).toHaveProperty('success');
    const modrinth = await fetch(`${servers.modrinth?.url}/tag/loader`);
    expect(modrinth.status).toBe(200);
    expect(Array.isArray(await modrinth.json())).toBe(true);
  });
});

describe('globalSetup teardown', () => {
  const vitestCli = join(
    dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
    'vitest.mjs',
  );
  const fixtureConfig = join(here, 'fixtures/failing-run/vitest.config.ts');

  // Each run's pid file and coverage report go to a folder removed after the test.
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const fixtureDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'x-harness-fixture-'));
    dirs.push(dir);
    return dir;
  };

  test('stops Prism even when a test fails', async () => {
    const dir = fixtureDir();
    const pidFile = join(dir, 'pid');
    writeFileSync(pidFile, '');
    const run = await runNode([vitestCli, 'run', '--config', fixtureConfig], {
      X_FIXTURE_PID_FILE: pidFile,
      X_FIXTURE_COVERAGE_DIR: dir,
      X_FIXTURE_SHOULD_PASS: 'no',
    });
    expect(run.code).toBe(1);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(pid).toBeGreaterThan(0);
    expect(await waitUntilGone(pid)).toBe(true);
  });

  test('fails the run when operation coverage is below the declared minimum, and reports it', async () => {
    const dir = fixtureDir();
    const pidFile = join(dir, 'pid');
    const run = await runNode([vitestCli, 'run', '--config', fixtureConfig], {
      X_FIXTURE_PID_FILE: pidFile,
      X_FIXTURE_COVERAGE_DIR: dir,
      X_FIXTURE_SHOULD_PASS: 'yes',
      X_FIXTURE_MIN_COVERAGE: '1',
    });
    expect(run.stdout + run.stderr).toMatch(/contract coverage itch\.openapi: operations 0\/36/);
    expect(run.stdout + run.stderr).toMatch(/below the required 100%/);
    expect(run.code).not.toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'itch.openapi.json'), 'utf8'));
    expect(report.operations).toMatchObject({ total: 36, covered: 0 });
    expect(await waitUntilGone(Number(readFileSync(pidFile, 'utf8')))).toBe(true);
  });
});
