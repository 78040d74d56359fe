/**
 * `column IN (…)` for a list of any length. drizzle's inArray binds one
 * parameter per value, and a database refuses a statement with too many:
 * SQLite at 32,766 variables, PostgreSQL at 65,535 parameters (Open311's
 * requests.json answered 500 at 50,000 reports for that reason). Here the
 * whole list is ONE parameter whatever its length: a JSON array read with
 * json_each on SQLite, an array compared with `= any($1)` on PostgreSQL.
 *
 * Use it instead of inArray wherever the list comes from data (ids of rows
 * read before, ids from a form) rather than from a fixed set in the code;
 * The linter (tests/eslint.config.mjs) flags an inArray given a mapped list.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Queryable } from './connection.ts';
import { isSqlite } from './transaction.ts';

export function inList(q: Queryable, column: AnyColumn, values: readonly (number | string)[]): SQL {
  if (values.length === 0) return sql`1 = 0`;
  if (isSqlite(q)) return sql`${column} in (select value from json_each(${JSON.stringify(values)}))`;
  // node-postgres sends a JS array as one array literal; PostgreSQL types it from the column.
  return sql`${column} = any(${sql.param([...values])})`;
}
