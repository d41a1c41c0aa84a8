import { describe, expect, it } from 'vitest';
import { FacetError, facet, facets } from '../src/index.js';

describe('facets builder', () => {
  it('allOf ANDs several categories, one group each (the easy form)', () => {
    expect(facets().allOf('categories', ['fabric', 'technology']).toArray()).toEqual([
      ['categories:fabric'],
      ['categories:technology'],
    ]);
  });

  it('anyOf ORs values inside one group', () => {
    expect(facets().anyOf('versions', ['1.21', '1.21.1']).build()).toBe(
      '[["versions:1.21","versions:1.21.1"]]',
    );
  });

  it('supports every operator and mixes groups', () => {
    const value = facets()
      .projectType('mod')
      .where('downloads', '>', 1000)
      .where('downloads', '>=', 1)
      .where('created_timestamp', '<', 1700000000)
      .where('follows', '<=', 10)
      .where('versions', '!=', '1.20.1')
      .where('license', '=', 'MIT')
      .or(facet('client_side', 'required'), facet('server_side', 'required'))
      .toArray();
    expect(value).toEqual([
      ['project_type:mod'],
      ['downloads>1000'],
      ['downloads>=1'],
      ['created_timestamp<1700000000'],
      ['follows<=10'],
      ['versions!=1.20.1'],
      ['license=MIT'],
      ['client_side:required', 'server_side:required'],
    ]);
  });

  it('an empty builder gives no facets parameter', () => {
    expect(facets().build()).toBeUndefined();
    expect(facets().toString()).toBe('[]');
  });

  it.each([
    ['empty value', () => facet('categories', '')],
    ['blank value', () => facet('categories', '  ')],
    ['single-quoted value', () => facet('categories', "'forge'")],
    ['double-quoted value', () => facet('categories', '"forge"')],
    ['bad type', () => facet('categories:forge' as string, 'x')],
    ['bad operator', () => facet('downloads', '~' as never, 1)],
    ['NaN', () => facet('downloads', '>', Number.NaN)],
    ['empty allOf', () => facets().allOf('categories', [])],
    ['empty anyOf', () => facets().anyOf('categories', [])],
    ['empty or()', () => facets().or()],
  ])('refuses %s with a FacetError', (_name, build) => {
    expect(build).toThrow(FacetError);
  });

  it('explains how to fix a quoted value', () => {
    expect(() => facet('categories', "'forge'")).toThrow(/write categories:forge/);
  });
});
