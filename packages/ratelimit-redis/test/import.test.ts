import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// ioredis costs about three times an empty script's start-up: it is loaded
// when a store makes its own client from a URL, never by importing the package.
const entry = JSON.stringify(fileURLToPath(new URL('../dist/index.js', import.meta.url)));
const loaded = `Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes('/ioredis/'))`;

function run(script: string): string {
  const child = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `import { createRequire } from 'node:module';\n${script}`],
    { encoding: 'utf8' },
  );
  expect(child.stderr).toBe('');
  return child.stdout.trim();
}

describe('importing @x/ratelimit-redis', () => {
  it('does not load ioredis; a store made from a URL does', () => {
    expect(run(`await import(${entry});\nconsole.log(${loaded});`)).toBe('false');
    expect(
      run(
        `const { RedisRateLimitStore } = await import(${entry});\nconst store = new RedisRateLimitStore({ redis: 'redis://127.0.0.1:1' });\nconsole.log(${loaded});\nawait store.close?.();\nprocess.exit(0);`,
      ),
    ).toBe('true');
  });
});
