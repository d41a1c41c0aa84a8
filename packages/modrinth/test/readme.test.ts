import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  const quoted = [
    ...readme.matchAll(/<!-- example: (examples\/[\w.-]+) -->\s*```ts\n([\s\S]*?)\n```/g),
  ];

  it('quotes examples', () => {
    expect(quoted.length).toBeGreaterThanOrEqual(6);
  });

  for (const [, file, code] of quoted) {
    it(`quotes ${file} verbatim (a test runs it)`, () => {
      expect(code).toBe(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8').trimEnd());
    });
  }

  it('has no unquoted TypeScript blocks', () => {
    const blocks = readme.match(/```ts/g) ?? [];
    expect(blocks.length).toBe(quoted.length);
  });
});
