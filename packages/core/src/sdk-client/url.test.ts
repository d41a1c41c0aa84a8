import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors.js';
import { buildUrl, defaultQuerySerializer, fillPath } from './url.js';

describe('fillPath', () => {
  it('encodes each parameter, lists joined by commas', () => {
    expect(fillPath('/project/{idOrSlug}/version', { idOrSlug: 'a b/c' })).toBe(
      '/project/a%20b%2Fc/version',
    );
    expect(fillPath('/x/{ids}', { ids: ['a', 'b'] })).toBe('/x/a,b');
    // A comma inside one value is data, not a list separator.
    expect(fillPath('/project/{idOrSlug}', { idOrSlug: 'a,b' })).toBe('/project/a%2Cb');
    expect(fillPath('/x/{ids}', { ids: ['a,b', 'c'] })).toBe('/x/a%2Cb,c');
    expect(fillPath('/games/{gameId}', { gameId: 42 })).toBe('/games/42');
  });

  it('a missing or empty parameter is a CoreError naming it, never a literal {name} in the URL', () => {
    expect(() => fillPath('/project/{idOrSlug}', {})).toThrow(CoreError);
    expect(() => fillPath('/project/{idOrSlug}', { idOrSlug: '' })).toThrow(/"idOrSlug"/);
    expect(() => fillPath('/project/{idOrSlug}', undefined)).toThrow(/\/project\/\{idOrSlug\}/);
  });

  it('a value whose text is empty (an empty list, a toString giving "") is refused too: /project//icon is another endpoint behind a slash-merging proxy', () => {
    expect(() => fillPath('/project/{idOrSlug}/icon', { idOrSlug: [] })).toThrow(/"idOrSlug"/);
    expect(() => fillPath('/project/{idOrSlug}/icon', { idOrSlug: [''] })).toThrow(CoreError);
    expect(() =>
      fillPath('/project/{idOrSlug}/icon', { idOrSlug: { toString: () => '' } }),
    ).toThrow(CoreError);
  });

  it('"." and ".." are refused: a URL parser would resolve them to another endpoint', () => {
    expect(() => fillPath('/project/{idOrSlug}/version', { idOrSlug: '..' })).toThrow(CoreError);
    expect(() => fillPath('/project/{idOrSlug}', { idOrSlug: '.' })).toThrow(
      /"idOrSlug" cannot be "\."/,
    );
    expect(fillPath('/project/{idOrSlug}', { idOrSlug: '../admin' })).toBe('/project/..%2Fadmin');
    expect(fillPath('/project/{idOrSlug}', { idOrSlug: '...' })).toBe('/project/...');
  });
});

describe('defaultQuerySerializer', () => {
  it('form style: lists repeat their key, objects go as key[field], null and undefined are left out', () => {
    expect(
      defaultQuerySerializer({
        a: 1,
        b: ['x', 'y z'],
        c: { d: true },
        e: undefined,
        f: null,
        g: new Date(0),
      }),
    ).toBe('a=1&b=x&b=y%20z&c%5Bd%5D=true&g=1970-01-01T00%3A00%3A00.000Z');
  });
});

describe('bad input', () => {
  it('a lone surrogate is a CoreError naming the parameter, not a URIError', () => {
    expect(() => fillPath('/p/{id}', { id: 'a\ud800' })).toThrow(/path parameter "id"/);
    expect(() => defaultQuerySerializer({ q: '\udfff' })).toThrow(CoreError);
  });

  it('objects nested in a list or an object go as JSON, never [object Object]', () => {
    expect(defaultQuerySerializer({ f: [{ a: 1 }], g: { h: { i: 2 } } })).toBe(
      `f=${encodeURIComponent('{"a":1}')}&g%5Bh%5D=${encodeURIComponent('{"i":2}')}`,
    );
  });
});

describe('buildUrl', () => {
  it('joins base, path and query; a trailing slash on the base is dropped; no ? without a query', () => {
    expect(
      buildUrl('https://api.test/v2/', '/p/{id}', { id: 'x' }, { q: 's' }, defaultQuerySerializer),
    ).toBe('https://api.test/v2/p/x?q=s');
    expect(buildUrl('https://api.test', '/p', undefined, {}, defaultQuerySerializer)).toBe(
      'https://api.test/p',
    );
  });
});
