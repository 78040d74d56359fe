/**
 * The database connection: one per process (a SQLite file, or a pool of
 * PostgreSQL connections, see postgres.ts), shared through globalThis so that
 * the start script (plain Node) and the built Astro server (a separate module
 * graph in dist/) use the same handle, and `closeDb()` on shutdown closes it.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drainBackgroundCopies } from './checkpoint-worker.ts';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { tablesIn } from '../../../db/dialect.ts';
import * as allTables from '../../../db/schema.ts';
import { TABLES_DIALECT } from '../../../db/schema.ts';
import { isPostgresUrl, openPostgres, redactDatabaseUrl, type PostgresDb } from './postgres.ts';
import { sqliteClientOf } from './transaction.ts';

/** The tables as SQLite's, for drizzle's SQLite dialect (db/schema.ts exports the process's). */
const schema = tablesIn('sqlite', allTables);

/**
 * A database or a transaction on it: what query functions take, so they
 * compose inside transactions. The one data-access interface of the app, the
 * same for SQLite and PostgreSQL, so code written against it must use only
 * what both dialects have:
 * - await a query to run it: `await q.select()…` gives the rows (take the
 *   first with `const [row] = await …limit(1)`), `await q.insert(…).values(…)`
 *   runs it, `.returning()` gives the inserted or updated rows;
 * - never `.get()`, `.all()`, `.run()` or `.values()` on a query (SQLite only);
 * - never `q.transaction()`: use `transaction()` from ./transaction.ts;
 * - hand-written SQL through ./raw.ts.
 * The linter holds the code to these rules (tests/eslint.config.mjs, with the
 * type-aware rule in tests/eslint-rules/; proven by tests/unit/lint-data-access.test.ts).
 */
export type Queryable = Omit<BaseSQLiteDatabase<'async', unknown, typeof schema>, SqliteOnly>;

/**
 * What drizzle's SQLite database has and its PostgreSQL one has not (or has
 * otherwise): left out of the type, so a call to one does not compile. The
 * same methods on a query builder (`select()…get()`) are the linter's to
 * find (tests/eslint-rules/dialect-neutral-queries.mjs).
 */
type SqliteOnly = 'get' | 'all' | 'run' | 'values' | 'transaction' | '$client';

/** The process's database: a Queryable that can also be closed. */
export type Db = Queryable;

/** A SQLite database opened by openDatabase: a Queryable with its better-sqlite3 connection, for SQLite-only tools. */
export type SqliteDb = Queryable & { $client: Database.Database };

/** Turns DATABASE_URL (a path, or a `file:` URL) into a file path. */
export function sqlitePath(databaseUrl: string): string {
  if (databaseUrl === ':memory:') return databaseUrl;
  const path = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl;
  return resolve(path);
}

/** DATABASE_URL for messages: the SQLite file's path, or the PostgreSQL URL without its password. */
export function describeDatabase(databaseUrl: string): string {
  return isPostgresUrl(databaseUrl) ? redactDatabaseUrl(databaseUrl) : sqlitePath(databaseUrl);
}

/** How long a SQLite statement waits for another connection's lock before it fails (the WAL's truncation waits for none: remnants.ts). */
export const BUSY_TIMEOUT_MS = 5000;

/** Opens a SQLite database with the pragmas every connection needs. */
export function openDatabase(databaseUrl: string): SqliteDb {
  const path = sqlitePath(databaseUrl);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const client: Database.Database = new StatementKeepingDatabase(path);
  // WAL lets readers (the dashboard) run while a writer commits.
  client.pragma('journal_mode = WAL');
  // synchronous=NORMAL in WAL mode: a commit is durable against a crash of the
  // process (the SIGKILL case); only a power loss or OS crash can lose the
  // last transactions, never corrupt the file. FULL would fsync on every
  // commit, roughly halving write throughput for a risk this service accepts.
  client.pragma('synchronous = NORMAL');
  client.pragma('foreign_keys = ON');
  // Deleted and overwritten content is zeroed, so free pages keep no old
  // rows; the WAL is checkpointed and truncated after residents' writes
  // (remnants.ts) and kept under 1 MiB otherwise. See README "Privacy".
  client.pragma('secure_delete = ON');
  client.pragma('journal_size_limit = 1048576');
  // SQLite's own checkpoint runs inside the COMMIT that takes the WAL past
  // this many pages, and syncs the file: at the default (1,000 pages, 4 MiB)
  // that was every ~25th survey submission under load, and half of a
  // submission's time on average. Residents' writes are checkpointed within
  // half a second anyway (remnants.ts), so this is only the bound for other
  // writers: 10,000 pages (40 MiB).
  client.pragma('wal_autocheckpoint = 10000');
  // Wait for a competing writer (a backup, a CLI) instead of failing at once.
  client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return drizzle({ client, schema }) as unknown as SqliteDb;
}

/**
 * A better-sqlite3 connection that keeps its compiled statements. drizzle
 * asks the connection to prepare every query anew on each call, and SQLite
 * compiling the same SQL again was the largest single cost of a survey post
 * in an early profile (7 % of the server's CPU under the write benchmark).
 * The hottest queries are prepared once through drizzle (prepared.ts); this
 * covers the rest. The SQL text of a query built by drizzle is the same on
 * every call (values are bound parameters), so the compiled statements are
 * kept, keyed by their text, the least recently used dropped beyond
 * KEPT_STATEMENTS. A better-sqlite3 statement is stateless between calls
 * except for its raw/pluck/expand modes, which drizzle sets for some calls:
 * they are reset on every hand-out. SQLite re-compiles a kept statement by
 * itself after a schema change.
 */
class StatementKeepingDatabase extends Database {
  readonly #kept = new Map<string, Database.Statement>();

  // Typed `never` to fit better-sqlite3's generic signature: callers see the base class's types.
  override prepare(source: string): never {
    let statement = this.#kept.get(source);
    // A statement still being iterated cannot run again; give a fresh one.
    if (statement?.busy) return super.prepare(source) as never;
    if (statement) {
      this.#kept.delete(source);
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
    } else {
      statement = super.prepare(source) as Database.Statement;
      if (this.#kept.size >= KEPT_STATEMENTS) this.#kept.delete(this.#kept.keys().next().value!);
    }
    this.#kept.set(source, statement);
    return statement as never;
  }
}

/** Compiled statements kept per connection (the app has a few hundred distinct queries). */
export const KEPT_STATEMENTS = 1_000;

/**
 * A handle on the database a URL names, SQLite or PostgreSQL, as the app's
 * one data-access type (options: PostgreSQL's pool). Code is type-checked
 * against drizzle's SQLite builder types, without what only SQLite has (see
 * Queryable): the two dialects' builders are different classes with the same
 * query-building methods, and TypeScript cannot call a method on a union of
 * them. So the PostgreSQL handle takes that type here, the one place that
 * does. What keeps it honest is that every query also runs on PostgreSQL
 * (the integration-pg, http-pg and reliability-pg test projects) and the
 * linter's data-access rules (tests/eslint.config.mjs).
 */
export function openHandle(databaseUrl: string, options: { max?: number; onError?: (error: Error) => void } = {}): Db {
  if (!isPostgresUrl(databaseUrl)) return openDatabase(databaseUrl);
  const pool: PostgresDb = openPostgres(databaseUrl, options);
  return pool as unknown as Db;
}

const KEY = Symbol.for('tryghed.db');
type Holder = { [KEY]?: { url: string; db: Db } };

/**
 * The process-wide database, opened on first use: PostgreSQL when the URL is
 * postgres://…, otherwise the SQLite file it names.
 */
export function getDb(databaseUrl: string): Db {
  const holder = globalThis as Holder;
  const current = holder[KEY];
  if (current && current.url === databaseUrl) return current.db;
  if (current) void closeDatabase(current.db);
  const wanted = isPostgresUrl(databaseUrl) ? 'postgres' : 'sqlite';
  if (wanted !== TABLES_DIALECT) {
    // The tables were chosen from DATABASE_URL when db/schema.ts loaded.
    throw new Error(`This process runs on ${TABLES_DIALECT} (from DATABASE_URL) and cannot open a ${wanted} database; set DATABASE_URL to it instead.`);
  }
  const db = openHandle(databaseUrl, { onError: (error) => process.stderr.write(`PostgreSQL: ${error.message}\n`) });
  holder[KEY] = { url: databaseUrl, db };
  return db;
}

/** Closes the process-wide database (SQLite: after folding the WAL back into the main file). */
export async function closeDb(): Promise<void> {
  const holder = globalThis as Holder;
  const current = holder[KEY];
  if (!current) return;
  delete holder[KEY];
  await closeDatabase(current.db);
}

/** Closes a handle: SQLite's after folding the WAL back into the main file, PostgreSQL's pool when its queries end. */
export async function closeDatabase(db: Db): Promise<void> {
  const sqlite = sqliteClientOf(db);
  if (!sqlite) {
    await (db as unknown as { $client: { end(): Promise<void> } }).$client.end();
    return;
  }
  if (sqlite.open) {
    // A copy under way in the worker holds the checkpoint, and the TRUNCATE would answer busy:
    // wait for it, so that no -wal file with residents' pages outlives the process.
    await drainBackgroundCopies();
    for (let attempt = 0; attempt < 50; attempt++) {
      const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (!result || result.busy === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    sqlite.close();
  }
}
