/**
 * The retention schedule as the server runs it (src/server/cli/serve.ts): once
 * after start-up and then every RETENTION_EVERY_MS, in the background, with
 * the counts logged (never what was deleted). Instances sharing a PostgreSQL
 * database take turns through the start-up lock, so two runs never delete
 * the same rows at once; the second then finds nothing left to do.
 */
import type { Db } from '../db/connection.ts';
import { withStartupLock } from '../db/migrate.ts';
import { logger } from '../platform/logger.ts';
import { runRetention, type RetentionSettings } from './retention.ts';
import { sealPlainAddresses } from './sealed.ts';

/** How often the server runs the schedule (and once at start-up). */
export const RETENTION_EVERY_MS = 24 * 3_600_000;

/** Runs the schedule and logs the counts per rule; errors are logged by type, without data. */
export function runRetentionInBackground(db: Db, settings: RetentionSettings): Promise<void> {
  return withStartupLock(db, async () => {
    // Addresses stored before sealing began (an upgraded database) are sealed first.
    const sealed = await sealPlainAddresses(db);
    if (sealed > 0) logger.info({ sealed }, 'addresses sealed');
    return runRetention(db, settings);
  }).then(
    (run) => {
      const counts = Object.fromEntries(run.results.map((r) => [r.rule, r.error ? `failed (${r.error})` : r.count]));
      if (run.results.some((r) => r.error)) logger.error({ retention: counts }, 'retention run: some rules failed');
      else logger.info({ retention: counts }, 'retention run');
    },
    (e: unknown) => logger.error({ err: e }, 'retention run failed'),
  );
}
