/** The health check behind /healthz: is the database reachable and fully migrated? */
import type { Db } from '../db/connection.ts';
import { migrationState } from '../db/migrate.ts';

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
    const { applied, committed, latest } = await migrationState(db);
    const migrationsCurrent = applied === committed;
    return { ok: migrationsCurrent, database: 'ok', migration: latest, migrationsCurrent };
  } catch {
    return { ok: false, database: 'unreachable', migration: null, migrationsCurrent: false };
  }
}
