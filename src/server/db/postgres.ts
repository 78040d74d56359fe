/**
 * PostgreSQL, for several app instances on one shared database: a
 * node-postgres pool behind drizzle's PostgreSQL dialect, with the tables of
 * db/schema.ts as PostgreSQL's and the migrations of db/migrations-pg. The
 * rest of the app sees the same `Db` as with SQLite (see connection.ts).
 */
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { tablesIn } from '../../../db/dialect.ts';
import * as allTables from '../../../db/schema.ts';

/** The tables as PostgreSQL's, for drizzle's PostgreSQL dialect (db/schema.ts exports the process's). */
const schema = tablesIn('postgres', allTables);

export const PG_MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../db/migrations-pg', import.meta.url));

/** Whether DATABASE_URL names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//i.test(databaseUrl);
}

/** The URL without its password, for logs and start-up messages. */
export function redactDatabaseUrl(databaseUrl: string): string {
  if (!isPostgresUrl(databaseUrl) || !URL.canParse(databaseUrl)) return databaseUrl;
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  return url.toString();
}

// count(*) is a bigint and sum()/avg() a numeric in PostgreSQL, which
// node-postgres hands over as strings; SQLite gives numbers. The counts here
// stay far below 2^53, so both are read as numbers and the code sees the
// same values on both databases.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export type PostgresDb = ReturnType<typeof drizzle<typeof schema>> & { $client: pg.Pool };

/**
 * A pool of connections. `max` per instance: with N instances the server
 * must allow N × max connections (PostgreSQL's default is 100).
 */
export function openPostgres(databaseUrl: string, options: { max?: number; onError?: (error: Error) => void } = {}): PostgresDb {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10, application_name: 'tryghed' });
  // An idle connection that the server drops (restart, failover) emits an
  // error on the pool; without a listener it would end the process.
  pool.on('error', (error) => options.onError?.(error));
  return drizzle({ client: pool, schema }) as PostgresDb;
}

/** Applies the committed PostgreSQL migrations (see withStartupLock for several instances). */
export async function migratePostgres(db: PostgresDb): Promise<void> {
  await migrate(db, { migrationsFolder: PG_MIGRATIONS_FOLDER });
}

/** An arbitrary, fixed key for the advisory lock that start-ups take. */
const STARTUP_LOCK = 7_412_001;

/**
 * Runs fn (migrating and seeding at start-up) while holding a PostgreSQL
 * advisory lock: instances that start together take turns, so each migration
 * runs once and an empty database is seeded once. The lock is held by one
 * connection of the pool and released when fn ends or fails.
 */
export async function withPostgresStartupLock<T>(db: PostgresDb, fn: () => Promise<T>): Promise<T> {
  const client = await db.$client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    try {
      return await fn();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]);
    }
  } finally {
    client.release();
  }
}
