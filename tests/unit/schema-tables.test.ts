/**
 * db/schema.ts hands the app the tables of the database the process runs on.
 * Every table of db/schema.sqlite.ts is exported from it under the same name,
 * and the objects are PostgreSQL's when DATABASE_URL is postgres:// and
 * SQLite's otherwise (a table missing from its list would be a type error
 * where it is used; this checks that the list is complete and each name
 * points at the right dialect's table of the same SQL name).
 */
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as sqliteSchema from '../../db/schema.sqlite.ts';

const sqliteTables = Object.entries(sqliteSchema as Record<string, unknown>).filter((entry): entry is [string, SQLiteTable] => is(entry[1], SQLiteTable));

async function schemaFor(databaseUrl: string): Promise<Record<string, unknown>> {
  vi.stubEnv('DATABASE_URL', databaseUrl);
  vi.resetModules();
  return (await import('../../db/schema.ts')) as Record<string, unknown>;
}

describe('db/schema.ts exports every table for the database in use', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('on SQLite: every SQLite table, by its export name', async () => {
    const schema = await schemaFor('file:./data/x.db');
    expect(schema['TABLES_DIALECT']).toBe('sqlite');
    expect(sqliteTables.length).toBeGreaterThanOrEqual(40);
    for (const [name, table] of sqliteTables) {
      expect(is(schema[name], SQLiteTable), name).toBe(true);
      expect(getTableName(schema[name] as SQLiteTable), name).toBe(getTableName(table));
    }
  });

  it('on PostgreSQL: the PostgreSQL table of the same SQL name under every export name, never a SQLite one', async () => {
    const schema = await schemaFor('postgres://u:p@localhost:5432/db');
    expect(schema['TABLES_DIALECT']).toBe('postgres');
    for (const [name, table] of sqliteTables) {
      expect(is(schema[name], PgTable), name).toBe(true);
      expect(getTableName(schema[name] as PgTable), name).toBe(getTableName(table));
    }
    const sqliteObjects = Object.entries(schema).filter(([, value]) => is(value, SQLiteTable));
    expect(sqliteObjects.map(([name]) => name)).toEqual([]);
  });

  it('the enumerations come with it, from src/lib/domain.ts', async () => {
    const schema = await schemaFor('file:./data/x.db');
    const domain = await import('../../src/lib/domain.ts');
    for (const [name, value] of Object.entries(domain)) expect(schema[name], name).toEqual(value);
  });
});
