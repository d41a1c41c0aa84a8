import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');

describe('README', () => {
  const blocks = [...readme.matchAll(/<!-- example: (\S+) -->\n\n```ts\n([\s\S]*?)```/g)];

  it('quotes every example file', () => {
    expect(blocks.map((b) => b[1]).sort()).toEqual([
      'examples/auth.ts',
      'examples/builds.ts',
      'examples/downloads.ts',
      'examples/pagination.ts',
      'examples/quick-start.ts',
    ]);
  });

  for (const [, file, code] of blocks) {
    it(`${file} is quoted verbatim (and run by test/examples.test.ts)`, () => {
      expect(code).toBe(readFileSync(new URL(file!, root), 'utf8'));
    });
  }

  it('has no other TypeScript blocks (they would be untested)', () => {
    expect(readme.match(/```ts/g)?.length).toBe(blocks.length);
  });
});
