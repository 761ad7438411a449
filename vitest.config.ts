import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A guard against hangs, not a speed test: a busy 2-core machine runs the spawning tests several
    // times slower than an idle one (the docs examples took 25 s idle and 97 s busy).
    testTimeout: 120_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The process entry only wires real descriptors to run(); the end-to-end tests spawn it.
      exclude: ['src/cli/bin.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: '.tmp/coverage',
      // The floor CI enforces; the suite is expected to stay well above it.
      thresholds: { lines: 90 },
    },
  },
});
