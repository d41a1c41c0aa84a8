import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { specPath } from '../src/paths.ts';
import { PrismStartError, startPrism } from '../src/prism.ts';
import { writePrismSpec } from '../src/prism-spec.ts';
import { loadSpec } from '../src/spec.ts';
import { isAlive, runNode, waitUntilGone } from './helpers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const itchPrismSpec = () => writePrismSpec(loadSpec(specPath('itch')));

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

describe('startPrism', () => {
  test('stop() ends the process: the PID is gone afterwards', async () => {
    const server = await startPrism(itchPrismSpec());
    expect(isAlive(server.pid)).toBe(true);
    await server.stop();
    expect(await waitUntilGone(server.pid)).toBe(true);
    await server.stop(); // idempotent
  });

  test('a bad spec path fails fast with Prism’s own output', async () => {
    const started = Date.now();
    const error = await startPrism('/nonexistent/spec.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrismStartError);
    expect((error as PrismStartError).message).toMatch(/exited before it was ready/);
    expect((error as PrismStartError).output).toMatch(/nonexistent\/spec\.yaml|ENOENT/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  test('a server that never becomes ready fails with a clear error and is stopped', async () => {
    // A readiness budget too short for Prism to load the spec.
    const error = await startPrism(itchPrismSpec(), { readyTimeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrismStartError);
    expect((error as Error).message).toMatch(/not ready after 1 ms/);
    expect((error as Error).message).toContain('--- Prism output ---');
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    test(`${signal} to the test process stops its Prism servers`, async () => {
      const holder = spawn(
        process.execPath,
        [join(here, 'fixtures/hold-prism.ts'), itchPrismSpec()],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        holder.stdout.on('data', (c) => {
          out += c;
          if (out.includes('\n')) resolve(out.split('\n')[0] as string);
        });
        holder.once('exit', (code) => reject(new Error(`holder exited early (${code})`)));
      });
      const { pid } = JSON.parse(line) as { pid: number };
      expect(isAlive(pid)).toBe(true);
      const exited = new Promise((r) => holder.once('exit', r));
      holder.kill(signal);
      await exited;
      expect(await waitUntilGone(pid)).toBe(true);
    });
  }
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
