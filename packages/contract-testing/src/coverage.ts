import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedSpec } from './spec.ts';

export interface CoverageRecord {
  spec: string;
  operationId: string;
  /** The documented status key the response matched (`200`, `4XX`, `default`), or the raw status. */
  status: string;
}

/** Appends what a test exercised to a per-process file; the global teardown merges them. */
export function recordCoverage(recordsDir: string, record: CoverageRecord): void {
  appendFileSync(join(recordsDir, `${process.pid}.ndjson`), `${JSON.stringify(record)}\n`);
}

export function readCoverageRecords(recordsDir: string): CoverageRecord[] {
  const records: CoverageRecord[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(recordsDir).filter((f) => f.endsWith('.ndjson'));
  } catch {
    return records;
  }
  for (const file of files) {
    for (const line of readFileSync(join(recordsDir, file), 'utf8').split('\n')) {
      if (line.trim()) records.push(JSON.parse(line) as CoverageRecord);
    }
  }
  return records;
}

export interface CoverageReport {
  spec: string;
  operations: { total: number; covered: number; uncovered: string[] };
  responses: { total: number; covered: number; uncovered: string[] };
}

export function buildCoverageReport(spec: LoadedSpec, records: CoverageRecord[]): CoverageReport {
  const mine = records.filter((r) => r.spec === spec.name);
  const seenOps = new Set(mine.map((r) => r.operationId));
  const seenPairs = new Set(mine.map((r) => `${r.operationId} ${r.status}`));
  const allOps = spec.operations.map((o) => o.operationId);
  const allPairs = spec.operations.flatMap((o) => o.statuses.map((s) => `${o.operationId} ${s}`));
  const uncoveredOps = allOps.filter((id) => !seenOps.has(id));
  const uncoveredPairs = allPairs.filter((p) => !seenPairs.has(p));
  return {
    spec: spec.name,
    operations: {
      total: allOps.length,
      covered: allOps.length - uncoveredOps.length,
      uncovered: uncoveredOps,
    },
    responses: {
      total: allPairs.length,
      covered: allPairs.length - uncoveredPairs.length,
      uncovered: uncoveredPairs,
    },
  };
}

export function writeCoverageReport(dir: string, report: CoverageReport): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${report.spec}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

const pct = (covered: number, total: number) =>
  total === 0 ? 100 : Math.floor((covered / total) * 1000) / 10;

export function summariseCoverage(report: CoverageReport): string {
  const { operations: o, responses: r } = report;
  return `contract coverage ${report.spec}: operations ${o.covered}/${o.total} (${pct(o.covered, o.total)}%), responses ${r.covered}/${r.total} (${pct(r.covered, r.total)}%)`;
}
