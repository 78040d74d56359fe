/**
 * The database of a running test server, read and written through the
 * app's data-access layer (drizzle, and src/server/db/raw.ts for the odd
 * hand-written query), so that a test works whether the server runs on
 * SQLite or PostgreSQL. The http and browser projects share one built server
 * (global-server.ts): `inject('dbPath')` is its DATABASE_URL.
 */
import { sql, type SQL } from 'drizzle-orm';
import { inject } from 'vitest';
import { TABLES_DIALECT } from '../../db/schema.ts';
import { closeDatabase, openHandle, type Db } from '../../src/server/db/connection.ts';
import { isPostgresUrl } from '../../src/server/db/postgres.ts';
import { rawRows } from '../../src/server/db/raw.ts';

const open = new Map<string, Db>();

/**
 * The database a server runs on (its DATABASE_URL), opened once per test
 * file through the data-access layer. This process's tables are chosen from
 * its own DATABASE_URL (db/schema.ts), so the server must run on the same
 * kind of database.
 */
export function serverDatabase(databaseUrl: string): Db {
  let db = open.get(databaseUrl);
  if (db) return db;
  const wanted = isPostgresUrl(databaseUrl) ? 'postgres' : 'sqlite';
  if (wanted !== TABLES_DIALECT) {
    throw new Error(`The server runs on ${wanted} but this test process's tables are ${TABLES_DIALECT}'s: set DATABASE_URL for the test project.`);
  }
  db = openHandle(databaseUrl, { max: 2 });
  open.set(databaseUrl, db);
  return db;
}

/**
 * Closes what serverDatabase opened for a server a test started itself, before
 * the server stops (a PostgreSQL scratch database cannot be dropped while
 * this process is still connected to it).
 */
export async function closeServerDatabase(databaseUrl: string): Promise<void> {
  const db = open.get(databaseUrl);
  if (!db) return;
  open.delete(databaseUrl);
  await closeDatabase(db);
}

/** The database of the server the http and browser projects share (global-server.ts). */
export function sharedServerDatabase(): Db {
  return serverDatabase(inject('dbPath'));
}

/**
 * The DATABASE_URL of the server at `base`, when this test process knows it:
 * the server the http and browser projects share. Undefined for a server a
 * test started itself (the reliability tests), which then sign in for real.
 */
export function databaseOfServer(base: string): string | undefined {
  let shared: string | undefined;
  try {
    shared = inject('baseUrl');
  } catch {
    return undefined;
  }
  return shared !== undefined && shared === base ? inject('dbPath') : undefined;
}

/** The rows of a hand-written query (portable SQL, values as `${...}` parameters) on the shared server's database. */
export function serverRows<T>(query: SQL): Promise<T[]> {
  return rawRows<T>(sharedServerDatabase(), query);
}

/** The first row of a hand-written query on the shared server's database; fails when there is none. */
export async function serverRow<T>(query: SQL): Promise<T> {
  const [row] = await serverRows<T>(query);
  if (row === undefined) throw new Error('no row');
  return row;
}

/**
 * A timestamp column as whole seconds since 1970 in a hand-written query, in
 * either dialect (SQLite stores the seconds; PostgreSQL a timestamp). Column
 * names only, never input.
 */
export function epochSeconds(column: string): SQL {
  return TABLES_DIALECT === 'postgres' ? sql.raw(`extract(epoch from ${column})::bigint`) : sql.raw(column);
}

/** A JSON column's value from a hand-written query: SQLite gives the text, PostgreSQL the parsed value. */
export function jsonValue<T = unknown>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
