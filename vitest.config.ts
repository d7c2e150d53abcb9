import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          // The unit tests run src/ directly, as the one-file build does: every dictionary and message at hand.
          setupFiles: ['test/unit/setup/companions.ts'],
        },
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file launches its own Chromium; two cores fit two at once.
          maxWorkers: 2,
        },
      },
    ],
  },
});
