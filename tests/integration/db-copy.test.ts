/**
 * `npm run db:copy` moves a SQLite installation into an empty PostgreSQL
 * database: every row with its id and values, verified per table, or nothing.
 * Needs a PostgreSQL server (TEST_POSTGRES_URL, set by .ci/run); runs in the
 * SQLite integration project, where the demo source is built.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyOrder } from '../../src/server/db/copy.ts';
import { seedDatabase } from '../../src/server/seed/index.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { createScratchDatabase, ON_POSTGRES, TEST_POSTGRES_URL, type ScratchDatabase } from '../support/postgres.ts';
import { sqliteClientOf } from '../../src/server/db/transaction.ts';

const run = promisify(execFile);

async function dbCopy(from: string, to: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['src/server/cli/db-copy.ts', '--from', from, '--to', to], { env: { ...process.env, DATABASE_URL: '' } });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe.skipIf(!TEST_POSTGRES_URL || ON_POSTGRES)('npm run db:copy (SQLite → PostgreSQL)', () => {
  let source: TestDb;
  let target: ScratchDatabase;
  let client: pg.Client;

  beforeEach(async () => {
    source = await createTestDb();
    await seedDatabase(source.db, { demo: true });
    target = await createScratchDatabase();
    client = new pg.Client({ connectionString: target.url });
    await client.connect();
  });

  afterEach(async () => {
    await client.end();
    await target.drop();
    await source.close();
  });

  it('copies every row of every table, and every table has as many rows as in SQLite', async () => {
    const result = await dbCopy(source.path, target.url);
    expect(result.code, result.out).toBe(0);
    expect(result.out).not.toContain('tryghed:tryghed@'); // the password is not printed
    const sqlite = new Database(source.path, { readonly: true });
    try {
      let total = 0;
      for (const { name } of copyOrder()) {
        const expected = sqlite.prepare(`select count(*) from "${name}"`).pluck().get() as number;
        const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from "${name}"`);
        expect(rows[0]!.n, name).toBe(expected);
        expect(result.out).toMatch(new RegExp(`${name}\\s+${expected}\\s+${expected} ✓`));
        total += expected;
      }
      expect(total).toBeGreaterThan(1000); // the demo has 1,200 responses and their answers
    } finally {
      sqlite.close();
    }
  });

  it('keeps ids, instants, flags and JSON as they were, and new rows continue after the copied ids', async () => {
    expect((await dbCopy(source.path, target.url)).code).toBe(0);
    const sqlite = new Database(source.path, { readonly: true });
    try {
      const area = sqlite.prepare("select id, updated_at, approximate, geometry from areas where slug = 'indre-norrebro'").get() as { id: number; updated_at: number; approximate: number; geometry: string };
      const { rows } = await client.query("select id, updated_at, approximate, geometry::text as geometry from areas where slug = 'indre-norrebro'");
      expect(rows[0].id).toBe(area.id);
      expect((rows[0].updated_at as Date).getTime()).toBe(area.updated_at * 1000);
      expect(rows[0].approximate).toBe(area.approximate === 1);
      expect(JSON.parse(rows[0].geometry)).toEqual(JSON.parse(area.geometry));

      const answer = sqlite.prepare('select id, response_id, question_id, item, value from answers order by id desc limit 1').get();
      const copied = await client.query('select id, response_id, question_id, item, value from answers order by id desc limit 1');
      expect(copied.rows[0]).toEqual(answer);

      const maxPartner = sqlite.prepare('select max(id) from partners').pluck().get() as number;
      const inserted = await client.query("insert into partners (slug, name_da, name_en) values ('ny-partner', 'Ny', 'New') returning id");
      expect(inserted.rows[0].id).toBe(maxPartner + 1);
    } finally {
      sqlite.close();
    }
  });

  it('refuses a database that already has rows, and leaves it as it was', async () => {
    expect((await dbCopy(source.path, target.url)).code).toBe(0);
    const before = await client.query('select count(*)::int as n from responses');
    const again = await dbCopy(source.path, target.url);
    expect(again.code).toBe(1);
    expect(again.out).toContain('is not empty');
    const after = await client.query('select count(*)::int as n from responses');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses a SQLite file that is not migrated to the current schema', async () => {
    const unmigrated = await createTestDb({ migrate: false });
    try {
      sqliteClientOf(unmigrated.db)!.exec('create table __drizzle_migrations (id integer primary key, hash text, created_at numeric)');
      const result = await dbCopy(unmigrated.path, target.url);
      expect(result.code).toBe(1);
      expect(result.out).toContain('npm run db:migrate');
      const { rows } = await client.query("select count(*)::int as n from information_schema.tables where table_name = 'responses'");
      expect(rows[0].n).toBe(0);
    } finally {
      await unmigrated.close();
    }
  });
});
