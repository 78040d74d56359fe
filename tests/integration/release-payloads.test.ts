/**
 * A release is made from the moderated reports in pages and stored column by
 * column (src/server/disclosure/releases.ts, released-reports.ts), on SQLite
 * and PostgreSQL: the pages add up to the same release as one page; a
 * release stored in the first form (one array per report, made before the
 * columns) reads back as the same records, so its public figures stay what
 * they were; an unmoderated report is in neither.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { releases, reports, REPORTER_TYPES } from '../../db/schema.ts';
import { SEEDED_PLACES } from '../../src/lib/seeded-places.ts';
import { latestRelease, makeReportRelease, type ReleasedReport } from '../../src/server/disclosure/releases.ts';
import { buildReportMap, ALL_PERIODS } from '../../src/server/reports/map.ts';
import { listCurrentAreas } from '../../src/server/partnership/areas.ts';
import { listActiveCategories, submitReport } from '../../src/server/reports/reports.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { seedReference } from '../support/factories.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
});
afterEach(async () => {
  await t.close();
});

/** 23 reports at named places and points, all but three moderated. */
async function someReports(): Promise<void> {
  const categories = await listActiveCategories(t.db);
  for (let i = 0; i < 23; i++) {
    const location = i % 3 === 0 ? { kind: 'point' as const, point: { lat: 55.686 + (i % 5) * 0.001, lon: 12.557 + (i % 4) * 0.001 } } : { kind: 'place' as const, placeId: SEEDED_PLACES[i % 6]!.id };
    const made = await submitReport(t.db, { categoryId: categories[i % categories.length]!.id, location, timeOfDay: 'night', weekday: null, description: '', reporterType: REPORTER_TYPES[i % REPORTER_TYPES.length]!, email: null });
    if (!made.ok) throw new Error(made.reason);
    if (i >= 3) await t.db.update(reports).set({ status: i % 2 ? 'forwarded' : 'handled' }).where(eq(reports.id, made.report.id));
  }
}

describe('a release of the moderated reports', () => {
  it('is the same when read in pages of 4 as in one page, and holds only moderated reports', async () => {
    await someReports();
    await makeReportRelease(t.db);
    const whole = (await latestRelease(t.db)).records.toArray();
    await makeReportRelease(t.db, { pageSize: 4 });
    const paged = (await latestRelease(t.db)).records.toArray();
    expect(whole).toHaveLength(20);
    expect(paged).toEqual(whole);
  });

  it('stored in the first form (an array per report) reads back as the same records and the same map', async () => {
    await someReports();
    const areaIds = (await listCurrentAreas(t.db)).map((a) => a.id);
    await makeReportRelease(t.db);
    const current = await latestRelease(t.db);
    const map = await buildReportMap(t.db, { period: ALL_PERIODS }, areaIds, 5);
    // The same records as a release of the first form, in its order (by key only).
    const v1 = current.records
      .toArray()
      .sort((a: ReleasedReport, b: ReleasedReport) => a.key - b.key)
      .map((r) => [r.cell, r.areaId, r.category, r.year, REPORTER_TYPES.indexOf(r.reporterType), r.initiativeId, r.key]);
    await t.db.insert(releases).values({ kind: 'reports', madeOn: current.madeOn, madeBy: null, payload: { version: 1, records: v1 } });
    const old = await latestRelease(t.db);
    expect(old.id).toBeGreaterThan(current.id);
    expect(old.records.toArray()).toEqual(current.records.toArray());
    const { releasedOn, ...figures } = await buildReportMap(t.db, { period: ALL_PERIODS }, areaIds, 5);
    const { releasedOn: before, ...expected } = map;
    expect(releasedOn).toBe(before);
    expect(figures).toEqual(expected);
  });
});
