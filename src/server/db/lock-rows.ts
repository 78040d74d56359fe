/**
 * Locks rows for the rest of the current transaction, so that a check made
 * on them stays true until it commits: on PostgreSQL `select … for update`
 * (a concurrent writer of the same rows waits, and a later read in this
 * transaction sees what it committed); on SQLite nothing is needed, as a
 * transaction here begins IMMEDIATE and keeps every other writer out
 * (src/server/db/transaction.ts). Call it inside transaction().
 */
import { sql, type AnyColumn } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Queryable } from './connection.ts';
import { inList } from './in-list.ts';
import { rawRows } from './raw.ts';
import { isSqlite } from './transaction.ts';

export async function lockRows(q: Queryable, table: SQLiteTable, idColumn: AnyColumn, ids: readonly number[]): Promise<void> {
  if (isSqlite(q) || ids.length === 0) return;
  await rawRows(q, sql`select ${idColumn} from ${table} where ${inList(q, idColumn, ids)} for update`);
}
