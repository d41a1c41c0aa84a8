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

describe('README lists the runtime exports', () => {
  const listed = (entry: string) => {
    const match = readme.match(new RegExp(`<!-- runtime-exports: ${entry} -->\\n(.*)\\n`));
    if (!match?.[1]) throw new Error(`no runtime-exports list for ${entry}`);
    // The names in backticks (the entry's own name has characters no export has).
    return [...match[1].matchAll(/`([\w$]+)`/g)].map((m) => m[1] as string);
  };

  it('of @x/modrinth, exactly', async () => {
    const main = await import('../src/index.js');
    const names = new Set(listed('@x/modrinth'));
    expect([...names].filter((n) => n in main).sort()).toEqual(Object.keys(main).sort());
  });

  it('of @x/modrinth/node, exactly', async () => {
    const node = await import('../src/node.js');
    expect(listed('@x/modrinth/node').sort()).toEqual(Object.keys(node).sort());
  });

  it('of @x/modrinth/operations: every name listed is exported', async () => {
    const operations = await import('../src/operations.js');
    for (const name of listed('@x/modrinth/operations').filter((n) => !/^[A-Z]/.test(n))) {
      if (
        [
          'createProject',
          'createVersion',
          'addFilesToVersion',
          'changeProjectIcon',
          'addGalleryImage',
          'changeUserIcon',
        ].includes(name)
      ) {
        expect(operations, name).not.toHaveProperty(name);
      } else {
        expect(operations, name).toHaveProperty(name);
      }
    }
  });
});
