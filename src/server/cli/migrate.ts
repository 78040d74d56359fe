/** `npm run db:migrate`: apply migrations and seed an empty database, without serving. */
import { ConfigError, loadConfig } from '../platform/config.ts';
import { closeDb, describeDatabase, getDb } from '../db/connection.ts';
import { migrateDatabase, withStartupLock } from '../db/migrate.ts';
import { seedDatabase } from '../seed/index.ts';

try {
  const cfg = loadConfig();
  const db = getDb(cfg.databaseUrl);
  const seeded = await withStartupLock(db, async () => {
    await migrateDatabase(db);
    return seedDatabase(db, { demo: cfg.demoData, privacyK: cfg.privacyK });
  });
  process.stdout.write(`Migrated ${describeDatabase(cfg.databaseUrl)}; seeded ${seeded.areas} areas.\n`);
  await closeDb();
} catch (e) {
  if (e instanceof ConfigError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
