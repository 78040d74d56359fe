/**
 * Rule: a list of ids of any length can go into a query (inList,
 * src/server/db/in-list.ts): one bound parameter, never one per value, so
 * neither SQLite's 32,766-variable limit nor PostgreSQL's 65,535-parameter
 * limit is reached. Open311's requests.json answered 500 at 50,000 reports
 * because its notes query put every listed id into one IN (…).
 * Runs on SQLite (integration) and PostgreSQL (integration-pg).
 */
import { asc, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { areas, reportCategories, reports, reportUpdates } from '../../db/schema.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { inList } from '../../src/server/db/in-list.ts';
import { listPublicRequests, MAX_REQUEST_IDS, publicRequestId } from '../../src/server/reports/open311.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { seedReference } from '../support/factories.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
});
afterEach(() => t.close());

/** More values than either database takes as separate parameters. */
const MANY = 70_000;

describe('inList: an IN-list of any length is one parameter', () => {
  it('finds the rows among 70,000 integer ids (inArray with the same list fails)', async () => {
    const known = (await listAreas(t.db)).map((a) => a.id);
    const ids = Array.from({ length: MANY }, (_, i) => 1_000_000 + i).concat(known);
    const rows = await t.db.select({ id: areas.id }).from(areas).where(inList(t.db, areas.id, ids)).orderBy(asc(areas.id));
    expect(rows.map((r) => r.id)).toEqual([...known].sort((a, b) => a - b));
    // The mechanism this replaces: one parameter per id is refused by the database.
    await expect(t.db.select({ id: areas.id }).from(areas).where(inArray(areas.id, ids))).rejects.toThrow();
  });

  it('matches text values, quotes and all, and an empty list matches nothing', async () => {
    const slugs = (await listAreas(t.db)).map((a) => a.slug);
    const values = Array.from({ length: MANY }, (_, i) => `no-such-area-${i}'"{},\\`).concat(slugs.slice(0, 2));
    const rows = await t.db.select({ slug: areas.slug }).from(areas).where(inList(t.db, areas.slug, values));
    expect(rows.map((r) => r.slug).sort()).toEqual(slugs.slice(0, 2).sort());
    expect(await t.db.select().from(areas).where(inList(t.db, areas.id, []))).toEqual([]);
  });

  it('Open311 requests.json answers for 100 ids among 45,000 moderated reports, with notes (the 500 of issue #16)', async () => {
    const area = (await listAreas(t.db)).find((a) => a.slug === 'indre-norrebro')!;
    const [category] = await t.db.select().from(reportCategories).limit(1);
    const total = 45_000;
    for (let start = 0; start < total; start += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, total - start) }, (_, j) => ({
        receipt: `r${start + j}`,
        categoryId: category!.id,
        lat: 55.6895,
        lon: 12.5585,
        areaId: area.id,
        timeOfDay: 'evening' as const,
        reporterType: 'resident' as const,
        status: 'forwarded' as const,
        createdOn: '2026-05-01',
        demo: true,
      }));
      const inserted = await t.db.insert(reports).values(batch).returning({ id: reports.id });
      await t.db.insert(reportUpdates).values(inserted.map((r) => ({ reportId: r.id, status: 'forwarded' as const, publicNote: `sendt videre ${r.id}` })));
    }
    // The list answers only for ids a client holds (README "The public map and Open311"): ask for 100.
    const asked = Array.from({ length: MAX_REQUEST_IDS }, (_, i) => publicRequestId(`r${i * 450}`));
    const listed = await listPublicRequests(t.db, 'da', { ids: asked });
    expect(listed).toHaveLength(MAX_REQUEST_IDS);
    expect(listed.every((r) => r.status_notes?.startsWith('sendt videre'))).toBe(true);
  });
});
