import { defineConfig } from 'vitest/config';

/**
 * Two projects share one run:
 * - unit: pure rules and helpers, no database (`*.test.ts` that are not integration tests);
 * - integration: anything that touches a database (`*service*.test.ts`, `*store*.test.ts`,
 *   `*routes*.test.ts`, `*.int.test.ts`). They run on an in-memory PGlite cloned from a golden
 *   image built once per run, or on PostgreSQL when DATABASE_URL is set (`npm run test:pg`),
 *   which adds test/postgres (several server processes sharing one database).
 * Browser tests live in test/e2e and run through scripts/e2e.js, not here.
 */
const integrationGlobs = [
  'src/**/*service*.test.ts',
  'src/**/*store*.test.ts',
  'src/**/*routes*.test.ts',
  'src/**/*.int.test.ts',
  'test/integration/**/*.test.ts',
];
/** Tests that need PostgreSQL itself (several server processes on one database): `npm run test:pg` only. */
const postgresOnlyGlobs = process.env.DATABASE_URL ? ['test/postgres/**/*.test.ts'] : [];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: integrationGlobs,
          environment: 'node',
          // Projects with different worker counts must run as separate groups: unit first, then integration, then system.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          // Whole processes: the server's data-dir lock, SIGKILL durability, the CLI. Embedded database only.
          name: 'system',
          include: ['test/system/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          pool: 'forks',
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          // Browser journeys in Debian's Chromium against a real server (scripts/e2e.js runs them).
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          globalSetup: ['test/e2e/setup.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 300_000,
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: [...integrationGlobs, ...postgresOnlyGlobs],
          globalSetup: ['test/support/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
