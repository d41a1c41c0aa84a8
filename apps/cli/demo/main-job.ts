// The repository's main job (`pnpm start`): x-update doing its job on a
// temporary copy of sample-mods, against local servers whose every answer
// the contract harness checks against specs/. Modrinth's update lookups come
// from a double built from the repository's own fixtures (Prism answers them
// with the spec's examples, which know no real file); search comes from
// Prism; itch.io from a double (Prism invents numbers for its ids).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ContractProxy,
  loadSpec,
  specPath,
  startContractProxy,
} from '@x/contract-testing/servers';
import { type PrismServer, startMockServer } from '@x/mock-servers';
import { itchDouble } from '../doubles/itch-double.ts';
import type { LocalServer } from '../doubles/local-server.ts';
import { type ModrinthDouble, modrinthDouble } from '../doubles/modrinth-double.ts';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(app, 'dist/cli.js');
const sample = (name: string) => readFileSync(join(app, 'sample-mods', name));

/** What Modrinth knows: the sample's sodium has a newer release, its lithium is current. */
const catalog = [
  {
    projectId: 'AANobbMI',
    slug: 'sodium',
    title: 'Sodium',
    releases: [
      {
        id: 'SoDoLd11',
        number: '0.5.8+mc1.20.4',
        published: '2024-01-10T12:00:00.000000Z',
        fileName: 'sodium-fabric-0.5.8+mc1.20.4.jar',
        bytes: sample('sodium-fabric-0.5.8+mc1.20.4.jar'),
      },
      {
        id: 'SoDoNw33',
        number: '0.5.11+mc1.20.4',
        published: '2024-03-02T15:30:00.000000Z',
        fileName: 'sodium-fabric-0.5.11+mc1.20.4.jar',
        bytes: Buffer.from('PK\u0003\u0004 a stand-in for sodium 0.5.11 '.repeat(4000)),
      },
    ],
  },
  {
    projectId: 'gvQqBUqZ',
    slug: 'lithium',
    title: 'Lithium',
    releases: [
      {
        id: 'LiThNw22',
        number: 'mc1.20.4-0.12.1',
        published: '2024-01-05T09:00:00.000000Z',
        fileName: 'lithium-fabric-mc1.20.4-0.12.1.jar',
        bytes: sample('lithium-fabric-mc1.20.4-0.12.1.jar'),
      },
    ],
  },
];

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  process.stdout.write(`\n$ x-update ${args.join(' ')}\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      stdio: 'inherit',
      env: { ...process.env, MODRINTH_TOKEN: '', ...env },
    });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

const work = mkdtempSync(join(tmpdir(), 'x-update-main-job-'));
const closers: (() => Promise<void>)[] = [];
const cleanUp = async () => {
  for (const close of closers.splice(0).reverse()) await close();
  rmSync(work, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanUp().then(() => process.exit(130));
  });
}

let failed = false;
try {
  const mods = join(work, 'mods');
  cpSync(join(app, 'sample-mods'), mods, { recursive: true });

  const modrinth: ModrinthDouble = await modrinthDouble(catalog);
  closers.push(modrinth.close);
  const prism: PrismServer = await startMockServer('modrinth');
  closers.push(prism.stop);
  const itch: LocalServer = await itchDouble();
  closers.push(itch.close);
  const proxies: [string, ContractProxy][] = [];
  const proxy = async (name: 'modrinth' | 'itch', target: string, label: string) => {
    const p = await startContractProxy({ spec: loadSpec(specPath(name)), target });
    closers.push(p.close);
    proxies.push([label, p]);
    return p.url;
  };
  const modrinthUrl = await proxy('modrinth', modrinth.api.url, 'Modrinth double');
  const searchUrl = await proxy('modrinth', prism.url, 'Prism (Modrinth)');
  const itchUrl = await proxy('itch', itch.url, 'itch.io double');

  const env = { XDG_CACHE_HOME: join(work, 'cache'), ITCH_API_KEY: 'demo-key' };
  const steps: string[][] = [
    ['--modrinth-url', modrinthUrl, 'scan', mods, '--loader', 'fabric', '--game-version', '1.20.4'],
    [
      '--modrinth-url',
      modrinthUrl,
      'update',
      mods,
      '--loader',
      'fabric',
      '--game-version',
      '1.20.4',
    ],
    ['--modrinth-url', modrinthUrl, 'scan', mods, '--loader', 'fabric', '--game-version', '1.20.4'],
    ['--modrinth-url', searchUrl, 'search', 'sodium', '--loader', 'fabric', '--limit', '3'],
    ['--itch-url', itchUrl, 'itch', 'library'],
    ['--itch-url', itchUrl, 'itch', 'upgrade-path', '200', '202'],
  ];
  process.stdout.write(
    `x-update's main job on a temporary copy of sample-mods (${mods});\nevery answer is checked against specs/ by the contract harness.\n`,
  );
  for (const args of steps) {
    const code = await runCli(args, env);
    if (code !== 0) {
      failed = true;
      process.stderr.write(`x-update exited with ${code}\n`);
      break;
    }
  }
  process.stdout.write('\n');
  for (const [label, p] of proxies) {
    process.stdout.write(`contract check, ${label}: ${p.violations.length} violations\n`);
    for (const v of p.violations) process.stdout.write(`  ${v.message.split('\n')[0]}\n`);
    if (p.violations.length) failed = true;
  }
} finally {
  await cleanUp();
}
process.exitCode = failed ? 1 : 0;
