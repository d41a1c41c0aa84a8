import { expect, test } from 'vitest';
import { isNewerVersion as isNewer } from './newer.js';

const v = (id: string, date: string, number: string) => ({
  id,
  date_published: date,
  version_number: number,
});

test('a later publication is newer; an earlier one never is (no downgrades)', () => {
  const old = v('a', '2024-01-01T00:00:00Z', '0.5.8');
  const recent = v('b', '2024-03-01T00:00:00Z', '0.5.11');
  expect(isNewer(recent, old)).toBe(true);
  expect(isNewer(old, recent)).toBe(false);
});

test('the date wins over the version number (a hotfix of an older line is not newer)', () => {
  const installed = v('a', '2024-05-01T00:00:00Z', '0.6.0');
  const backport = v('b', '2024-04-01T00:00:00Z', '0.5.12');
  expect(isNewer(backport, installed)).toBe(false);
});

test('on the same date the version number decides, number by number', () => {
  const day = '2024-01-01T00:00:00Z';
  expect(isNewer(v('b', day, '0.5.11'), v('a', day, '0.5.8'))).toBe(true);
  expect(isNewer(v('b', day, '0.5.8'), v('a', day, '0.5.11'))).toBe(false);
  expect(isNewer(v('b', day, '1.0'), v('a', day, '1.0'))).toBe(false);
});

test('the same version, or unreadable dates with equal numbers, is not newer', () => {
  const same = v('a', '2024-01-01T00:00:00Z', '1.0');
  expect(isNewer(same, same)).toBe(false);
  expect(isNewer(v('b', 'garbage', '1.0'), v('a', 'garbage', '1.0'))).toBe(false);
  expect(isNewer(v('b', 'garbage', '1.1'), v('a', '2024-01-01T00:00:00Z', '1.0'))).toBe(true);
});
