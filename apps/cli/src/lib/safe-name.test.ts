import { describe, expect, test } from 'vitest';
import { nameProblem, pathInside } from './safe-name.ts';

describe('nameProblem', () => {
  test.each(['sodium-fabric-0.5.11+mc1.20.4.jar', 'Mod With Spaces (1.0).jar', 'é-unicode.jar'])(
    'accepts the plain name %j',
    (name) => {
      expect(nameProblem(name)).toBeUndefined();
    },
  );

  test.each([
    ['../../x', /folder separator/],
    ['..', /names a folder/],
    ['.', /names a folder/],
    ['a/b.jar', /folder separator/],
    ['a\\b.jar', /folder separator/],
    ['/etc/passwd', /folder separator/],
    ['', /empty/],
    ['x\u0000.jar', /control characters/],
    ['line\nbreak.jar', /control characters/],
    ['.hidden.jar', /hidden/],
    ['C:evil.jar', /drive/],
    ['x'.repeat(256), /255 bytes/],
  ])('refuses %j', (name, why) => {
    expect(nameProblem(name)).toMatch(why);
  });

  test('refuses what is not a string', () => {
    expect(nameProblem(undefined)).toMatch(/empty/);
    expect(nameProblem(42)).toMatch(/empty/);
  });
});

describe('pathInside', () => {
  test('joins a plain name to the folder', () => {
    expect(pathInside('/mods', 'a.jar', 'the server')).toBe('/mods/a.jar');
  });

  test('names the source and the name in the error', () => {
    expect(() => pathInside('/mods', '../../x', 'https://cdn.example/v/1')).toThrow(
      'refusing the file name "../../x" from https://cdn.example/v/1: it contains a folder separator',
    );
  });
});
