// Runs the rate-limit scenarios in a process of their own; prints JSON.
import { runScenario, SCENARIOS } from './rate-limits.ts';

const results = [];
for (const scenario of SCENARIOS) results.push(await runScenario(scenario));
process.stdout.write(JSON.stringify(results));
