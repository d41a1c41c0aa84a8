import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Examples import the package by name, as users do.
    alias: {
      '@x/modrinth/operations': fileURLToPath(new URL('./src/operations.ts', import.meta.url)),
      '@x/modrinth/node': fileURLToPath(new URL('./src/node.ts', import.meta.url)),
      '@x/modrinth': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
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
