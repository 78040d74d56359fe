/**
 * Applies the committed drizzle-kit migrations: db/migrations for SQLite,
 * db/migrations-pg for PostgreSQL. Called by the start script, the dev
 * script and the tests; the built server never migrates on its own.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import sqliteJournal from '../../../db/migrations/meta/_journal.json' with { type: 'json' };
import pgJournal from '../../../db/migrations-pg/meta/_journal.json' with { type: 'json' };
import type { Db } from './connection.ts';
import { migratePostgres, withPostgresStartupLock, type PostgresDb } from './postgres.ts';
import { rawRow, rawRun } from './raw.ts';
import { sqliteClientOf } from './transaction.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../db/migrations', import.meta.url));

export async function migrateDatabase(db: Db): Promise<void> {
  const sqlite = sqliteClientOf(db) !== undefined;
  if (sqlite) migrateSqlite(db);
  else await migratePostgres(db as unknown as PostgresDb);
  // Rows stored before record keys existed get theirs (src/lib/disclosure/perturbation.ts):
  // random in [1, 2³¹), drawn by the database; new rows get theirs on insert.
  const randomKey = sqlite ? sql`1 + abs(random() % 2147483647)` : sql`1 + floor(random() * 2147483646)::int`;
  for (const table of [sql`reports`, sql`responses`]) await rawRun(db, sql`update ${table} set cell_key = ${randomKey} where cell_key = 0`);
}

/**
 * SQLite cannot add a constraint to a table, so drizzle-kit rebuilds it: a
 * new table, a copy, DROP TABLE, a rename. With foreign keys on, that DROP
 * deletes the rows that refer to the old table through ON DELETE CASCADE (a
 * rebuilt `comments` would take every reply with it), and the migration's own
 * `PRAGMA foreign_keys=OFF` does nothing inside the transaction drizzle runs
 * it in. So the keys are off for the whole run, as SQLite's guide to altering
 * tables says, and checked once at the end: a violation stops the start.
 */
function migrateSqlite(db: Db): void {
  const client = sqliteClientOf(db)!;
  client.pragma('foreign_keys = OFF');
  try {
    migrate(db as unknown as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS_FOLDER });
    const violations = client.pragma('foreign_key_check') as { table: string; parent: string }[];
    if (violations.length > 0) {
      const [first] = violations;
      throw new Error(`after the migrations ${violations.length} rows break a foreign key (first: ${first!.table} → ${first!.parent})`);
    }
  } finally {
    client.pragma('foreign_keys = ON');
  }
}

/**
 * Runs the start-up work (migrate, seed) so that several instances starting
 * at once on one PostgreSQL database take turns. SQLite has one process.
 */
export async function withStartupLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  return sqliteClientOf(db) ? fn() : withPostgresStartupLock(db as unknown as PostgresDb, fn);
}

/**
 * How far the database is migrated: the number of applied migrations (from
 * drizzle's journal table, which PostgreSQL keeps in the schema `drizzle`),
 * the committed ones, and the newest applied tag. Throws when the database
 * cannot be read.
 */
export async function migrationState(db: Db): Promise<{ applied: number; committed: number; latest: string | null }> {
  const sqlite = sqliteClientOf(db) !== undefined;
  const table = sqlite ? sql`__drizzle_migrations` : sql`drizzle.__drizzle_migrations`;
  const applied = Number((await rawRow<{ n: number }>(db, sql`select count(*) as n from ${table}`))?.n ?? 0);
  const entries = (sqlite ? sqliteJournal : pgJournal).entries;
  return { applied, committed: entries.length, latest: applied > 0 ? (entries[applied - 1]?.tag ?? null) : null };
}
