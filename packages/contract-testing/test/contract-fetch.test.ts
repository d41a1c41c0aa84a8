import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ContractViolationError, createContractFetch } from '../src/contract-fetch.ts';
import { readCoverageRecords } from '../src/coverage.ts';
import { fixture } from '../src/fixtures.ts';
import { specPath } from '../src/paths.ts';
import { loadSpec } from '../src/spec.ts';
import { json, type LocalServer, localServer } from './local-server.ts';

const modrinth = loadSpec(specPath('modrinth'));
const itch = loadSpec(specPath('itch'));
const payload = (name: string) => fixture('modrinth', name);

describe('against Prism', () => {
  test('a request within the contract passes, and its (operation, status) is recorded', async () => {
    const { servers, recordsDir } = inject('xContract');
    const f = createContractFetch({
      spec: modrinth,
      baseUrl: servers.modrinth?.url as string,
      recordsDir,
    });
    const res = await f(`${servers.modrinth?.url}/tag/loader`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as unknown[];
    expect(body.length).toBeGreaterThan(0);
    expect(readCoverageRecords(recordsDir)).toContainEqual({
      spec: 'modrinth.openapi',
      operationId: 'loaderList',
      status: '200',
    });
  });

  test('a request the spec forbids fails with Prism’s violation list, readable', async () => {
    const base = inject('xContract').servers.itch?.url as string;
    const f = createContractFetch({ spec: itch, baseUrl: base });
    const error = await f(`${base}/games/not-a-number`, {
      headers: { authorization: 'Bearer t' },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error.direction).toBe('request');
    expect(error.message).toMatch(/path\.gameid: Request path parameter gameid must be integer/);
  });

  test('a missing required body field is a request violation', async () => {
    const base = inject('xContract').servers.itch?.url as string;
    const f = createContractFetch({ spec: itch, baseUrl: base });
    const error = await f(`${base}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=a',
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error.message).toMatch(/must have required property 'password'/);
  });

  test('a request for no documented operation fails before it is sent', async () => {
    const base = inject('xContract').servers.itch?.url as string;
    const f = createContractFetch({ spec: itch, baseUrl: base });
    await expect(f(`${base}/no/such/route`)).rejects.toThrow(
      /no operation of itch\.openapi matches GET \/no\/such\/route/,
    );
  });

  test('Prefer: code= forces a documented error status, which validates against its schema', async () => {
    const base = inject('xContract').servers.itch?.url as string;
    const f = createContractFetch({ spec: itch, baseUrl: base });
    const res = await f(`${base}/games/1`, {
      headers: { authorization: 'Bearer t', prefer: 'code=404' },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toHaveProperty('errors');
  });
});

describe('against a local server replaying real-shaped Modrinth answers', () => {
  let server: LocalServer;
  let body = '';
  let status = 200;
  beforeAll(async () => {
    server = await localServer((_req, res) => json(res, status, body));
  });
  afterAll(() => server.close());

  test('a real project (requested_status: null, undeclared `organization`) passes', async () => {
    body = payload('get-project.sodium.json');
    status = 200;
    const f = createContractFetch({ spec: modrinth, baseUrl: `${server.url}/v2` });
    const res = await f(`${server.url}/v2/project/AANobbMI`);
    expect(((await res.json()) as { slug: string }).slug).toBe('sodium');
  });

  test('a response body that breaks the schema fails, naming the field', async () => {
    const project = JSON.parse(payload('get-project.sodium.json'));
    project.downloads = 'many';
    body = JSON.stringify(project);
    const f = createContractFetch({ spec: modrinth, baseUrl: server.url });
    const error = await f(`${server.url}/project/AANobbMI`).catch((e) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error.direction).toBe('response');
    expect(error.message).toMatch(/body\/downloads must be integer/);
  });

  test('an undocumented status fails', async () => {
    body = '{}';
    status = 418;
    const f = createContractFetch({ spec: modrinth, baseUrl: server.url });
    await expect(f(`${server.url}/project/AANobbMI`)).rejects.toThrow(
      /status 418 is not documented/,
    );
    status = 200;
  });
});
