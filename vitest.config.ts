import { defineConfig } from 'vitest/config';

// MTQG_TEST_DB=postgres runs the same integration suite on the PostgreSQL server (see src/test/db.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['src/test/global-setup.ts'],
    testTimeout: 90_000, // a guard against hangs, not a budget: demo seeding is slow on a loaded 2-core machine
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
