/** `npm run db:migrate`: apply migrations and seed an empty database, without serving. */
import { ConfigError, loadConfig } from '../config.ts';
import { closeDb, getDb, sqlitePath } from '../db/connection.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { seedDatabase } from '../seed/index.ts';

try {
  const cfg = loadConfig();
  const db = getDb(cfg.databaseUrl);
  migrateDatabase(db);
  const seeded = await seedDatabase(db, { demo: cfg.demoData });
  process.stdout.write(`Migrated ${sqlitePath(cfg.databaseUrl)}; seeded ${seeded.areas} areas.\n`);
  closeDb();
} catch (e) {
  if (e instanceof ConfigError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
