import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { specPath } from '../src/paths.ts';
import { type ContractProxy, startContractProxy } from '../src/proxy.ts';
import { loadSpec } from '../src/spec.ts';
import { json, type LocalServer, localServer } from './local-server.ts';

let proxy: ContractProxy;
beforeAll(async () => {
  proxy = await startContractProxy({
    spec: loadSpec(specPath('modrinth')),
    target: inject('xContract').servers.modrinth?.url as string,
  });
});
afterAll(() => proxy.close());

test('forwards traffic that keeps the contract, unchanged', async () => {
  const res = await fetch(`${proxy.url}/tag/loader`, { headers: { 'user-agent': 'proxy-test' } });
  expect(res.status).toBe(200);
  expect(Array.isArray(await res.json())).toBe(true);
  expect(proxy.violations).toEqual([]);
});

test('records a forbidden request and answers 599 with the violation', async () => {
  const res = await fetch(`${proxy.url}/search?limit=notanumber`);
  expect(res.status).toBe(599);
  expect(await res.text()).toMatch(/request leaves the contract/);
  expect(proxy.violations.at(-1)?.direction).toBe('request');
});

test('records a response that breaks the schema', async () => {
  let server: LocalServer | undefined;
  let bad: ContractProxy | undefined;
  try {
    server = await localServer((_req, res) => json(res, 200, [{ icon: 1 }]));
    bad = await startContractProxy({ spec: loadSpec(specPath('modrinth')), target: server.url });
    const res = await fetch(`${bad.url}/tag/loader`);
    expect(res.status).toBe(599);
    expect(bad.violations[0]?.direction).toBe('response');
  } finally {
    await bad?.close();
    await server?.close();
  }
});
