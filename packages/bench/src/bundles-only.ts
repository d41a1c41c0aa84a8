// `pnpm --filter @x/bench run bench:bundles`: the bundle-size part of
// `pnpm bench` alone (seconds, no servers): measures every bundle of
// bundle.ts and rewrites, in BENCHMARKS.md, the "Bundle size of one
// operation" section and the bundle rows of the targets table. The rest of
// the file stays as the last full run wrote it.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  BUNDLE_TARGETS,
  BUNDLES,
  type BundleResult,
  bundleSection,
  bundleSize,
  bundleTargetRows,
} from './bundle.ts';
import { limiterExperiment } from './bundle-experiment.ts';

const file = new URL('../../../BENCHMARKS.md', import.meta.url);
const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

const bundles: BundleResult[] = [];
for (const [name, code] of Object.entries(BUNDLES)) bundles.push(await bundleSize(name, code));
const experiment = await limiterExperiment();

let text = readFileSync(file, 'utf8');
const start = text.indexOf('## Bundle size of one operation');
const end = text.indexOf('\n## ', start + 1);
if (start < 0 || end < 0)
  throw new Error('BENCHMARKS.md has no "Bundle size of one operation" section');
text = `${text.slice(0, start)}${bundleSection(bundles, table, '0.28.2', experiment)}${text.slice(end)}`;

// The bundle rows of the targets table: replaced (or, from an older run, the old rows swapped).
const rows = bundleTargetRows(bundles).map((r) => `| ${r.join(' | ')} |`);
const lines = text.split('\n');
const isBundleRow = (line: string) =>
  BUNDLE_TARGETS.some(([name]) => line.startsWith(`| ${name} bundle`));
const first = lines.findIndex(isBundleRow);
if (first < 0) throw new Error('BENCHMARKS.md: no bundle rows in the targets table');
text = [
  ...lines.slice(0, first).filter((l) => !isBundleRow(l)),
  ...rows,
  ...lines.slice(first).filter((l) => !isBundleRow(l)),
].join('\n');
writeFileSync(file, text);

for (const b of [...bundles, ...experiment])
  console.log(
    `${b.name}: initial ${b.initialMinified} B minified, ${b.initialGzip} B gzip -9; lazy ${b.lazyMinified} / ${b.lazyGzip} B; whole ${b.minified} / ${b.gzip} B`,
  );
for (const r of rows) console.log(r);
