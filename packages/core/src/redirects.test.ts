import { describe, expect, it } from 'vitest';
import { CoreError } from './errors.js';
import { firstHop, followRedirects, type Hop, nextHop } from './redirects.js';

const API = 'https://api.test';
const redirect = (status: number, location?: string) =>
  new Response(null, { status, headers: location ? { location } : {} });

describe('nextHop', () => {
  it('is undefined for a response that is not a redirect to follow', () => {
    const hop = firstHop(`${API}/a`, 'GET', API);
    expect(nextHop(hop, new Response('ok'), API)).toBeUndefined();
    expect(nextHop(hop, redirect(304), API)).toBeUndefined();
    expect(nextHop(hop, redirect(302), API)).toBeUndefined();
  });

  it('resolves a relative Location against the hop', () => {
    const next = nextHop(firstHop(`${API}/v2/a/b`, 'GET', API), redirect(301, '../c?x=1'), API);
    expect(next?.url).toBe(`${API}/v2/c?x=1`);
    expect(next?.trusted).toBe(true);
  });

  it('trust is sticky: once off the API origin, never trusted again', () => {
    const start = firstHop(`${API}/a`, 'DELETE', API);
    const away = nextHop(start, redirect(307, 'https://cdn.test/x'), API) as Hop;
    const back = nextHop(away, redirect(307, `${API}/victim`), API) as Hop;
    expect([start.trusted, away.trusted, back.trusted]).toEqual([true, false, false]);
    expect(back.method).toBe('DELETE');
  });

  it('303 (and 301/302 after a POST) become a bodyless GET; 307/308 keep method and body', () => {
    const post = firstHop(`${API}/a`, 'POST', API);
    expect(nextHop(post, redirect(303, '/b'), API)).toMatchObject({
      method: 'GET',
      keepsBody: false,
    });
    expect(nextHop(post, redirect(302, '/b'), API)).toMatchObject({
      method: 'GET',
      keepsBody: false,
    });
    expect(nextHop(post, redirect(307, '/b'), API)).toMatchObject({
      method: 'POST',
      keepsBody: true,
    });
    const put = firstHop(`${API}/a`, 'PUT', API);
    expect(nextHop(put, redirect(301, '/b'), API)).toMatchObject({
      method: 'PUT',
      keepsBody: true,
    });
    const head = firstHop(`${API}/a`, 'HEAD', API);
    expect(nextHop(head, redirect(303, '/b'), API)).toMatchObject({ method: 'HEAD' });
  });

  it('throws a CoreError past maxRedirects', () => {
    let hop = firstHop(`${API}/a`, 'GET', API);
    for (let i = 0; i < 2; i++) hop = nextHop(hop, redirect(302, '/a'), API, 2) as Hop;
    expect(() => nextHop(hop, redirect(302, '/a'), API, 2)).toThrow(CoreError);
  });
});

describe('followRedirects', () => {
  it('sends each hop and returns the last response with its hop', async () => {
    const sent: string[] = [];
    const { response, hop } = await followRedirects(
      firstHop(`${API}/a`, 'GET', API),
      async (next) => {
        sent.push(`${next.url} trusted=${next.trusted}`);
        return next.index < 2
          ? redirect(302, next.index === 0 ? 'https://cdn.test/b' : `${API}/c`)
          : new Response('done');
      },
      API,
    );
    expect(await response.text()).toBe('done');
    expect(hop.url).toBe(`${API}/c`);
    expect(sent).toEqual([
      `${API}/a trusted=true`,
      'https://cdn.test/b trusted=false',
      `${API}/c trusted=false`,
    ]);
  });
});
