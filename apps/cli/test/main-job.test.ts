import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const demo = join(dirname(fileURLToPath(import.meta.url)), '../demo/main-job.ts');

test('the main job shows an update found, downloaded, verified and applied, every answer in contract', async () => {
  const child = spawn(process.execPath, [demo], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  child.stdout.on('data', (c) => {
    out += c;
  });
  child.stderr.on('data', (c) => {
    out += c;
  });
  const code = await new Promise((r) => child.once('exit', r));
  expect(code, out).toBe(0);
  expect(out).toMatch(
    /sodium-fabric-0\.5\.8\+mc1\.20\.4\.jar\s*│\s*Sodium\s*│\s*0\.5\.8\+mc1\.20\.4\s*│\s*0\.5\.11\+mc1\.20\.4\s*│\s*update available/,
  );
  expect(out).toContain('updated 1 file: downloaded, sha512 verified, swapped in');
  expect(out).toMatch(
    /sodium-fabric-0\.5\.11\+mc1\.20\.4\.jar\s*│\s*Sodium\s*│\s*0\.5\.11\+mc1\.20\.4\s*│\s*0\.5\.11\+mc1\.20\.4\s*│\s*up to date/,
  );
  expect(out).toMatch(/480113\s*│\s*Lantern Keeper\s*│\s*game/);
  expect(out).not.toContain('-9007199254740991');
  expect(out.match(/: 0 violations/g)).toHaveLength(3);
});
