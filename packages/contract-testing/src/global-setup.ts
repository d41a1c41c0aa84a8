import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockServer } from '@x/mock-servers';
import type { TestProject } from 'vitest/node';
import {
  buildCoverageReport,
  readCoverageRecords,
  summariseCoverage,
  writeCoverageReport,
} from './coverage.ts';
import { recordedCorpus } from './fixtures.ts';
import { defaultCoverageDir, type SpecName } from './paths.ts';
import type { PrismServer } from './prism.ts';
import { loadPatchedSpec, SPEC_PATCHES } from './spec-patches.ts';

export interface ContractContext {
  /** Prism base URL per started spec. */
  servers: Partial<Record<SpecName, { url: string; pid: number }>>;
  /** Where workers append coverage records. */
  recordsDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    xContract: ContractContext;
  }
}

export interface ContractSetupOptions {
  /** Which specs get a Prism server for this test run. */
  specs: SpecName[];
  /** Minimum share (0..1) of operations each spec's tests must exercise; the run fails below it. */
  minOperationCoverage?: Partial<Record<SpecName, number>>;
  /**
   * Where coverage reports go. @default `<repo>/contract-coverage`. `false`:
   * this run does not measure coverage (no report, no summary line), for
   * suites that exercise only part of a spec on purpose.
   */
  coverageDir?: string | false;
  /** Called with each one-line summary, and with where the recorded corpus is. @default console.log */
  log?: (line: string) => void;
}

/**
 * A vitest globalSetup: one Prism per spec for the whole run, stopped in
 * teardown (and on SIGINT/SIGTERM by the server module), then coverage reports.
 */
export function contractGlobalSetup(options: ContractSetupOptions) {
  return async function setup(project: TestProject) {
    const recordsDir = mkdtempSync(join(tmpdir(), 'x-contract-records-'));
    const started: PrismServer[] = [];
    const servers: ContractContext['servers'] = {};
    try {
      const results = await Promise.all(
        options.specs.map(async (name) => {
          const server = await startMockServer(name, {
            patch: SPEC_PATCHES[name],
            breakCycles: true,
          });
          started.push(server);
          return [name, server] as const;
        }),
      );
      for (const [name, server] of results) servers[name] = { url: server.url, pid: server.pid };
    } catch (error) {
      await Promise.all(started.map((s) => s.stop()));
      rmSync(recordsDir, { recursive: true, force: true });
      throw error;
    }
    project.provide('xContract', { servers, recordsDir });
    const log = options.log ?? ((line: string) => console.log(line));
    for (const name of options.specs) log(describeCorpus(name));

    return async function teardown() {
      await Promise.all(started.map((s) => s.stop()));
      const records = readCoverageRecords(recordsDir);
      rmSync(recordsDir, { recursive: true, force: true });
      const failures: string[] = [];
      if (options.coverageDir === false && !options.minOperationCoverage) return;
      for (const name of options.specs) {
        const report = buildCoverageReport(loadPatchedSpec(name), records);
        if (options.coverageDir !== false)
          writeCoverageReport(options.coverageDir ?? defaultCoverageDir(), report);
        log(summariseCoverage(report));
        const min = options.minOperationCoverage?.[name];
        if (min !== undefined && report.operations.covered / report.operations.total < min) {
          failures.push(
            `${report.spec}: ${report.operations.covered}/${report.operations.total} operations exercised, below the required ${min * 100}%. Uncovered: ${report.operations.uncovered.join(', ')}`,
          );
        }
      }
      // X_COVERAGE_PARTIAL=1: a run of chosen test files only (the long fuzz
      // run, `pnpm fuzz`), which is not meant to cover every operation.
      if (failures.length && process.env.X_COVERAGE_PARTIAL === '1') {
        log(`contract coverage minimum not checked (X_COVERAGE_PARTIAL=1): ${failures.join('; ')}`);
      } else if (failures.length)
        throw new Error(`contract coverage below minimum\n${failures.join('\n')}`);
    };
  };
}

/** One line for the test output: whether the recorded-corpus tier runs, and if not, why. */
function describeCorpus(name: SpecName): string {
  const corpus = recordedCorpus(name);
  return corpus.available
    ? `recorded corpus (${name}): ${corpus.dir}, its tests run`
    : `recorded corpus (${name}): its tests are skipped: ${corpus.reason}`;
}
