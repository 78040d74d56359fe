/** A real, migrated SQLite database in a temp directory, for integration tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/server/db/connection.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';

export interface TestDb {
  db: Db;
  path: string;
  close(): void;
}

export function createTestDb(options: { migrate?: boolean } = {}): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'tryghed-db-'));
  const path = join(dir, 'test.sqlite');
  const db = openDatabase(path);
  if (options.migrate !== false) migrateDatabase(db);
  return {
    db,
    path,
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
