import { defineConfig } from 'vitest/config';

// A real browser on a shared 2-core machine: generous timeouts, no timing assertions, and one
// test file (one Chromium) at a time.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
