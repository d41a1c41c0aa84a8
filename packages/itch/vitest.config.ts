import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The README's examples import the package by name; point it at the sources.
  resolve: {
    alias: {
      '@x/itch/operations': fileURLToPath(new URL('./src/operations.ts', import.meta.url)),
      '@x/itch': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    globalSetup: ['./test/global-setup.ts'],
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
