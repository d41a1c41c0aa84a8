import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each test starts Prism (~200 MB, ~1 s): one file at a time on small machines.
    fileParallelism: false,
  },
});
