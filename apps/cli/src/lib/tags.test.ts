import { expect, test } from 'vitest';
import { checkTag } from './tags.ts';

const versions = ['1.20.4', '1.20.1', '1.19.2', '23w13a'];

test('a known value passes', () => {
  expect(() => checkTag('--game-version', '1.20.4', versions, 'game version')).not.toThrow();
});

test('an unknown value is a usage error with the nearest known value', () => {
  expect(() => checkTag('--game-version', '1.20.5', versions, 'game version')).toThrow(
    '--game-version "1.20.5" is not a game version Modrinth knows; did you mean "1.20.4"?',
  );
  expect(() => checkTag('--loader', 'fabirc', ['fabric', 'forge', 'quilt'], 'loader')).toThrow(
    /did you mean "fabric"\?/,
  );
});

test('a different case suggests the right spelling', () => {
  expect(() => checkTag('--loader', 'Fabric', ['fabric', 'forge'], 'loader')).toThrow(
    /did you mean "fabric"\?/,
  );
});
