/**
 * A real, migrated database for integration tests: a SQLite file in a temp
 * directory, or, in the -pg projects (DATABASE_URL is a PostgreSQL server),
 * a new PostgreSQL database that is dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, openHandle, type Db } from '../../src/server/db/connection.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { createScratchDatabase, ON_POSTGRES } from './postgres.ts';

export interface TestDb {
  db: Db;
  /** The SQLite file, or the PostgreSQL database's URL: what DATABASE_URL would be. */
  path: string;
  close(): Promise<void>;
}

export async function createTestDb(options: { migrate?: boolean } = {}): Promise<TestDb> {
  if (ON_POSTGRES) {
    const scratch = await createScratchDatabase();
    const db = openHandle(scratch.url, { max: 4 });
    if (options.migrate !== false) await migrateDatabase(db);
    return {
      db,
      path: scratch.url,
      close: once(async () => {
        await closeDatabase(db);
        await scratch.drop();
      }),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'tryghed-db-'));
  const path = join(dir, 'test.sqlite');
  const db = openDatabase(path);
  if (options.migrate !== false) await migrateDatabase(db);
  return {
    db,
    path,
    close: once(async () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }),
  };
}

/** Closing twice (an afterEach after a test that closed) is harmless. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
