/**
 * The kit db/schema.ts writes its tables with, once for both databases:
 * `table`, `integer`, `text`, `check`, `index`, `uniqueIndex`,
 * `primaryKey`, `foreignKey`, the column kinds of db/columns.ts, and a
 * helper for each piece of SQL the two spell differently.
 *
 * Every `table(...)` builds the table twice, as SQLite's (drizzle
 * sqlite-core) and as PostgreSQL's (pg-core), from the same definition, and
 * returns the one of TABLES_DIALECT: the database this process runs on
 * (DATABASE_URL), chosen once, when the first table is built. So the
 * tables db/schema.ts exports are the process's, while `tablesIn(dialect,
 * schema)` gives either dialect's, by export name, to what needs both in one
 * process or one in particular: each connection's drizzle instance
 * (src/server/db/connection.ts, postgres.ts), the SQLite → PostgreSQL copy
 * (src/server/db/copy.ts), tests/unit/schema-parity.test.ts.
 *
 * Typing: the kit is typed as drizzle's SQLite functions, so the tables and
 * their row types (`$inferSelect`) are SQLite's in either dialect; the app is
 * typed against them and is handed PostgreSQL's at run time. That holds
 * because each column kind gives the same row type in both dialects
 * (db/columns.ts; tests/unit/schema-parity.test.ts checks it for every
 * kind). The casts that say so are here and nowhere else.
 *
 * How it works: a column helper returns a TwinColumn that holds the
 * column's builder in each dialect and applies every chained call
 * (`.notNull()`, `.default()`, `.references()`…) to both; `table` then hands
 * each dialect's builders to sqliteTable / pgTable. A table's third argument
 * (checks, indexes, keys) is called by drizzle with that dialect's columns,
 * and while it runs `check`, `index`… and the SQL helpers make that
 * dialect's objects. A foreign key names the exported (process's) table;
 * each dialect's table refers to that dialect's twin of it.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import * as pgCore from 'drizzle-orm/pg-core';
import * as sqliteCore from 'drizzle-orm/sqlite-core';
import { pgColumns, sqliteColumns } from './columns.ts';

export type Dialect = 'sqlite' | 'postgres';

/** Whether a DATABASE_URL names a PostgreSQL server (postgres://… or postgresql://…) rather than a SQLite file. */
function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//i.test(databaseUrl);
}

let chosen: Dialect | undefined;
let tablesBuilt = false;

/**
 * Chooses the dialect of the exported tables before db/schema.ts loads
 * (instead of DATABASE_URL): for drizzle-kit, whose entry modules
 * (db/drizzle-kit/) import a module that calls this and then db/schema.ts.
 */
export function chooseTablesDialect(dialect: Dialect): void {
  if (tablesBuilt && dialect !== tablesDialect()) throw new Error(`The tables are already ${tablesDialect()}'s: choose the dialect before db/schema.ts loads.`);
  chosen = dialect;
}

/** The dialect of the tables db/schema.ts exports: chosen, or PostgreSQL's when DATABASE_URL is postgres://…, otherwise SQLite's. */
export function tablesDialect(): Dialect {
  return (chosen ??= isPostgresUrl(process.env['DATABASE_URL'] ?? '') ? 'postgres' : 'sqlite');
}

// ---------------------------------------------------------------------------
// Each table in both dialects
// ---------------------------------------------------------------------------

type AnyTable = sqliteCore.SQLiteTable | pgCore.PgTable;
type Twins = Record<Dialect, AnyTable>;

/** Each table built here (in either dialect) → both dialects' tables. */
const twins = new WeakMap<object, Twins>();

/** The dialect whose table is being built (a table's third argument runs), if any. */
let building: Dialect | undefined;

function inDialect<T>(dialect: Dialect, fn: () => T): T {
  const outer = building;
  building = dialect;
  try {
    return fn();
  } finally {
    building = outer;
  }
}

function currentDialect(helper: string): Dialect {
  if (!building) throw new Error(`${helper}() belongs in a table's third argument (its checks, indexes and keys).`);
  return building;
}

/** A column (of a table built here) as the column of the same name in `dialect`'s twin of its table. */
function columnIn(dialect: Dialect, column: sqliteCore.AnySQLiteColumn | pgCore.AnyPgColumn): sqliteCore.AnySQLiteColumn & pgCore.AnyPgColumn {
  const table = twins.get(column.table)?.[dialect];
  if (!table) throw new Error(`Column ${column.name} is not of a table of db/schema.ts.`);
  const twin = Object.values(getTableColumns(table)).find((c) => c.name === column.name);
  if (!twin) throw new Error(`No column ${column.name} in the ${dialect} table.`);
  return twin as sqliteCore.AnySQLiteColumn & pgCore.AnyPgColumn;
}

/** A value that is spelled differently per dialect (an SQL default such as the clock). */
class PerDialect<T> {
  sqlite: T;
  postgres: T;
  constructor(sqlite: T, postgres: T) {
    this.sqlite = sqlite;
    this.postgres = postgres;
  }
}

function valueIn(dialect: Dialect, value: unknown): unknown {
  return value instanceof PerDialect ? (value as PerDialect<unknown>)[dialect] : value;
}

/** Minimal view of a drizzle column builder: its chainable methods return the builder itself. */
type Chainable = Record<string, (...args: unknown[]) => unknown>;

/**
 * One column's builder in both dialects. Holds the modifiers db/schema.ts
 * uses; another drizzle modifier needs a line here (a missing one fails
 * when the schema loads, in every test).
 */
class TwinColumn {
  sqlite: Chainable;
  postgres: Chainable;
  constructor(sqlite: unknown, postgres: unknown) {
    this.sqlite = sqlite as Chainable;
    this.postgres = postgres as Chainable;
  }

  private both(method: string, args: (dialect: Dialect) => unknown[]): this {
    this.sqlite[method]!(...args('sqlite'));
    this.postgres[method]!(...args('postgres'));
    return this;
  }

  notNull(): this {
    return this.both('notNull', () => []);
  }
  default(value: unknown): this {
    return this.both('default', (d) => [valueIn(d, value)]);
  }
  $defaultFn(fn: () => unknown): this {
    return this.both('$defaultFn', () => [fn]);
  }
  $type(): this {
    return this;
  }
  unique(...args: unknown[]): this {
    return this.both('unique', () => args);
  }
  primaryKey(): this {
    return this.both('primaryKey', () => []);
  }
  references(ref: () => sqliteCore.AnySQLiteColumn, actions?: unknown): this {
    return this.both('references', (d) => [() => columnIn(d, ref()), ...(actions === undefined ? [] : [actions])]);
  }
}

/** A column helper made of its SQLite and PostgreSQL versions, typed as the SQLite one. */
function column<F extends (...args: never[]) => unknown>(sqliteFn: F, pgFn: (...args: Parameters<F>) => unknown): F {
  return ((...args: Parameters<F>) => new TwinColumn(sqliteFn(...args), pgFn(...args))) as unknown as F;
}

/** A constraint or index helper: the dialect's own, for the table being built. */
function perTable<F extends (...args: never[]) => unknown>(name: string, sqliteFn: F, pgFn: (...args: Parameters<F>) => unknown): F {
  return ((...args: Parameters<F>) => (currentDialect(name) === 'sqlite' ? sqliteFn(...args) : pgFn(...args))) as unknown as F;
}

function builders(dialect: Dialect, columns: Record<string, unknown>): Record<string, never> {
  return Object.fromEntries(
    Object.entries(columns).map(([key, c]) => {
      if (!(c instanceof TwinColumn)) throw new Error(`Column ${key}: make it with the kit of db/dialect.ts, not drizzle's own.`);
      return [key, c[dialect] as never];
    }),
  );
}

/**
 * A table, built in both dialects; the process's one is returned. The
 * columns are an object of the kit's column helpers (not drizzle's callback
 * form); the third argument, as drizzle's, lists checks, indexes and keys.
 */
function dualTable(name: string, columns: Record<string, unknown>, extra?: (table: never) => unknown[]): AnyTable {
  const inner = (dialect: Dialect) => (extra ? (t: never) => inDialect(dialect, () => extra(t)) : undefined);
  const sqliteTable = sqliteCore.sqliteTable(name, builders('sqlite', columns), inner('sqlite') as never);
  const pgTable = pgCore.pgTable(name, builders('postgres', columns), inner('postgres') as never);
  const pair: Twins = { sqlite: sqliteTable, postgres: pgTable };
  twins.set(sqliteTable, pair);
  twins.set(pgTable, pair);
  tablesBuilt = true;
  return pair[tablesDialect()];
}

/**
 * The tables among `module`'s exports (db/schema.ts's namespace) as
 * `dialect`'s, under the same export names. Typed, like the exports, as
 * SQLite's tables.
 */
export function tablesIn<M extends Record<string, unknown>>(dialect: Dialect, module: M): { [K in keyof M as M[K] extends sqliteCore.SQLiteTable ? K : never]: M[K] } {
  const entries = Object.entries(module).flatMap(([name, value]) => {
    const pair = typeof value === 'object' && value !== null ? twins.get(value) : undefined;
    return pair ? [[name, pair[dialect]] as const] : [];
  });
  return Object.fromEntries(entries) as never;
}

// ---------------------------------------------------------------------------
// The kit
// ---------------------------------------------------------------------------

export const table = dualTable as unknown as typeof sqliteCore.sqliteTable;
export const integer = column(sqliteCore.integer as (name: string) => unknown, pgCore.integer) as unknown as typeof sqliteCore.integer;
export const text = column(sqliteCore.text as (name: string, config?: object) => unknown, pgCore.text as (name: string, config?: object) => unknown) as unknown as typeof sqliteCore.text;

export const check = perTable('check', sqliteCore.check, pgCore.check);
export const index = perTable('index', sqliteCore.index, pgCore.index);
export const uniqueIndex = perTable('uniqueIndex', sqliteCore.uniqueIndex, pgCore.uniqueIndex);
export const primaryKey = perTable('primaryKey', sqliteCore.primaryKey as (config: never) => unknown, pgCore.primaryKey) as unknown as typeof sqliteCore.primaryKey;
/** A foreign key in a table's third argument; like `.references()`, its foreign columns are the exported table's and are mapped to the dialect's. */
export const foreignKey = ((config: { columns: unknown[]; foreignColumns: (sqliteCore.AnySQLiteColumn | pgCore.AnyPgColumn)[]; name?: string }) => {
  const dialect = currentDialect('foreignKey');
  const mapped = { ...config, foreignColumns: config.foreignColumns.map((c) => columnIn(dialect, c)) };
  return dialect === 'sqlite' ? sqliteCore.foreignKey(mapped as unknown as Parameters<typeof sqliteCore.foreignKey>[0]) : pgCore.foreignKey(mapped as unknown as Parameters<typeof pgCore.foreignKey>[0]);
}) as unknown as typeof sqliteCore.foreignKey;

export const id = column(sqliteColumns.id, pgColumns.id);
export const randomId = column(sqliteColumns.randomId, pgColumns.randomId);
export const bigInteger = column(sqliteColumns.bigInteger, pgColumns.bigInteger);
export const timestamp = column(sqliteColumns.timestamp, pgColumns.timestamp);
export const createdAt = column(sqliteColumns.createdAt, pgColumns.createdAt);
export const updatedAt = column(sqliteColumns.updatedAt, pgColumns.updatedAt);
export const flag = column(sqliteColumns.flag, pgColumns.flag);
export const json = column(sqliteColumns.json, pgColumns.json);
export const bytes = column(sqliteColumns.bytes, pgColumns.bytes);
export const double = column(sqliteColumns.double, pgColumns.double);

/** The database's clock, in the column's unit: SQLite `(unixepoch())`, PostgreSQL `now()`. For a column's `.default()` or inside a check. */
export function now(): SQL {
  const sqlite = sqliteColumns.now();
  const postgres = pgColumns.now();
  if (building) return building === 'sqlite' ? sqlite : postgres;
  return new PerDialect(sqlite, postgres) as unknown as SQL;
}

// ---------------------------------------------------------------------------
// SQL the dialects spell differently (for checks)
// ---------------------------------------------------------------------------

/** A character class body such as `a-z0-9-`: letters, digits, `_` and `-` only, so it is spelled into the SQL as is. */
function characterClass(chars: string): string {
  if (!/^[a-z0-9_-]+$/.test(chars)) throw new Error(`Not a plain character class: ${chars}`);
  return chars;
}

/**
 * `column` starts with one of the characters of the class `chars` (e.g.
 * `a-z0-9`): SQLite `glob '[a-z0-9]*'`, PostgreSQL `~ '^[a-z0-9]'`.
 */
export function startsWithOneOf(column: sqliteCore.AnySQLiteColumn, chars: string): SQL {
  const set = characterClass(chars);
  return currentDialect('startsWithOneOf') === 'sqlite' ? sql`${column} glob '[${sql.raw(set)}]*'` : sql`${column} ~ '^[${sql.raw(set)}]'`;
}

/**
 * `column` has no character outside the class `chars` (e.g. `a-z0-9-`):
 * SQLite `not glob '*[^a-z0-9-]*'`, PostgreSQL `!~ '[^a-z0-9-]'`. The empty
 * string passes; say `length(…) > 0` where it must not.
 */
export function onlyCharsOf(column: sqliteCore.AnySQLiteColumn, chars: string): SQL {
  const set = characterClass(chars);
  return currentDialect('onlyCharsOf') === 'sqlite' ? sql`${column} not glob '*[^${sql.raw(set)}]*'` : sql`${column} !~ '[^${sql.raw(set)}]'`;
}
