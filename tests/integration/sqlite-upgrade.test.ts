/**
 * Upgrading a SQLite database that already holds data. SQLite cannot add a
 * constraint to an existing table, so some migrations rebuild a table (copy,
 * DROP TABLE, rename). With foreign keys on, that DROP would delete every
 * row that refers to the table through ON DELETE CASCADE: 0017 rebuilds
 * `comments`, and the replies and flags under them must survive it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDb } from '../../src/server/db/connection.ts';
import { MIGRATIONS_FOLDER, migrateDatabase, migrationState } from '../../src/server/db/migrate.ts';
import { ON_POSTGRES } from '../support/postgres.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A database migrated up to, not including, the migration tagged `before`. */
function databaseBefore(before: string): { db: SqliteDb; client: SqliteDb['$client'] } {
  const dir = mkdtempSync(join(tmpdir(), 'tryghed-upgrade-'));
  dirs.push(dir);
  const folder = join(dir, 'migrations');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag === before);
  expect(cut, `migration ${before} is committed`).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  const db = openDatabase(join(dir, 'old.sqlite'));
  migrate(db as unknown as Parameters<typeof migrate>[0], { migrationsFolder: folder });
  return { db, client: db.$client };
}

describe.skipIf(ON_POSTGRES)('upgrading a SQLite database with data in it', () => {
  it('a table rebuilt by a migration keeps the rows that refer to it, and foreign keys stay on', async () => {
    const { db, client } = databaseBefore('0017_comment_takedown_check');
    client.exec(`
      insert into partners (id, slug, name_da, name_en) values (90, 'politi-test', 'Politi', 'Police');
      insert into users (id, email, display_name, role, password_hash, created_at, password_changed_at)
        values (70, 'staff@test.invalid', 'Staff', 'moderator', 'x', 0, 0);
      insert into comments (id, target_type, target_id, body, locale, status, posted_on)
        values (11, 'event', 1, 'Hvornår er mødet?', 'da', 'approved', '2026-11-02');
      insert into comment_replies (comment_id, partner_id, user_id, body, created_at) values (11, 90, 70, 'Kl. 17.', 0);
      insert into comment_flags (comment_id, reason, count) values (11, 'spam', 2);
    `);

    await migrateDatabase(db);

    const state = await migrationState(db);
    expect(state.applied).toBe(state.committed);
    expect(client.prepare('select body from comments').all()).toEqual([{ body: 'Hvornår er mødet?' }]);
    expect(client.prepare('select body from comment_replies').all()).toEqual([{ body: 'Kl. 17.' }]);
    expect(client.prepare('select reason, count from comment_flags').all()).toEqual([{ reason: 'spam', count: 2 }]);
    expect(client.pragma('foreign_keys', { simple: true })).toBe(1);
    // The rebuilt table has its new constraint: a take-down needs a known reason.
    expect(() => client.exec(`update comments set taken_down_at = 1 where id = 11`)).toThrow(/CHECK/);
    client.close();
  });

  it('stops when the migrated data breaks a foreign key, instead of starting on it', async () => {
    const { db, client } = databaseBefore('0017_comment_takedown_check');
    client.pragma('foreign_keys = OFF');
    client.exec(`insert into comment_flags (comment_id, reason, count) values (999, 'spam', 1)`);
    client.pragma('foreign_keys = ON');
    await expect(migrateDatabase(db)).rejects.toThrow(/foreign key.*comment_flags → comments/);
    expect(client.pragma('foreign_keys', { simple: true })).toBe(1);
    client.close();
  });
});
