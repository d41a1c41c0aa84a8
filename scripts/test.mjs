// The repository's test command (`pnpm test`): every package's tests through
// turbo, one package at a time (suites start servers and time rate limits on
// 2 cores). The recorded corpus lives outside the repository, where turbo's
// `inputs` cannot reach, so its digest goes in as X_CORPUS_KEY (a `test` env
// key in turbo.json): a changed recording never replays a cached pass.
// Runs on the repo's Node 24 (strips the types of the harness module it imports).
import { spawnSync } from 'node:child_process';
import { corpusKey } from '../packages/contract-testing/src/fixtures.ts';

const args = ['run', 'test', '--concurrency=1', ...process.argv.slice(2)];
const result = spawnSync('turbo', args, {
  stdio: 'inherit',
  env: { ...process.env, X_CORPUS_KEY: corpusKey() },
});
if (result.error) throw result.error;
process.exit(result.status ?? 1);
