import { describe, expect, it } from 'vitest';
import { prepareCall, RESERVATION, rememberBody, sendWithoutToken } from './prepare.js';
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

  it('a Request built from a remembered body replays that body', async () => {
    const blob = new Blob(['abc']);
    const request = new Request('https://api.test/v2/up', { method: 'POST', body: blob });
    rememberBody(request, blob);
    const call = await prepareCall(settings, request, undefined, always);
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

  it('a Request marked with sendWithoutToken gets no token', async () => {
    const request = new Request('https://api.test/v2/login', { method: 'POST' });
    expect((await prepareCall(settings, request, undefined, always)).useToken).toBe(true);
    sendWithoutToken(request);
    expect((await prepareCall(settings, request, undefined, always)).useToken).toBe(false);
  });

  it("a reservation in init is the call's; its signal replaces the Request's never-aborting one", async () => {
    const reservation = { release: undefined, deadline: undefined, signal: undefined };
    const request = new Request('https://api.test/v2/project/x');
    const call = await prepareCall(settings, request, { [RESERVATION]: reservation }, always);
    expect(call.reservation).toBe(reservation);
    expect(call.signal).toBeUndefined();
    expect(Object.getOwnPropertySymbols(call.extras)).toEqual([]);
    expect((await prepareCall(settings, request, undefined, always)).signal).toBe(request.signal);
  });
});
