/** The health check behind /healthz: is the database reachable and fully migrated? */
import { sql } from 'drizzle-orm';
import journal from '../../db/migrations/meta/_journal.json' with { type: 'json' };
import type { Db } from './db/connection.ts';

export interface Health {
  ok: boolean;
  database: 'ok' | 'unreachable';
  /** The tag of the newest applied migration, e.g. `0003_surveys`. */
  migration: string | null;
  /** True when every committed migration has been applied. */
  migrationsCurrent: boolean;
}

export function checkHealth(db: Db): Health {
  try {
    const applied =
      db.get<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`)?.n ?? 0;
    const entries = journal.entries;
    const latest = applied > 0 ? (entries[applied - 1]?.tag ?? null) : null;
    const migrationsCurrent = applied === entries.length;
    return { ok: migrationsCurrent, database: 'ok', migration: latest, migrationsCurrent };
  } catch {
    return { ok: false, database: 'unreachable', migration: null, migrationsCurrent: false };
  }
}
