/** The health check behind /healthz: is the database reachable and fully migrated? */
import { sql } from 'drizzle-orm';
import sqliteJournal from '../../db/migrations/meta/_journal.json' with { type: 'json' };
import pgJournal from '../../db/migrations-pg/meta/_journal.json' with { type: 'json' };
import type { Db } from './db/connection.ts';
import { rawRow } from './db/raw.ts';
import { isSqlite } from './db/transaction.ts';

export interface Health {
  ok: boolean;
  database: 'ok' | 'unreachable';
  /** The tag of the newest applied migration, e.g. `0003_surveys`. */
  migration: string | null;
  /** True when every committed migration has been applied. */
  migrationsCurrent: boolean;
}

export async function checkHealth(db: Db): Promise<Health> {
  try {
    // drizzle's migrators keep their journal in __drizzle_migrations (PostgreSQL: in the schema `drizzle`).
    const sqlite = isSqlite(db);
    const table = sqlite ? sql`__drizzle_migrations` : sql`drizzle.__drizzle_migrations`;
    const applied = Number((await rawRow<{ n: number }>(db, sql`select count(*) as n from ${table}`))?.n ?? 0);
    const entries = (sqlite ? sqliteJournal : pgJournal).entries;
    const latest = applied > 0 ? (entries[applied - 1]?.tag ?? null) : null;
    const migrationsCurrent = applied === entries.length;
    return { ok: migrationsCurrent, database: 'ok', migration: latest, migrationsCurrent };
  } catch {
    return { ok: false, database: 'unreachable', migration: null, migrationsCurrent: false };
  }
}
