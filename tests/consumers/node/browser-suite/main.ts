/// <reference types="vite/client" />
// The browser suite's page: collects every case of cases/*.ts and lets the
// driver (scripts/browser-suite.mjs, through Playwright) run them one by one.
import type { BrowserCase, SuiteEnv } from './harness';

const files = import.meta.glob<{ cases: BrowserCase[] }>('./cases/*.ts', { eager: true });
const cases = new Map<string, BrowserCase>();
for (const [file, mod] of Object.entries(files)) {
  for (const c of mod.cases) {
    if (cases.has(c.name)) throw new Error(`duplicate browser case "${c.name}" (${file})`);
    cases.set(c.name, c);
  }
}

const results = document.querySelector('#results') as HTMLOListElement;

(globalThis as { suite?: unknown }).suite = {
  names: () => [...cases.keys()],
  async run(name: string, env: SuiteEnv): Promise<string> {
    const c = cases.get(name);
    if (!c) throw new Error(`no browser case "${name}"`);
    const li = document.createElement('li');
    li.textContent = `${name}: running`;
    results.append(li);
    try {
      const detail = await c.run(env);
      li.textContent = `ok ${name}: ${detail}`;
      return detail;
    } catch (error) {
      li.textContent = `FAILED ${name}: ${String(error)}`;
      throw error;
    }
  },
};
