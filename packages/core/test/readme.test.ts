import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const dir = new URL('../examples/', import.meta.url);

describe('README', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.ts')))(
    'quotes examples/%s verbatim',
    (file) => {
      const code = readFileSync(new URL(file, dir), 'utf8').trimEnd();
      expect(readme).toContain(`// examples/${file}\n${code}\n\`\`\``);
    },
  );

  it('documents every exported error class', async () => {
    const core = await import('../src/index.js');
    const errorClasses = Object.entries(core)
      .filter(([, v]) => typeof v === 'function' && v.prototype instanceof Error)
      .map(([k]) => k);
    expect(errorClasses.length).toBeGreaterThanOrEqual(13);
    for (const name of errorClasses) expect(readme).toContain(`\`${name}\``);
  });
});
