import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Fuzz samples and scaling tests take seconds; a slow CI machine must not time them out.
          testTimeout: 60_000,
        },
      },
      {
        // The worker's real handlers and services on in-memory ports (tests/integration/fake-ports.ts).
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        // Benchmarks print figures (tinybench); run with `npm run bench`, never part of `npm test`.
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.bench.ts'],
          environment: 'node',
          testTimeout: 300_000,
        },
      },
      {
        // parsePolicy fuzzing, ≥ 100,000 cases (tests/fuzz/); `npm run test:fuzz`, not part of
        // test:unit, which runs a 2,000-case sample of the same properties.
        test: {
          name: 'fuzz',
          include: ['tests/fuzz/**/*.fuzz.ts'],
          environment: 'node',
          testTimeout: 1_800_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          // One browser at a time: they share /etc/chromium/policies/managed (and, across runs on
          // one machine, the lock in machine-lock.ts).
          maxWorkers: 1,
          globalSetup: ['tests/e2e/machine-lock.ts'],
        },
      },
    ],
  },
});
