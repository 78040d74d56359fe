import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_POSTGRES } from '../support/postgres.ts';
import type { AreaGeometry } from '../../db/schema.ts';
import { containsPoint, findAreaForPoint } from '../../src/lib/geo.ts';
import { openDatabase } from '../../src/server/db/connection.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { listActiveCategories, submitReport } from '../../src/server/reports/reports.ts';
import { seedReference } from '../support/factories.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tryghed-seed-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function seedLarge(database: string, ...args: string[]) {
  return spawnSync(process.execPath, ['src/server/cli/seed-large.ts', '--database', database, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function counts(database: string) {
  const db = new Database(database, { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return { responses: n('select count(*) n from responses'), reports: n('select count(*) n from reports') };
  } finally {
    db.close();
  }
}

// seed:large writes a SQLite file directly (the benchmark's PostgreSQL
// column gets its data with db:copy); nothing to test on PostgreSQL.
describe.skipIf(ON_POSTGRES)('npm run seed:large', () => {
  const database = join(dir, 'large.sqlite');
  let run: ReturnType<typeof seedLarge>;
  beforeAll(() => {
    run = seedLarge(database, '--responses', '2000', '--reports', '2000');
  }, 60_000);

  it('adds the asked numbers of responses to the closed demo waves and of reports, and says they are synthetic', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/synthetic/i);
    const db = new Database(database, { readonly: true });
    try {
      const byWave = db
        .prepare("select s.slug, count(*) n from responses r join surveys s on s.id = r.survey_id where s.slug in ('tryghed-2024', 'tryghed-2025') group by s.slug order by s.slug")
        .all() as { slug: string; n: number }[];
      // The demo seed gives the closed waves 420 and 400 responses; seed-large adds 1,000 each.
      expect(byWave).toEqual([
        { slug: 'tryghed-2024', n: 420 + 1000 },
        { slug: 'tryghed-2025', n: 400 + 1000 },
      ]);
      expect((db.prepare('select count(*) n from reports').get() as { n: number }).n).toBe(2000);
      // Every response holds answers, and every report its "received" update.
      expect((db.prepare('select count(*) n from responses r where not exists (select 1 from answers a where a.response_id = r.id)').get() as { n: number }).n).toBe(0);
      expect((db.prepare("select count(*) n from reports r where not exists (select 1 from report_updates u where u.report_id = r.id and u.status = 'received')").get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
  });

  it('marks every response and every report demo', () => {
    const db = new Database(database, { readonly: true });
    try {
      expect((db.prepare('select count(*) n from responses where demo = 0').get() as { n: number }).n).toBe(0);
      expect((db.prepare('select count(*) n from reports where demo = 0').get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
  });

  it('puts every report inside its area, the one a resident submitting the same point would get', async () => {
    const db = openDatabase(database);
    try {
      const areas = await listAreas(db);
      const byId = new Map(areas.map((a) => [a.id, a]));
      const rows = db.$client.prepare('select lat, lon, area_id as areaId from reports').all() as { lat: number; lon: number; areaId: number }[];
      const outside = rows.filter((r) => !containsPoint(byId.get(r.areaId)!.geometry as AreaGeometry, r));
      const reassigned = rows.filter((r) => findAreaForPoint(areas, r)?.id !== r.areaId);
      expect(outside).toEqual([]);
      expect(reassigned).toEqual([]);
      // Reports are spread over every area, mostly moderated.
      expect(new Set(rows.map((r) => r.areaId)).size).toBe(areas.length);
      const received = (db.$client.prepare("select count(*) n from reports where status = 'received'").get() as { n: number }).n;
      expect(received / rows.length).toBeLessThan(0.25);
    } finally {
      db.$client.close();
    }
  });

  it('refuses a database that holds real reports or responses, and changes nothing', async () => {
    const real = join(dir, 'real.sqlite');
    const db = openDatabase(real);
    await migrateDatabase(db);
    await seedReference(db);
    const category = (await listActiveCategories(db))[0]!;
    const stored = await submitReport(db, {
      categoryId: category.id,
      location: { kind: 'place', placeId: 'blaagaards-plads' },
      timeOfDay: 'evening',
      weekday: null,
      description: 'En rigtig melding.',
      reporterType: 'resident',
      email: null,
    });
    expect(stored.ok).toBe(true);
    db.$client.close();

    const refused = seedLarge(real, '--responses', '10', '--reports', '10');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Refusing');
    expect(counts(real)).toEqual({ responses: 0, reports: 1 });
  });
});
