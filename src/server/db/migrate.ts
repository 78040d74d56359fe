/**
 * Applies the committed drizzle-kit migrations: db/migrations for SQLite,
 * db/migrations-pg for PostgreSQL. Called by the start script, the dev
 * script and the tests; the built server never migrates on its own.
 */
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from './connection.ts';
import { migratePostgres, withPostgresStartupLock, type PostgresDb } from './postgres.ts';
import { sqliteClientOf } from './transaction.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../db/migrations', import.meta.url));

export async function migrateDatabase(db: Db): Promise<void> {
  if (sqliteClientOf(db)) migrate(db as unknown as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS_FOLDER });
  else await migratePostgres(db as unknown as PostgresDb);
}

/**
 * Runs the start-up work (migrate, seed) so that several instances starting
 * at once on one PostgreSQL database take turns. SQLite has one process.
 */
export async function withStartupLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  return sqliteClientOf(db) ? fn() : withPostgresStartupLock(db as unknown as PostgresDb, fn);
}
