/**
 * Queries on the hot paths (a resident's post, a survey page), built once per
 * database handle instead of on every call.
 *
 * drizzle builds a query's SQL anew each time it runs: for a one-row select
 * by key that is 60–90 µs of JavaScript against ~10 µs for running it, and a
 * concern report or a survey "Send" runs a dozen such queries (the write
 * profile in README "Performance"). A prepared query (drizzle's
 * `.prepare()`) keeps the built SQL and SQLite's compiled statement, and
 * binds new values on each call.
 *
 *     const findDraftRow = prepared('find_draft', (q) =>
 *       q.select().from(surveyDrafts).where(eq(surveyDrafts.tokenHash, slot('hash', surveyDrafts.tokenHash))).limit(1));
 *     const [row] = await findDraftRow(db, { hash });
 *
 * A value is a `slot(name, column)`: it is encoded as the column encodes it
 * (dates, booleans, JSON) on either database. Raw `sql.placeholder()` would
 * skip that encoding.
 *
 * Per handle: on SQLite a transaction runs on the database's own handle
 * (transaction.ts), so one prepared query serves both. On PostgreSQL a
 * transaction is a handle of its own, built for each transaction; the name
 * makes the statement a named server-side one, parsed once per connection.
 */
import { getTableColumns, getTableName, sql, type Column, type SQL, type Table } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Queryable } from './connection.ts';
import { sqliteClientOf } from './transaction.ts';

/** A value bound at each call, encoded like `column` (null stays null, as in a built query). */
export function slot(name: string, column: Column): SQL {
  const encoder = { mapToDriverValue: (value: unknown) => (value === null ? null : column.mapToDriverValue(value)) };
  return sql`${sql.param(sql.placeholder(name), encoder)}`;
}

/** What a drizzle query builder offers once built: prepare it, then execute it with values. */
interface Preparable<T> {
  prepare(): { execute(values?: Record<string, unknown>): Promise<T> | T };
}

const namesInUse = new Set<string>();

/** Takes a prepared query's name, which must be unique in the app (PostgreSQL keeps the statement under it). */
function claimName(name: string): void {
  if (namesInUse.has(name)) throw new Error(`Two prepared queries are named ${name}`);
  namesInUse.add(name);
}

/**
 * A query built by `build` the first time it runs on a handle, then executed
 * with the given values. `name` is unique in the app (checked): PostgreSQL
 * keeps the statement under it.
 */
export function prepared<T>(name: string, build: (q: Queryable) => Preparable<T>): (q: Queryable, values?: Record<string, unknown>) => Promise<T> {
  claimName(name);
  const kept = new WeakMap<object, ReturnType<Preparable<T>['prepare']>>();
  return async (q, values) => {
    let query = kept.get(q);
    if (!query) {
      // SQLite's prepare() takes no name and ignores it; PostgreSQL's needs one.
      query = (build(q) as unknown as { prepare(name: string): ReturnType<Preparable<T>['prepare']> }).prepare(`tryghed_${name}`);
      kept.set(q, query);
    }
    return query.execute(values ?? {});
  };
}

/**
 * The values of a prepared insert: a slot per named column, named like the
 * column. A column whose value drizzle makes when it builds the query (a
 * random id, `$defaultFn`) must be named too, or every row would get the one
 * made when the query was prepared.
 */
export function slots<T extends Table>(table: T, names: readonly (keyof T['$inferInsert'] & string)[]): T['$inferInsert'] {
  const columns = namedColumns(table, names);
  return Object.fromEntries(names.map((name) => [name, slot(name, columns[name]!)])) as T['$inferInsert'];
}

/** The table's columns, checking that a prepared insert names every column whose default is made per row. */
function namedColumns(table: Table, names: readonly string[]): Record<string, Column> {
  const columns = getTableColumns(table) as Record<string, Column>;
  for (const [name, column] of Object.entries(columns)) {
    if (column.defaultFn && !names.includes(name)) throw new Error(`A prepared insert into ${name}'s table must name ${name}: its default is made per row`);
  }
  return columns;
}

/**
 * An insert of several rows at once (a response's answers). On SQLite the
 * rows run one compiled statement in a loop, synchronously, each value
 * encoded as its column encodes it (SQLite runs in this process: no round
 * trip to save, but drizzle's per-call work, a promise per row, was most of
 * the rows' time); on PostgreSQL the rows go as one statement, one round
 * trip to the server, however many there are.
 */
export function preparedInsertMany<T extends Table>(name: string, table: T, names: readonly (keyof T['$inferInsert'] & string)[]): (q: Queryable, rows: readonly T['$inferInsert'][]) => Promise<void> {
  claimName(name);
  const columns = namedColumns(table, names);
  const picked = names.map((n) => columns[n]!);
  const text = `insert into "${getTableName(table)}" (${picked.map((c) => `"${c.name}"`).join(', ')}) values (${picked.map(() => '?').join(', ')})`;
  const compiled = new WeakMap<Database.Database, Database.Statement>();
  return async (q, rows) => {
    if (rows.length === 0) return;
    const client = sqliteClientOf(q);
    if (client) {
      let statement = compiled.get(client);
      if (!statement) compiled.set(client, (statement = client.prepare(text)));
      for (const row of rows) {
        const r = row as Record<string, unknown>;
        statement.run(picked.map((c, i) => {
          const value = r[names[i]!];
          return value === null || value === undefined ? null : c.mapToDriverValue(value);
        }));
      }
      return;
    }
    await (q as unknown as { insert(t: T): { values(v: readonly T['$inferInsert'][]): Promise<unknown> } }).insert(table).values(rows);
  };
}
