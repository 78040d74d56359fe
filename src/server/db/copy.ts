/**
 * Moves an installation from SQLite to PostgreSQL (`npm run db:copy`): every
 * row of every table, with its id, in one PostgreSQL transaction that commits
 * only if each table then has exactly as many rows as in SQLite.
 *
 * Each value goes through the drizzle mappings of its SQLite column and of
 * the PostgreSQL column of the same table and name (Unix seconds →
 * timestamptz, 0/1 → boolean, JSON text → json). Tables are copied parents
 * first (by their foreign keys), in batches by rowid so a large installation
 * is never held in memory at once, each batch one multi-row INSERT; the keys
 * and indexes are built once the rows are in (1,000,000 responses and
 * 1,000,000 reports, about 28 million rows, in a few minutes). Afterwards
 * each identity column continues after the highest copied id.
 */
import Database from 'better-sqlite3';
import { getTableColumns, getTableName, is, type Column } from 'drizzle-orm';
import type pg from 'pg';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import migrationsJournal from '../../../db/migrations/meta/_journal.json' with { type: 'json' };
import { tablesIn } from '../../../db/dialect.ts';
import * as schema from '../../../db/schema.ts';
import { migratePostgres, openPostgres } from './postgres.ts';

export interface TableCount {
  table: string;
  sqlite: number;
  postgres: number;
}

export class CopyError extends Error {}

/** Tables whose first rows a migration inserts (the seed_places migrations): not a sign of a database in use. */
const ROWS_FROM_MIGRATIONS = new Set(['places']);
/**
 * Rows read from SQLite and written to PostgreSQL per statement: one
 * parameter per column, each an array of this many values (a few MB of text
 * for the widest table), so a statement's overhead is spread over many rows.
 */
const BATCH = 20_000;

/** The tables in an order where every table comes after the tables it references. */
export function copyOrder(): { name: string; sqlite: SQLiteTable; pg: PgTable }[] {
  const tables = new Map<string, { name: string; sqlite: SQLiteTable; pg: PgTable }>();
  const pgTables = tablesIn('postgres', schema) as Record<string, unknown>;
  for (const [exportName, value] of Object.entries(tablesIn('sqlite', schema))) {
    if (!is(value, SQLiteTable)) continue;
    const pg = pgTables[exportName];
    if (!is(pg, PgTable)) throw new CopyError(`db/schema.ts has no PostgreSQL table ${exportName}`);
    tables.set(getTableName(value), { name: getTableName(value), sqlite: value, pg });
  }
  const ordered: { name: string; sqlite: SQLiteTable; pg: PgTable }[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.some((t) => t.name === name) || visiting.has(name)) return;
    visiting.add(name);
    const table = tables.get(name)!;
    for (const fk of sqliteTableConfig(table.sqlite).foreignKeys) {
      const parent = getTableName(fk.reference().foreignTable);
      if (parent !== name) visit(parent);
    }
    ordered.push(table);
  };
  for (const name of [...tables.keys()].sort()) visit(name);
  return ordered;
}

/**
 * Copies the SQLite file at `sqlitePath` into the (empty) PostgreSQL
 * database at `postgresUrl`, migrating it first. Throws CopyError for an
 * unmigrated source, a non-empty target or a count that does not match
 * (nothing is kept then).
 */
export async function copySqliteToPostgres(
  sqlitePath: string,
  postgresUrl: string,
  onTable: (count: TableCount) => void = () => {},
): Promise<TableCount[]> {
  const client = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  const target = openPostgres(postgresUrl, { max: 1 });
  try {
    const journal = client.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    const applied = journal ? (client.prepare('select count(*) from __drizzle_migrations').pluck().get() as number) : 0;
    if (applied !== migrationsJournal.entries.length) {
      throw new CopyError(`${sqlitePath} has ${applied} of ${migrationsJournal.entries.length} migrations: run \`npm run db:migrate\` on it first.`);
    }
    await migratePostgres(target);
    const tables = copyOrder();
    const pgClient = await target.$client.connect();
    const count = async (name: string) => Number((await pgClient.query<{ n: string }>(`select count(*) as n from "${name}"`)).rows[0]!.n);
    try {
      await pgClient.query('begin');
      for (const table of tables) {
        if (ROWS_FROM_MIGRATIONS.has(table.name)) continue;
        if ((await count(table.name)) > 0) throw new CopyError(`The PostgreSQL database is not empty (table ${table.name} has rows): copy into a new, empty database.`);
      }
      // The migrations' own rows make way for the SQLite file's (which started as the same rows and may since have been edited).
      for (const name of ROWS_FROM_MIGRATIONS) await pgClient.query(`delete from "${name}"`);
      // Keys, indexes and foreign keys go while the rows go in, and are built again afterwards from
      // the whole table (as pg_restore does): checking and updating them row by row took most of the time.
      const rebuild = await dropKeysAndIndexes(pgClient);
      const counts: TableCount[] = [];
      for (const table of tables) {
        await copyTable(client, pgClient, table);
        for (const column of pgTableConfig(table.pg).columns) {
          if (column.generatedIdentity) {
            await pgClient.query(
              `select setval(pg_get_serial_sequence($1, $2), coalesce((select max("${column.name}") from "${table.name}"), 0) + 1, false)`,
              [`"${table.name}"`, column.name],
            );
          }
        }
        const sqliteCount = client.prepare(`select count(*) from "${table.name}"`).pluck().get() as number;
        const result = { table: table.name, sqlite: sqliteCount, postgres: await count(table.name) };
        onTable(result);
        if (result.sqlite !== result.postgres) throw new CopyError(`Table ${table.name}: ${result.sqlite} rows in SQLite but ${result.postgres} in PostgreSQL; nothing was copied.`);
        counts.push(result);
      }
      await pgClient.query("set local maintenance_work_mem = '256MB'");
      for (const statement of rebuild) await pgClient.query(statement);
      await pgClient.query('commit');
      return counts;
    } catch (error) {
      await pgClient.query('rollback').catch(() => {});
      throw error;
    } finally {
      pgClient.release();
    }
  } finally {
    client.close();
    await target.$client.end();
  }
}

/**
 * Drops the foreign keys, then the primary keys, unique constraints and other
 * indexes of the tables in the current schema, and returns the statements
 * that make them again (keys and indexes first, then the foreign keys, which
 * are then checked once per constraint over the whole table). Runs inside
 * the copy's transaction, so a failed copy leaves them as they were.
 */
async function dropKeysAndIndexes(pgClient: pg.PoolClient): Promise<string[]> {
  const { rows: constraints } = await pgClient.query<{ tbl: string; name: string; kind: string; def: string }>(
    `select c.conrelid::regclass::text as tbl, c.conname as name, c.contype as kind, pg_get_constraintdef(c.oid) as def
     from pg_constraint c join pg_class t on t.oid = c.conrelid
     where t.relnamespace = current_schema()::regnamespace and c.contype in ('f', 'p', 'u')
     order by c.contype = 'f' desc, c.conrelid, c.conname`,
  );
  const { rows: indexes } = await pgClient.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
     from pg_index i join pg_class t on t.oid = i.indrelid
     where t.relnamespace = current_schema()::regnamespace
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)
     order by i.indrelid, name`,
  );
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  for (const c of constraints) await pgClient.query(`alter table ${c.tbl} drop constraint ${quote(c.name)}`);
  for (const i of indexes) await pgClient.query(`drop index ${i.name}`);
  const add = (c: (typeof constraints)[number]) => `alter table ${c.tbl} add constraint ${quote(c.name)} ${c.def}`;
  return [...constraints.filter((c) => c.kind !== 'f').map(add), ...indexes.map((i) => i.def), ...constraints.filter((c) => c.kind === 'f').map(add)];
}

/**
 * One table, BATCH rows per statement: the rows are read raw from SQLite in
 * rowid order, each value goes through drizzle's own mappings (the SQLite
 * column's from the driver, the PostgreSQL column's to the driver, as a
 * drizzle insert would), and each column is sent as one array parameter:
 * `insert into t (a, b) select * from unnest($1::integer[], $2::text[])`.
 * The drizzle query builder, and an INSERT with a parameter per value, cost
 * more than PostgreSQL's work: this is about ten times as fast.
 *
 * While PostgreSQL inserts one batch, the next is read and converted.
 */
async function copyTable(source: Database.Database, pgClient: pg.PoolClient, table: { name: string; sqlite: SQLiteTable; pg: PgTable }): Promise<void> {
  const sqliteColumns = getTableColumns(table.sqlite);
  const pgColumns = getTableColumns(table.pg) as Record<string, Column>;
  const keys = Object.keys(sqliteColumns);
  const { rows: types } = await pgClient.query<{ name: string; type: string }>(
    'select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped',
    [`"${table.name}"`],
  );
  const typeOf = new Map(types.map((t) => [t.name, t.type]));
  const columns = keys.map((key) => {
    const from = sqliteColumns[key]!;
    const to = pgColumns[key];
    if (!to || to.name !== from.name) throw new CopyError(`db/schema.ts: the PostgreSQL table ${table.name} has no column ${from.name}`);
    const type = typeOf.get(to.name);
    if (!type) throw new CopyError(`The PostgreSQL table ${table.name} has no column ${to.name}: is it migrated?`);
    return { name: to.name, type, convert: (value: unknown) => (value === null ? null : pgText(to.mapToDriverValue(from.mapFromDriverValue(value)))) };
  });
  const insert = `insert into "${table.name}" (${columns.map((c) => `"${c.name}"`).join(', ')}) select * from unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`;
  const read = source.prepare(`select rowid, ${columns.map((c) => `"${c.name}"`).join(', ')} from "${table.name}" where rowid > ? order by rowid limit ${BATCH}`).raw();
  let after = 0;
  let pending: Promise<unknown> | undefined;
  try {
    for (;;) {
      const page = read.all(after) as unknown[][];
      if (page.length === 0) break;
      after = page.at(-1)![0] as number;
      const parameters = columns.map((column, i) => arrayLiteral(page, i + 1, column.convert));
      await pending;
      pending = pgClient.query(insert, parameters);
      // A rejected batch is awaited at the next turn or below; until then it must not count as unhandled.
      pending.catch(() => {});
    }
  } finally {
    await pending;
  }
}

/** A value as node-postgres would send it as text (after the column's own mapping). */
function pgText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Column `index` of the rows as a PostgreSQL array literal: `{"a","b",NULL}`. */
function arrayLiteral(rows: unknown[][], index: number, convert: (value: unknown) => string | null): string {
  const parts = new Array<string>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const text = convert(rows[r]![index]);
    parts[r] = text === null ? 'NULL' : `"${text.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `{${parts.join(',')}}`;
}
