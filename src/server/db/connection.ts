/**
 * The SQLite connection: one per process, shared through globalThis so that
 * the start script (plain Node) and the built Astro server (a separate module
 * graph in dist/) use the same handle, and `close()` on shutdown closes it.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** A database or a transaction on it: what query functions take, so they compose inside transactions. */
export type Queryable = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

/** Turns DATABASE_URL (a path, or a `file:` URL) into a file path. */
export function sqlitePath(databaseUrl: string): string {
  if (databaseUrl === ':memory:') return databaseUrl;
  const path = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl;
  return resolve(path);
}

/** Opens a SQLite database with the pragmas every connection needs. */
export function openDatabase(databaseUrl: string): Db {
  const path = sqlitePath(databaseUrl);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const client = new Database(path);
  // WAL lets readers (the dashboard) run while a writer commits.
  client.pragma('journal_mode = WAL');
  // synchronous=NORMAL in WAL mode: a commit is durable against a crash of the
  // process (the SIGKILL case); only a power loss or OS crash can lose the
  // last transactions, never corrupt the file. FULL would fsync on every
  // commit, roughly halving write throughput for a risk this service accepts.
  client.pragma('synchronous = NORMAL');
  client.pragma('foreign_keys = ON');
  // Wait for a competing writer (a backup, a CLI) instead of failing at once.
  client.pragma('busy_timeout = 5000');
  keepPreparedStatements(client);
  return drizzle({ client, schema }) as Db;
}

/**
 * drizzle asks better-sqlite3 to prepare every query anew on each call, and
 * SQLite compiling the same SQL again was the largest single cost of a survey
 * post in the profile (7 % of the server's CPU under the write benchmark).
 * The SQL text of a query built by drizzle is the same on every call (values
 * are bound parameters), so the compiled statements are kept, keyed by their
 * text, the least recently used dropped beyond `size`. A better-sqlite3
 * statement is stateless between calls except for its raw/pluck/expand modes,
 * which drizzle sets for some calls: they are reset on every hand-out.
 * SQLite re-compiles a kept statement by itself after a schema change.
 */
function keepPreparedStatements(client: Database.Database, size = 1_000): void {
  const prepare = client.prepare.bind(client);
  const kept = new Map<string, Database.Statement>();
  client.prepare = ((source: string) => {
    let statement = kept.get(source);
    // A statement still being iterated cannot run again; give a fresh one.
    if (statement?.busy) return prepare(source);
    if (statement) {
      kept.delete(source);
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
    } else {
      statement = prepare(source);
      if (kept.size >= size) kept.delete(kept.keys().next().value!);
    }
    kept.set(source, statement);
    return statement;
  }) as typeof client.prepare;
}

const KEY = Symbol.for('tryghed.db');
type Holder = { [KEY]?: { url: string; db: Db } };

/** The process-wide database, opened on first use. */
export function getDb(databaseUrl: string): Db {
  const holder = globalThis as Holder;
  const current = holder[KEY];
  if (current && current.url === databaseUrl) return current.db;
  if (current) current.db.$client.close();
  const db = openDatabase(databaseUrl);
  holder[KEY] = { url: databaseUrl, db };
  return db;
}

/** Closes the process-wide database after folding the WAL back into the main file. */
export function closeDb(): void {
  const holder = globalThis as Holder;
  const current = holder[KEY];
  if (!current) return;
  delete holder[KEY];
  if (current.db.$client.open) {
    current.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    current.db.$client.close();
  }
}
