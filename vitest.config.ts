import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // Typed RuleTester cases share one project service per file; give the first case time to build it.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
