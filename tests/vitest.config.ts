/**
 * Test projects (run all with `npm test`, one with `--project NAME`):
 * - unit: pure rules in src/lib, no database, no server;
 * - integration: server modules against a real SQLite file in a temp directory;
 * - http: the built site, started as `npm start` starts it, driven with fetch;
 * - browser: the built site in Debian's Chromium (playwright-core), with axe checks;
 * - reliability: the built site under load, killed and restarted, fuzzed, backed up
 *   (each test starts its own server, so they run one file at a time).
 * `npm test` builds first (the `pretest` script), so http and browser test the real build.
 *
 * With TEST_POSTGRES_URL set (a PostgreSQL server URL whose role may create
 * databases; .ci/run sets it), three more projects run the integration, http
 * and reliability tests again with PostgreSQL as the database: integration-pg,
 * http-pg and reliability-pg. Each test database is created and dropped by the
 * test (tests/support/db.ts, tests/support/server.ts); http tests read and
 * write the server's database through the data-access layer
 * (tests/support/server-db.ts), so the same file runs on both.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const postgres = process.env['TEST_POSTGRES_URL'];

export default defineConfig({
  root,
  test: {
    projects: [
      ...(postgres
        ? [
            {
              extends: true,
              test: { name: 'integration-pg', include: ['tests/integration/**/*.test.ts'], testTimeout: 30_000, env: { DATABASE_URL: postgres } },
            },
            {
              extends: true,
              test: {
                name: 'http-pg',
                include: ['tests/http/**/*.test.ts'],
                globalSetup: ['tests/support/global-server.ts'],
                testTimeout: 20_000,
                env: { DATABASE_URL: postgres },
              },
            },
            {
              extends: true,
              test: {
                name: 'reliability-pg',
                include: ['tests/reliability/**/*.test.ts'],
                testTimeout: 300_000,
                hookTimeout: 120_000,
                fileParallelism: false,
                // After everything else, and after the SQLite reliability run.
                sequence: { groupOrder: 2 },
                env: { DATABASE_URL: postgres },
              },
            },
          ]
        : []),
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 15_000 } },
      // Some integration tests start the command-line tools as processes: allow them time on a busy 2-core machine.
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 30_000 } },
      {
        extends: true,
        test: {
          name: 'http',
          include: ['tests/http/**/*.test.ts'],
          globalSetup: ['tests/support/global-server.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-server.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'reliability',
          include: ['tests/reliability/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          // Load and crash tests measure the server: one at a time on a 2-core machine,
          // and after the other projects, so that nothing else competes for the cores.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
