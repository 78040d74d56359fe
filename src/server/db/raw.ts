/**
 * The few places where SQL is written by hand rather than built by drizzle,
 * and the fragments whose spelling differs between SQLite and PostgreSQL.
 * Everything else goes through drizzle's query builder, which speaks both.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Queryable } from './connection.ts';
import { isSqlite } from './transaction.ts';

/** The rows of a hand-written query. */
export async function rawRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  if (isSqlite(q)) return (q as unknown as { all(query: SQL): T[] }).all(query);
  const result = await (q as unknown as { execute(query: SQL): Promise<{ rows: T[] }> }).execute(query);
  return result.rows;
}

/** Runs a hand-written statement that returns no rows. */
export async function rawRun(q: Queryable, query: SQL): Promise<void> {
  if (isSqlite(q)) (q as unknown as { run(query: SQL): unknown }).run(query);
  else await (q as unknown as { execute(query: SQL): Promise<unknown> }).execute(query);
}

/** The first row of a hand-written query, or undefined. */
export async function rawRow<T>(q: Queryable, query: SQL): Promise<T | undefined> {
  return (await rawRows<T>(q, query))[0];
}

/** Concatenates a text expression over the rows of a group: SQLite's group_concat, PostgreSQL's string_agg. */
export function groupConcat(q: Queryable, expression: SQLWrapper, separator: string): SQL<string> {
  return isSqlite(q) ? sql<string>`group_concat(${expression}, ${separator})` : sql<string>`string_agg((${expression})::text, ${separator})`;
}
