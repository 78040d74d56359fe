/**
 * The annual status report's sections against a real SQLite file: each year
 * holds its own initiatives, progress updates, events, survey waves and
 * handled reports, and every count below K reads as suppressed, never as a
 * number. One block runs on the full demo data, as the page does. Shown
 * counts are what the disclosure engine publishes (src/lib/disclosure),
 * worked out from the rows' record keys read back from the database.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, reports, reportUpdates, responses, surveys, surveySeries, type ResponseChannel } from '../../db/schema.ts';
import { addKeys, publishCount } from '../../src/lib/disclosure/index.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { newRecordKey } from '../../src/server/disclosure/keys.ts';
import {
  buildStatusReport,
  eventsHeldInYear,
  goalsAtYearEnd,
  initiativesOfYear,
  parseReportYear,
  reportsHandledInYear,
  waveClosedAt,
  wavesClosedInYear,
} from '../../src/server/dashboard/status-report.ts';
import type { Db } from '../../src/server/db/connection.ts';
import { createEvent, setEventState } from '../../src/server/content/events.ts';
import { addInitiativeUpdate, createInitiative, setInitiativeState } from '../../src/server/content/initiatives.ts';
import { listPartners } from '../../src/server/partnership/partners.ts';
import { listActiveCategories, setReportStatus, submitReport } from '../../src/server/reports/reports.ts';
import { seedDatabase } from '../../src/server/seed/index.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';

const K = 5;

/** The engine's published value of a count of these rows (by their record keys), as a shown total. */
function shownTotal(keys: readonly number[]): { suppressed: true } | { suppressed: false; n: number } {
  const n = publishCount(keys.length, addKeys(...keys), K);
  return n === undefined ? { suppressed: true } : { suppressed: false, n };
}

describe('parseReportYear', () => {
  it('takes four digits from 2000 to 2100 and nothing else', () => {
    expect(parseReportYear('2025')).toBe(2025);
    expect(parseReportYear('2000')).toBe(2000);
    expect(parseReportYear('2100')).toBe(2100);
    for (const bad of ['1999', '2101', '25', '02025', '2025x', 'abcd', '', ' 2025', undefined]) expect(parseReportYear(bad), String(bad)).toBeUndefined();
  });
});

describe('the sections of a year', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
    await seedReference(t.db);
  });
  afterEach(() => t.close());

  async function initiative(db: Db, title: string, startsOn: string | null, endsOn: string | null, publish = true): Promise<number> {
    const row = await createInitiative(
      db,
      {
        titleDa: title,
        titleEn: null,
        summaryDa: 'Resumé',
        summaryEn: null,
        bodyDa: '',
        bodyEn: null,
        track: 'preventive',
        status: 'active',
        startsOn,
        endsOn,
        partnerIds: [(await listPartners(db))[0]!.id],
        areaIds: [(await listAreas(db))[0]!.id],
      },
      null,
    );
    if (publish) await setInitiativeState(db, row.id, 'published', null);
    return row.id;
  }

  it('initiatives: those running in the year or with an update in it, published only, with that year’s updates', async () => {
    const running = await initiative(t.db, 'Kører hele tiden', '2024-03-01', null);
    const ended = await initiative(t.db, 'Sluttede 2023', '2023-01-01', '2023-12-31');
    const late = await initiative(t.db, 'Starter 2026', '2026-02-01', null);
    const draft = await initiative(t.db, 'Kladde', '2025-01-01', null, false);
    const oldWithNews = await initiative(t.db, 'Slut, men med nyt', '2022-01-01', '2022-12-31');
    await addInitiativeUpdate(t.db, running, { happenedOn: '2024-12-31', textDa: 'Sidste år', textEn: null }, null);
    await addInitiativeUpdate(t.db, running, { happenedOn: '2025-09-15', textDa: 'I år, sent', textEn: null }, null);
    await addInitiativeUpdate(t.db, running, { happenedOn: '2025-01-01', textDa: 'I år, tidligt', textEn: null }, null);
    await addInitiativeUpdate(t.db, oldWithNews, { happenedOn: '2025-06-01', textDa: 'Evaluering', textEn: null }, null);
    await addInitiativeUpdate(t.db, draft, { happenedOn: '2025-06-01', textDa: 'Hemmelig', textEn: null }, null);

    const of2025 = await initiativesOfYear(t.db, 2025);
    expect(of2025.map((i) => i.initiative.id).sort()).toEqual([running, oldWithNews].sort());
    const r = of2025.find((i) => i.initiative.id === running)!;
    expect(r.updates.map((u) => u.textDa)).toEqual(['I år, tidligt', 'I år, sent']);
    expect(r.partners).toHaveLength(1);
    expect(r.areas).toHaveLength(1);
    expect((await initiativesOfYear(t.db, 2023)).map((i) => i.initiative.id)).toEqual([ended]);
    expect((await initiativesOfYear(t.db, 2026)).map((i) => i.initiative.id).sort()).toEqual([running, late].sort());
    expect(await initiativesOfYear(t.db, 2019)).toEqual([]);
  });

  async function event(db: Db, title: string, start: string, publish = true): Promise<number> {
    const startsAt = new Date(start);
    const row = await createEvent(
      db,
      {
        kind: 'safety_walk',
        titleDa: title,
        titleEn: null,
        descriptionDa: '',
        descriptionEn: null,
        place: 'Blågårds Plads',
        lat: null,
        lon: null,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        areaId: (await listAreas(db))[0]!.id,
        partnerId: (await listPartners(db))[0]!.id,
        initiativeId: null,
      },
      null,
    );
    if (publish) await setEventState(db, row.id, 'published', null);
    return row.id;
  }

  it('events: published ones that started in the year (Copenhagen time) and are over', async () => {
    const held = await event(t.db, 'Vandring', '2025-05-10T17:00:00Z');
    // 23:30 UTC on 31 December 2024 is already 2025 in Copenhagen.
    const newYear = await event(t.db, 'Nytårsvandring', '2024-12-31T23:30:00Z');
    await event(t.db, 'Sidste år', '2024-06-01T17:00:00Z');
    await event(t.db, 'Kladde', '2025-06-01T17:00:00Z', false);
    const coming = await event(t.db, 'Kommer', '2025-12-20T17:00:00Z');
    const now = new Date('2025-12-01T12:00:00Z');
    expect((await eventsHeldInYear(t.db, 2025, now)).map((e) => e.event.id)).toEqual([newYear, held]);
    // A month later the December event has been held too.
    expect((await eventsHeldInYear(t.db, 2025, new Date('2026-01-05T00:00:00Z'))).map((e) => e.event.id)).toEqual([newYear, held, coming]);
    expect((await eventsHeldInYear(t.db, 2025, now))[1]).toMatchObject({ area: { slug: (await listAreas(t.db))[0]!.slug }, partner: { id: (await listPartners(t.db))[0]!.id } });
  });

  describe('reports handled', () => {
    let moderator: number;
    beforeEach(async () => {
      moderator = (await makeUser(t.db, 'moderator')).user.id;
    });

    /** A report in a category, made on `createdOn` and closed with `status` at `at`. */
    async function handledReport(categoryIndex: number, status: 'handled' | 'not_possible', at: string, createdOn = '2025-01-10'): Promise<number> {
      const categoryId = (await listActiveCategories(t.db))[categoryIndex]!.id;
      const made = await submitReport(t.db, {
        categoryId,
        location: { kind: 'place', placeId: 'blaagaards-plads' },
        timeOfDay: 'evening',
        weekday: null,
        description: 'Mørkt og utrygt.',
        reporterType: 'resident',
        email: null,
      });
      if (!made.ok) throw new Error('report not stored');
      const id = made.report.id;
      await t.db.update(reports).set({ createdOn }).where(eq(reports.id, id));
      expect((await setReportStatus(t.db, id, { status }, moderator)).ok).toBe(true);
      await t.db.update(reportUpdates).set({ createdAt: new Date(at) }).where(and(eq(reportUpdates.reportId, id), eq(reportUpdates.status, status)));
      return id;
    }

    /** The record keys of these reports, as stored. */
    async function keysOf(ids: readonly number[]): Promise<number[]> {
      const keys = (await t.db.select({ cellKey: reports.cellKey }).from(reports).where(inArray(reports.id, [...ids]))).map((r) => r.cellKey);
      expect(keys.length === ids.length && keys.every((k) => k >= 1)).toBe(true);
      return keys;
    }

    it('counts per outcome, category and area, and a count below K is suppressed (with its complement)', async () => {
      const first: number[] = [];
      const second: number[] = [];
      const third: number[] = [];
      for (let i = 0; i < 6; i++) first.push(await handledReport(0, 'handled', '2025-03-01T10:00:00Z'));
      for (let i = 0; i < 5; i++) second.push(await handledReport(1, 'handled', '2025-04-01T10:00:00Z'));
      for (let i = 0; i < 2; i++) third.push(await handledReport(2, 'not_possible', '2025-05-01T10:00:00Z'));
      await handledReport(0, 'handled', '2024-12-31T10:00:00Z'); // last year

      const r = await reportsHandledInYear(t.db, 2025, K, 'da');
      const all = await keysOf([...first, ...second, ...third]);
      expect(r.total).toEqual(shownTotal(all));
      expect(r.total).toMatchObject({ suppressed: false }); // 13, and the noise is at most 2
      expect(Math.abs((r.total as { n: number }).n - 13)).toBeLessThanOrEqual(2);
      // 2 "not possible" is below K; "handled" is hidden too, or 13 − 11 would give it away.
      expect(r.outcome.cells).toEqual([
        { key: 'handled', suppressed: true },
        { key: 'not_possible', suppressed: true },
      ]);
      const categories = await listActiveCategories(t.db);
      const cell = (slug: string) => r.byCategory.find((c) => c.key === slug)!.cell;
      // 6 is shown as the engine publishes it (6 + noise, or suppressed after all should that fall below K).
      expect(cell(categories[0]!.slug)).toEqual({ key: String(categories[0]!.id), ...shownTotal(await keysOf(first)) });
      expect(cell(categories[2]!.slug)).toEqual({ key: String(categories[2]!.id), suppressed: true });
      expect(cell(categories[1]!.slug)).toEqual({ key: String(categories[1]!.id), suppressed: true });
      expect(cell(categories[3]!.slug)).toMatchObject({ suppressed: false, n: 0 });
      const area = r.byArea.find((a) => a.key === 'indre-norrebro')!;
      // The same reports as the total: the same published figure.
      expect(area.cell).toEqual({ key: area.cell.key, ...r.total });
      // No suppressed cell carries a number anywhere.
      for (const c of [...r.outcome.cells, ...r.byCategory.map((x) => x.cell), ...r.byArea.map((x) => x.cell)]) {
        if (c.suppressed) expect(c).not.toHaveProperty('n');
      }
      expect(r.medianDays).toBeGreaterThan(0);
    });

    it('a report counts once, in the year it was first handled, and the median counts days from the report', async () => {
      const reopened = await handledReport(0, 'handled', '2025-02-11T10:00:00Z', '2025-02-01');
      const ids = [reopened];
      // Seven reports, so that the noise cannot take the total below K (which would hide the median).
      for (const [i, d] of ['2025-02-06', '2025-02-21', '2025-03-03', '2025-02-03', '2025-02-02', '2025-03-13'].entries()) {
        ids.push(await handledReport(i % 2, 'handled', `${d}T10:00:00Z`, '2025-02-01'));
      }
      // Reopened and handled again the next year: still a 2025 report only.
      await setReportStatus(t.db, reopened, { status: 'in_progress' }, moderator);
      await setReportStatus(t.db, reopened, { status: 'handled' }, moderator);
      await t.db.update(reportUpdates).set({ createdAt: new Date('2026-01-20T10:00:00Z') }).where(and(eq(reportUpdates.reportId, reopened), eq(reportUpdates.status, 'in_progress')));

      const r2025 = await reportsHandledInYear(t.db, 2025, K, 'da');
      expect(r2025.total).toEqual(shownTotal(await keysOf(ids)));
      expect(r2025.total.suppressed).toBe(false);
      // Days: 10, 5, 20, 30, 2, 1, 40 → median 10.
      expect(r2025.medianDays).toBe(10);
      // The second "handled" of the reopened report happened now, in a later year: it is not counted again.
      const thisYear = new Date().getFullYear();
      expect((await reportsHandledInYear(t.db, thisYear, K, 'da')).total).toEqual({ suppressed: false, n: 0 });
    });

    it('fewer than K reports in all: the total and the median are suppressed too', async () => {
      for (let i = 0; i < 3; i++) await handledReport(0, 'handled', '2025-03-01T10:00:00Z');
      const r = await reportsHandledInYear(t.db, 2025, K, 'da');
      expect(r.total).toEqual({ suppressed: true });
      expect(r.outcome.cells.every((c) => c.suppressed)).toBe(true);
      expect(r.byCategory.every((c) => c.cell.suppressed)).toBe(true);
      expect(r.medianDays).toBeUndefined();
    });

    it('no reports at all reads as zero, not as "too few"', async () => {
      const r = await reportsHandledInYear(t.db, 2025, K, 'en');
      expect(r.total).toEqual({ suppressed: false, n: 0 });
      expect(r.outcome.cells).toEqual([
        { key: 'handled', suppressed: false, n: 0 },
        { key: 'not_possible', suppressed: false, n: 0 },
      ]);
      expect(r.medianDays).toBeUndefined();
    });
  });

  describe('survey waves closed in the year', () => {
    /** A wave with `counts` responses per channel, inserted directly, each with a record key. */
    async function wave(db: Db, slug: string, closesAt: string | null, counts: Partial<Record<ResponseChannel, number>>, status: 'closed' | 'open' = 'closed') {
      const [existing] = await db.select().from(surveySeries).limit(1);
      const series = existing ?? (await db.insert(surveySeries).values({ slug: 'serie', titleDa: 'Serie', titleEn: 'Series' }).returning())[0]!;
      const [w] = await db
        .insert(surveys)
        .values({ seriesId: series.id, slug, waveDa: slug, titleDa: 'Måling', status, closesAt: closesAt ? new Date(closesAt) : null })
        .returning();
      if (!w) throw new Error('wave not inserted');
      for (const [channel, n] of Object.entries(counts) as [ResponseChannel, number][]) {
        for (let i = 0; i < n; i++) await db.insert(responses).values({ surveyId: w.id, channel, submittedOn: '2025-03-02', cellKey: newRecordKey() });
      }
      return w;
    }

    it('lists the waves that closed in the year, with response counts through the privacy rule', async () => {
      const big = await wave(t.db, 'stor-2025', '2025-04-01T00:00:00Z', { open: 7, paper: 2 });
      const small = await wave(t.db, 'lille-2025', '2025-10-01T00:00:00Z', { open: 3 });
      await wave(t.db, 'aaben-2025', '2025-05-01T00:00:00Z', { open: 9 }, 'open');
      await wave(t.db, 'gammel-2024', '2024-04-01T00:00:00Z', { open: 9 });

      const waves = await wavesClosedInYear(t.db, 2025, K, 'en');
      expect(waves.map((w) => w.wave.id)).toEqual([big.id, small.id]);
      expect(waves[0]!.seriesTitle).toBe('Series');
      // 2 paper responses are below K, and the open link's are hidden with them so 9 − 7 cannot be taken.
      const keys = (await t.db.select({ cellKey: responses.cellKey }).from(responses).where(eq(responses.surveyId, big.id))).map((r) => r.cellKey);
      expect(keys).toHaveLength(9);
      expect(waves[0]!.responses.total).toEqual(shownTotal(keys));
      expect(waves[0]!.responses.total.suppressed).toBe(false);
      expect(waves[0]!.responses.cells).toEqual([
        { key: 'invitation', suppressed: false, n: 0 },
        { key: 'open', suppressed: true },
        { key: 'paper', suppressed: true },
      ]);
      expect(waves[1]!.responses.total).toEqual({ suppressed: true });
    });

    it('a wave closed early by staff belongs to the year it was closed in', async () => {
      const w = await wave(t.db, 'lukket-tidligt', '2026-03-01T00:00:00Z', { open: 6 });
      await t.db.insert(auditLog).values({ action: 'survey.close', entityType: 'survey', entityId: w.id, at: new Date('2025-12-15T12:00:00Z') });
      expect((await waveClosedAt(t.db, w)).toISOString()).toBe('2025-12-15T12:00:00.000Z');
      expect((await wavesClosedInYear(t.db, 2025, K, 'da')).map((x) => x.wave.id)).toEqual([w.id]);
      expect(await wavesClosedInYear(t.db, 2026, K, 'da')).toEqual([]);
    });
  });

  it('a year with no data still has every section, each empty', async () => {
    const report = await buildStatusReport(t.db, { year: 2031, k: K, locale: 'da', now: new Date('2032-01-10T00:00:00Z') });
    expect(report.period.year).toBe(2031);
    expect(report.goals).toEqual([]);
    expect(report.waves).toEqual([]);
    expect(report.initiatives).toEqual([]);
    expect(report.events).toEqual([]);
    expect(report.reports.total).toEqual({ suppressed: false, n: 0 });
    expect(report.demo).toBe(false);
    expect(report.partners.length).toBeGreaterThan(0);
  });
});

describe('the demo data', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDatabase(t.db, { demo: true });
  });
  afterAll(() => t.close());

  it('2025: goals measured against the 2025 wave, the wave closed, initiatives with their 2025 updates', async () => {
    const report = await buildStatusReport(t.db, { year: 2025, k: K, locale: 'da' });
    expect(report.demo).toBe(true);
    expect(report.goals.length).toBeGreaterThan(0);
    for (const g of report.goals) expect(g.latest?.wave.slug).toBe('tryghed-2025');
    expect(report.waves.map((w) => w.wave.slug)).toEqual(['tryghed-2025']);
    expect(report.waves[0]!.responses.total).toMatchObject({ suppressed: false });
    const updates = report.initiatives.flatMap((i) => i.updates.map((u) => u.happenedOn));
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((d) => d.startsWith('2025-'))).toBe(true);
  });

  it('goal status at the end of 2024 uses no later wave', async () => {
    const at2024 = await goalsAtYearEnd(t.db, 2024, K, 'da');
    for (const g of at2024) {
      expect(g.trend.every((p) => p.wave.slug === 'tryghed-2024')).toBe(true);
      // The baseline is the 2024 wave itself (the goal's, or for a goal set against an outside figure the
      // series' first wave, the outside figure being context only): nothing after it yet.
      expect(g.baseline?.wave.slug).toBe('tryghed-2024');
      expect(g.latest).toBeUndefined();
      expect(g.change).toBeUndefined();
      expect(g.targetVerdict).toBeUndefined();
      if (g.goal.baselineSurveyId === null) expect(g.external).toBeDefined();
    }
    expect((await goalsAtYearEnd(t.db, 2023, K, 'da')).every((g) => g.trend.length === 0 && g.latest === undefined)).toBe(true);
  });
});
