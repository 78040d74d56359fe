/**
 * db/schema.ts is written once and built in both dialects (db/dialect.ts);
 * the two builds must be the same tables: the app is typed against the
 * SQLite tables and is handed the PostgreSQL ones at run time, so a column,
 * key, constraint or type that exists in one dialect only, or a kit helper
 * that spells an SQL piece differently in meaning, is a bug that shows up on
 * one kind of deployment alone. This compares what drizzle knows of each
 * table (getTableConfig) in the two dialects and, for the type checker, the
 * row types each column kind gives (the kit types every table as SQLite's,
 * so that is where the PostgreSQL types are checked); it needs no database.
 */
import { getTableName, is, SQL, type InferInsertModel, type InferSelectModel, type Table } from 'drizzle-orm';
import { getTableConfig as getPgTableConfig, integer as pgInteger, PgColumn, PgDialect, PgTable, pgTable, text as pgText } from 'drizzle-orm/pg-core';
import { getTableConfig as getSqliteTableConfig, integer as sqliteInteger, SQLiteColumn, SQLiteSyncDialect, SQLiteTable, sqliteTable, text as sqliteText } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { pgColumns, sqliteColumns } from '../../db/columns.ts';
import { tablesIn } from '../../db/dialect.ts';
import * as schema from '../../db/schema.ts';
import { ROLES, type AreaGeometry } from '../../src/lib/domain.ts';

/** What a column holds as the app sees it, whatever the dialect stores. */
type Kind = 'date' | 'boolean' | 'json' | 'buffer' | 'number' | 'string';

const SQLITE_KINDS: Record<string, Kind> = {
  SQLiteTimestamp: 'date',
  SQLiteBoolean: 'boolean',
  SQLiteTextJson: 'json',
  SQLiteBlobBuffer: 'buffer',
  SQLiteInteger: 'number',
  SQLiteReal: 'number',
  SQLiteText: 'string',
};

const PG_KINDS: Record<string, Kind> = {
  PgTimestamp: 'date',
  PgBoolean: 'boolean',
  PgJson: 'json',
  PgInteger: 'number',
  /** bigint read as a JS number: the columns that hold random ids (db/columns.ts). */
  PgBigInt53: 'number',
  PgDoublePrecision: 'number',
  PgText: 'string',
};

/** A kind neither map knows fails the comparison, so a new column kind cannot slip through unmapped. */
function sqliteKind(column: SQLiteColumn): string {
  return SQLITE_KINDS[column.columnType] ?? `unmapped ${column.columnType}`;
}

function pgKind(column: PgColumn): string {
  // bytea is a custom type in drizzle 0.45 (see db/columns.ts).
  if (column.columnType === 'PgCustomColumn' && column.getSQLType() === 'bytea') return 'buffer';
  return PG_KINDS[column.columnType] ?? `unmapped ${column.columnType} ${column.getSQLType()}`;
}

/** One table as a plain object both dialects can be reduced to and compared with toEqual. */
type Shape = {
  name: string;
  columns: Record<string, { kind: string; notNull: boolean; primary: boolean; hasDefault: boolean; default: unknown; enumValues: string[] | null; unique: string | null }>;
  primaryKeys: { name: string; columns: string[] }[];
  foreignKeys: { name: string; columns: string[]; foreignTable: string; foreignColumns: string[]; onDelete: string }[];
  uniqueConstraints: string[];
  indexes: { name: string; unique: boolean; columns: string[] }[];
  checks: string[];
  /** CHECK name → its SQL, with SQLite's glob patterns written as PostgreSQL's regular expressions. */
  checkBodies: Record<string, string>;
};

type AnyColumn = SQLiteColumn | PgColumn;

function columnShape(column: AnyColumn, kind: string): Shape['columns'][string] {
  return {
    kind,
    notNull: column.notNull,
    primary: column.primary,
    hasDefault: column.hasDefault,
    // A value default must be equal; an SQL default is dialect-specific (`(unixepoch())` is `now()`), so only its presence counts.
    default: is(column.default, SQL) ? 'sql expression' : column.default,
    enumValues: column.enumValues ?? null,
    unique: column.isUnique ? (column.uniqueName ?? '') : null,
  };
}

function byName<T extends { name: string }>(items: T[]): T[] {
  return items.sort((a, b) => a.name.localeCompare(b.name));
}

function indexColumnName(column: unknown): string {
  if (is(column, SQL)) return 'sql expression';
  return (column as { name?: string }).name ?? '?';
}

function sqliteShape(table: SQLiteTable): Shape {
  const config = getSqliteTableConfig(table);
  return {
    name: config.name,
    columns: Object.fromEntries(config.columns.map((c) => [c.name, columnShape(c, sqliteKind(c))])),
    primaryKeys: byName(config.primaryKeys.map((pk) => ({ name: pk.getName(), columns: pk.columns.map((c) => c.name) }))),
    foreignKeys: byName(
      config.foreignKeys.map((fk) => {
        const ref = fk.reference();
        return {
          name: fk.getName(),
          columns: ref.columns.map((c) => c.name),
          foreignTable: getTableName(ref.foreignTable),
          foreignColumns: ref.foreignColumns.map((c) => c.name),
          onDelete: fk.onDelete ?? 'no action',
        };
      }),
    ),
    uniqueConstraints: config.uniqueConstraints.map((u) => u.getName() ?? '').sort(),
    indexes: byName(config.indexes.map((i) => ({ name: i.config.name, unique: i.config.unique, columns: i.config.columns.map(indexColumnName) }))),
    checks: config.checks.map((c) => c.name).sort(),
    checkBodies: Object.fromEntries(config.checks.map((c) => [c.name, globToRegex(sqliteDialect.sqlToQuery(c.value).sql)])),
  };
}

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

/**
 * The one translation the kit makes in a CHECK (db/dialect.ts
 * startsWithOneOf, onlyCharsOf): `x glob 'P*'` is `x ~ '^P'` and
 * `x not glob '*P*'` is `x !~ 'P'` (a pattern anchored where the glob has no
 * star). Everything else must read the same in both.
 */
function globToRegex(body: string): string {
  return body.replace(/ (not )?glob '(\*?)([^'*]*)(\*?)'/g, (_, not: string | undefined, lead: string, pattern: string, trail: string) => {
    return ` ${not ? '!~' : '~'} '${lead ? '' : '^'}${pattern}${trail ? '' : '$'}'`;
  });
}

function pgShape(table: PgTable): Shape {
  const config = getPgTableConfig(table);
  return {
    name: config.name,
    columns: Object.fromEntries(config.columns.map((c) => [c.name, columnShape(c, pgKind(c))])),
    primaryKeys: byName(config.primaryKeys.map((pk) => ({ name: pk.getName(), columns: pk.columns.map((c) => c.name) }))),
    foreignKeys: byName(
      config.foreignKeys.map((fk) => {
        const ref = fk.reference();
        return {
          name: fk.getName(),
          columns: ref.columns.map((c) => c.name),
          foreignTable: getTableName(ref.foreignTable),
          foreignColumns: ref.foreignColumns.map((c) => c.name),
          onDelete: fk.onDelete ?? 'no action',
        };
      }),
    ),
    uniqueConstraints: config.uniqueConstraints.map((u) => u.getName() ?? '').sort(),
    indexes: byName(
      config.indexes.map((i) => ({ name: i.config.name ?? '', unique: i.config.unique, columns: i.config.columns.map(indexColumnName) })),
    ),
    checks: config.checks.map((c) => c.name).sort(),
    checkBodies: Object.fromEntries(config.checks.map((c) => [c.name, pgDialect.sqlToQuery(c.value).sql])),
  };
}

const sqliteTables = Object.entries(tablesIn('sqlite', schema) as Record<string, unknown>).filter((entry): entry is [string, SQLiteTable] => is(entry[1], SQLiteTable));
const pgTables = new Map(Object.entries(tablesIn('postgres', schema) as Record<string, unknown>).filter((entry): entry is [string, PgTable] => is(entry[1], PgTable)));

/** A table's row types, for the type checker (vitest's expectTypeOf is checked by tsc, not at run time). */
type Rows<T extends Table> = { select: InferSelectModel<T>; insert: InferInsertModel<T> };

/**
 * Every column kind the kit offers (drizzle's integer and text, the kinds of
 * db/columns.ts), as each dialect builds it: the kit types the PostgreSQL
 * column as the SQLite one, which is true only while these row types agree.
 */
function kindsTables() {
  const s = sqliteColumns;
  const p = pgColumns;
  return {
    sqlite: [
      sqliteTable('a', { id: s.id(), i: sqliteInteger('i'), t: sqliteText('t'), e: sqliteText('e', { enum: ROLES }).notNull(), b: s.bigInteger('b'), ts: s.timestamp('ts') }),
      sqliteTable('b', { id: s.randomId(), c: s.createdAt(), u: s.updatedAt(), f: s.flag('f', true), j: s.json('j').$type<AreaGeometry>().notNull(), by: s.bytes('by'), d: s.double('d').notNull() }),
    ] as const,
    pg: [
      pgTable('a', { id: p.id(), i: pgInteger('i'), t: pgText('t'), e: pgText('e', { enum: ROLES }).notNull(), b: p.bigInteger('b'), ts: p.timestamp('ts') }),
      pgTable('b', { id: p.randomId(), c: p.createdAt(), u: p.updatedAt(), f: p.flag('f', true), j: p.json('j').$type<AreaGeometry>().notNull(), by: p.bytes('by'), d: p.double('d').notNull() }),
    ] as const,
  };
}

describe('the PostgreSQL tables mirror the SQLite tables', () => {
  it('every table of db/schema.ts is built in both dialects, under the same export name', () => {
    expect(sqliteTables.length).toBeGreaterThanOrEqual(28);
    expect([...pgTables.keys()].sort()).toEqual(sqliteTables.map(([exportName]) => exportName).sort());
  });

  it('each column kind gives the same TypeScript row types in both dialects (checked by tsc)', () => {
    type Kinds = ReturnType<typeof kindsTables>;
    expectTypeOf<Rows<Kinds['pg'][0]>>().toEqualTypeOf<Rows<Kinds['sqlite'][0]>>();
    expectTypeOf<Rows<Kinds['pg'][1]>>().toEqualTypeOf<Rows<Kinds['sqlite'][1]>>();
  });

  describe.each(sqliteTables)('%s', (exportName, sqliteTable) => {
    const pgTable = pgTables.get(exportName);
    const expected = sqliteShape(sqliteTable);
    const actual = pgTable ? pgShape(pgTable) : undefined;

    it('has the same SQL name, columns, data kinds, notNull, defaults, enums and primary keys', () => {
      expect(actual?.name).toBe(expected.name);
      expect(actual?.columns).toEqual(expected.columns);
      expect(actual?.primaryKeys).toEqual(expected.primaryKeys);
    });

    it('has the same foreign keys (columns, referenced table and columns, onDelete)', () => {
      expect(actual?.foreignKeys).toEqual(expected.foreignKeys);
    });

    it('has the same unique constraints, indexes and CHECK names', () => {
      expect(actual?.uniqueConstraints).toEqual(expected.uniqueConstraints);
      expect(actual?.indexes).toEqual(expected.indexes);
      expect(actual?.checks).toEqual(expected.checks);
    });

    it('has the same CHECK bodies (an enumeration\'s list, a bound, a pattern), not only the same names', () => {
      expect(actual?.checkBodies).toEqual(expected.checkBodies);
    });
  });
});
