/**
 * Scratch PostgreSQL databases for the tests that run against PostgreSQL.
 *
 * TEST_POSTGRES_URL names a server and a role that may create databases
 * (.ci/run starts Debian's PostgreSQL and sets it). In the integration-pg and
 * reliability-pg projects it is also DATABASE_URL, so the app's tables are
 * PostgreSQL's (db/schema.ts). Each test gets its own database, created here
 * and dropped afterwards, so tests never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { isPostgresUrl } from '../../src/server/db/postgres.ts';

export const TEST_POSTGRES_URL = process.env['TEST_POSTGRES_URL'];

/** Whether this test process runs the app on PostgreSQL (the -pg projects). */
export const ON_POSTGRES = isPostgresUrl(process.env['DATABASE_URL'] ?? '');

export interface ScratchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!TEST_POSTGRES_URL) throw new Error('TEST_POSTGRES_URL is not set: no PostgreSQL server for this test.');
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test server. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `tryghed_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(TEST_POSTGRES_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => dropDatabase(name),
  };
}

/**
 * Drops a scratch database. PostgreSQL's autovacuum may be visiting a
 * database a test has just filled, and an unprivileged role may not end that
 * worker (DROP … WITH (FORCE) fails then): wait for it to leave, then, as a
 * last resort, force out connections a failed test left open.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(attempt < 50 ? `drop database if exists ${name}` : `drop database if exists ${name} with (force)`));
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 55006: the database is being accessed by other users.
      if (code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
