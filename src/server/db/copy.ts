/**
 * Moves an installation from SQLite to PostgreSQL (`npm run db:copy`): every
 * row of every table, with its id, in one PostgreSQL transaction that commits
 * only if each table then has exactly as many rows as in SQLite.
 *
 * Rows are read through the SQLite tables and written through the
 * PostgreSQL tables of the same name, so drizzle converts each value on the
 * way (Unix seconds → timestamptz, 0/1 → boolean, JSON text → json). Tables
 * are copied parents first (by their foreign keys), in pages by rowid so a
 * large installation is never held in memory at once. Afterwards each
 * identity column continues after the highest copied id.
 */
import Database from 'better-sqlite3';
import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import migrationsJournal from '../../../db/migrations/meta/_journal.json' with { type: 'json' };
import * as pgSchema from '../../../db/schema.pg.ts';
import * as sqliteSchema from '../../../db/schema.sqlite.ts';
import { migratePostgres, openPostgres } from './postgres.ts';

export interface TableCount {
  table: string;
  sqlite: number;
  postgres: number;
}

export class CopyError extends Error {}

/** Rows per INSERT: PostgreSQL allows 65,535 parameters per statement. */
const PARAMETERS_PER_INSERT = 30_000;
/** Tables whose first rows a migration inserts (the seed_places migrations): not a sign of a database in use. */
const ROWS_FROM_MIGRATIONS = new Set(['places']);
/** Rows read from SQLite per page. */
const PAGE = 5_000;

/** The tables in an order where every table comes after the tables it references. */
export function copyOrder(): { name: string; sqlite: SQLiteTable; pg: PgTable }[] {
  const tables = new Map<string, { name: string; sqlite: SQLiteTable; pg: PgTable }>();
  for (const [exportName, value] of Object.entries(sqliteSchema)) {
    if (!is(value, SQLiteTable)) continue;
    const pg = (pgSchema as Record<string, unknown>)[exportName];
    if (!is(pg, PgTable)) throw new CopyError(`db/schema.pg.ts has no table ${exportName}`);
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
  const source = drizzleSqlite({ client });
  const target = openPostgres(postgresUrl, { max: 1 });
  try {
    const journal = client.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    const applied = journal ? (client.prepare('select count(*) from __drizzle_migrations').pluck().get() as number) : 0;
    if (applied !== migrationsJournal.entries.length) {
      throw new CopyError(`${sqlitePath} has ${applied} of ${migrationsJournal.entries.length} migrations: run \`npm run db:migrate\` on it first.`);
    }
    await migratePostgres(target);
    const tables = copyOrder();
    return await target.transaction(async (tx) => {
      for (const table of tables) {
        if (ROWS_FROM_MIGRATIONS.has(table.name)) continue;
        const [row] = await tx.select({ n: sql<number>`count(*)` }).from(table.pg);
        if (Number(row?.n) > 0) throw new CopyError(`The PostgreSQL database is not empty (table ${table.name} has rows): copy into a new, empty database.`);
      }
      // The migrations' own rows make way for the SQLite file's (which started as the same rows and may since have been edited).
      for (const name of ROWS_FROM_MIGRATIONS) await tx.delete(tables.find((t) => t.name === name)!.pg);
      const counts: TableCount[] = [];
      for (const table of tables) {
        const columns = getTableColumns(table.sqlite);
        const perInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / Object.keys(columns).length));
        let after = 0;
        for (;;) {
          const page = source
            .select({ rowid: sql<number>`rowid`, ...columns })
            .from(table.sqlite)
            .where(sql`rowid > ${after}`)
            .orderBy(sql`rowid`)
            .limit(PAGE)
            .all();
          if (page.length === 0) break;
          after = page.at(-1)!.rowid;
          const rows = page.map(({ rowid: _rowid, ...values }) => values);
          for (let i = 0; i < rows.length; i += perInsert) {
            await tx.insert(table.pg).values(rows.slice(i, i + perInsert) as never);
          }
        }
        for (const column of pgTableConfig(table.pg).columns) {
          if (column.generatedIdentity) {
            await tx.execute(
              sql`select setval(pg_get_serial_sequence(${`"${table.name}"`}, ${column.name}), coalesce((select max(${sql.identifier(column.name)}) from ${sql.identifier(table.name)}), 0) + 1, false)`,
            );
          }
        }
        const sqliteCount = client.prepare(`select count(*) from "${table.name}"`).pluck().get() as number;
        const [pgRow] = await tx.select({ n: sql<number>`count(*)` }).from(table.pg);
        const count = { table: table.name, sqlite: sqliteCount, postgres: Number(pgRow?.n) };
        onTable(count);
        if (count.sqlite !== count.postgres) throw new CopyError(`Table ${table.name}: ${count.sqlite} rows in SQLite but ${count.postgres} in PostgreSQL; nothing was copied.`);
        counts.push(count);
      }
      return counts;
    });
  } finally {
    client.close();
    await target.$client.end();
  }
}
