/**
 * db/schema.ts hands the app the tables of the database the process runs on:
 * its exports are the table map (every `export const … = table(…)`, nothing
 * listed by hand), all PostgreSQL's when DATABASE_URL is postgres:// and all
 * SQLite's otherwise, never one of the other dialect. drizzle-kit's entry
 * modules (db/drizzle-kit/) get one dialect's whatever DATABASE_URL says, and
 * `tablesIn` gives either dialect's under the same export names.
 */
import { getTableName, is, Table } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it, vi } from 'vitest';

const SQLITE_URL = 'file:./data/x.db';
const POSTGRES_URL = 'postgres://u:p@localhost:5432/db';

/** A module freshly loaded (with the modules it imports) under DATABASE_URL. */
async function load(path: string, databaseUrl: string): Promise<Record<string, unknown>> {
  vi.stubEnv('DATABASE_URL', databaseUrl);
  vi.resetModules();
  return (await import(path)) as Record<string, unknown>;
}

function tables(module: Record<string, unknown>): [string, Table][] {
  return Object.entries(module).filter((entry): entry is [string, Table] => is(entry[1], Table));
}

describe('db/schema.ts exports every table for the database in use', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('on SQLite: SQLite tables only', async () => {
    const schema = await load('../../db/schema.ts', SQLITE_URL);
    expect(schema['TABLES_DIALECT']).toBe('sqlite');
    expect(tables(schema).length).toBeGreaterThanOrEqual(40);
    for (const [name, table] of tables(schema)) expect(is(table, SQLiteTable), name).toBe(true);
  });

  it('on PostgreSQL (postgres:// and postgresql://): PostgreSQL tables only, the same names, never a SQLite one', async () => {
    const sqliteNames = tables(await load('../../db/schema.ts', SQLITE_URL)).map(([name, table]) => [name, getTableName(table)]);
    for (const url of [POSTGRES_URL, POSTGRES_URL.replace('postgres:', 'postgresql:')]) {
      const schema = await load('../../db/schema.ts', url);
      expect(schema['TABLES_DIALECT']).toBe('postgres');
      for (const [name, table] of tables(schema)) expect(is(table, PgTable), name).toBe(true);
      expect(tables(schema).map(([name, table]) => [name, getTableName(table)])).toEqual(sqliteNames);
    }
  });

  it('tablesIn gives either dialect\'s tables under the export names, whichever the process runs on', async () => {
    const schema = await load('../../db/schema.ts', POSTGRES_URL);
    const { tablesIn } = (await import('../../db/dialect.ts')) as typeof import('../../db/dialect.ts');
    const names = tables(schema).map(([name]) => name);
    for (const [dialect, kind] of [
      ['sqlite', SQLiteTable],
      ['postgres', PgTable],
    ] as const) {
      const map = tablesIn(dialect, schema) as Record<string, unknown>;
      expect(Object.keys(map)).toEqual(names);
      for (const name of names) {
        expect(is(map[name], kind), `${dialect} ${name}`).toBe(true);
        expect(getTableName(map[name] as Table)).toBe(getTableName(schema[name] as Table));
      }
    }
    // The process's own are the very objects exported.
    expect(tablesIn('postgres', schema)).toEqual(Object.fromEntries(tables(schema)));
  });

  it("drizzle-kit's entry modules give one dialect's tables whatever DATABASE_URL says", async () => {
    const sqlite = await load('../../db/drizzle-kit/sqlite.ts', POSTGRES_URL);
    expect(tables(sqlite).length).toBeGreaterThanOrEqual(40);
    for (const [name, table] of tables(sqlite)) expect(is(table, SQLiteTable), name).toBe(true);
    const pg = await load('../../db/drizzle-kit/postgres.ts', SQLITE_URL);
    expect(tables(pg).map(([name]) => name)).toEqual(tables(sqlite).map(([name]) => name));
    for (const [name, table] of tables(pg)) expect(is(table, PgTable), name).toBe(true);
  });

  it('the dialect cannot change once the tables are built', async () => {
    await load('../../db/schema.ts', SQLITE_URL);
    const { chooseTablesDialect } = (await import('../../db/dialect.ts')) as typeof import('../../db/dialect.ts');
    expect(() => chooseTablesDialect('postgres')).toThrow(/already sqlite/);
    expect(() => chooseTablesDialect('sqlite')).not.toThrow();
  });

  it('the enumerations come with it, from src/lib/domain.ts', async () => {
    const schema = await load('../../db/schema.ts', SQLITE_URL);
    const domain = await import('../../src/lib/domain.ts');
    for (const [name, value] of Object.entries(domain)) expect(schema[name], name).toEqual(value);
  });
});
