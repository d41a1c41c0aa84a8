import { describe, expect, it } from 'vitest';
import { modrinthQuerySerializer } from '../src/query.js';

describe('array query encoding', () => {
  it('JSON-encodes arrays exactly as Modrinth expects, URL-encoded', () => {
    const qs = modrinthQuerySerializer({ ids: ['a', 'b'] });
    expect(qs).toBe(`ids=${encodeURIComponent('["a","b"]')}`);
    expect(new URLSearchParams(qs).get('ids')).toBe('["a","b"]');
  });

  it('matches the live API URL of the recorded version list', () => {
    const qs = modrinthQuerySerializer({ game_versions: ['1.21.1'], loaders: ['fabric'] });
    const params = new URLSearchParams(qs);
    expect(params.get('game_versions')).toBe('["1.21.1"]');
    expect(params.get('loaders')).toBe('["fabric"]');
  });

  it('scalars as strings, skips undefined and null, keeps facets strings as-is', () => {
    const qs = modrinthQuerySerializer({
      query: 'a b&c',
      limit: 10,
      featured: false,
      offset: undefined,
      index: null,
      facets: '[["categories:fabric"]]',
    });
    const params = new URLSearchParams(qs);
    expect([...params.keys()]).toEqual(['query', 'limit', 'featured', 'facets']);
    expect(params.get('query')).toBe('a b&c');
    expect(params.get('featured')).toBe('false');
    expect(params.get('facets')).toBe('[["categories:fabric"]]');
  });

  it('an empty array is sent as []', () => {
    expect(new URLSearchParams(modrinthQuerySerializer({ ids: [] })).get('ids')).toBe('[]');
  });
});
