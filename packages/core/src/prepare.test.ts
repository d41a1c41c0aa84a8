import { describe, expect, it } from 'vitest';
import { prepareCall, WITHOUT_TOKEN } from './prepare.js';
import { clientSettings, withOverrides } from './settings.js';

const settings = clientSettings({ baseUrl: 'https://api.test/v2/' });
const always = () => true;
const never = () => false;

describe('prepareCall', () => {
  it('resolves a relative path against the base URL and upper-cases the method', async () => {
    const call = await prepareCall(settings, '/project/x', { method: 'delete' }, always);
    expect(call).toMatchObject({
      url: 'https://api.test/v2/project/x',
      method: 'DELETE',
      body: null,
    });
    expect(call.replayable).toBe(true);
  });

  it('keeps a string, Blob or FormData body as it is: replayed, never copied', async () => {
    const blob = new Blob(['x'.repeat(1000)]);
    const call = await prepareCall(
      settings,
      'https://api.test/up',
      { method: 'PUT', body: blob },
      always,
    );
    expect(call.body).toBe(blob);
    expect(call.replayable).toBe(true);
  });

  it('a stream body is one-shot', async () => {
    const body = new ReadableStream();
    const call = await prepareCall(settings, '/up', { method: 'PUT', body }, always);
    expect(call.replayable).toBe(false);
  });

  it('oneShotBody makes any body one-shot', async () => {
    const call = await prepareCall(
      withOverrides(settings, { oneShotBody: true }),
      '/up',
      { method: 'PUT', body: 'x' },
      always,
    );
    expect(call.replayable).toBe(false);
  });

  it('a body given in init is sent again as it is (a Blob is never copied)', async () => {
    const blob = new Blob(['abc']);
    const call = await prepareCall(settings, '/up', { method: 'POST', body: blob }, always);
    expect(call.body).toBe(blob);
    expect(call.replayable).toBe(true);
  });

  it("a Request's unknown stream is read once only when the call may be retried", async () => {
    const retried = await prepareCall(
      settings,
      new Request('https://api.test/a', { method: 'PUT', body: 'abc' }),
      undefined,
      always,
    );
    expect(retried.body).toBeInstanceOf(ArrayBuffer);
    expect(retried.replayable).toBe(true);
    const once = await prepareCall(
      settings,
      new Request('https://api.test/a', { method: 'POST', body: 'abc' }),
      undefined,
      never,
    );
    expect(once.body).toBeInstanceOf(ReadableStream);
    expect(once.replayable).toBe(false);
  });

  it('a call marked WITHOUT_TOKEN gets no token, and the mark is not passed on to fetch', async () => {
    expect((await prepareCall(settings, '/login', { method: 'POST' }, always)).useToken).toBe(true);
    const call = await prepareCall(
      settings,
      '/login',
      { method: 'POST', [WITHOUT_TOKEN]: true },
      always,
    );
    expect(call.useToken).toBe(false);
    expect(Object.getOwnPropertySymbols(call.extras)).toEqual([]);
  });
});
