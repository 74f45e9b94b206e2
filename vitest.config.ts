import { defineConfig } from 'vitest/config';

// MTQG_TEST_DB=postgres runs the same integration suite on the PostgreSQL server (see src/test/db.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['src/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
