// Runs the rate-limit scenarios in a process of their own; prints JSON.
// Arguments: the indices of the scenarios to run (default: all).
import { runScenario, SCENARIOS } from './rate-limits.ts';

const picked = process.argv.slice(2).map(Number);
const results = [];
for (const [i, scenario] of SCENARIOS.entries()) {
  if (picked.length > 0 && !picked.includes(i)) continue;
  const result = await runScenario(scenario);
  process.stderr.write(`[bench] ${JSON.stringify(result)}\n`);
  results.push(result);
}
process.stdout.write(JSON.stringify(results));
