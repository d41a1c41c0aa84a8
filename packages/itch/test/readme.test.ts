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

describe('README lists the runtime exports', () => {
  const listed = (entry: string) => {
    const match = readme.match(new RegExp(`<!-- runtime-exports: ${entry} -->\\n(.*)\\n`));
    if (!match?.[1]) throw new Error(`no runtime-exports list for ${entry}`);
    return [...match[1].matchAll(/`([\w$]+)`/g)].map((m) => m[1] as string);
  };

  it('of @x/itch, exactly, and no value named client', async () => {
    const main = await import('../src/index.js');
    const names = new Set(listed('@x/itch'));
    expect([...names].filter((n) => n in main).sort()).toEqual(Object.keys(main).sort());
    expect(main).not.toHaveProperty('client');
  });

  it('of @x/itch/operations: every name listed is exported', async () => {
    const operations = await import('../src/operations.js');
    for (const name of listed('@x/itch/operations').filter((n) => /^[a-z]/.test(n))) {
      expect(operations, name).toHaveProperty(name);
    }
  });
});
