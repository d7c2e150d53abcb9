import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // The end-to-end file starts up to two Chromiums at once; two cores fit one such file.
    fileParallelism: false,
  },
});
