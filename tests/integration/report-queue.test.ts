/**
 * The moderation queue at scale (src/server/reports/queue.ts), on SQLite and,
 * in the -pg project, PostgreSQL: a page of one status tab with the count of
 * every tab for the same filters (category, area, partner), the four sort
 * orders, paging (clamped), and bulk status changes that are all or nothing,
 * each audited per report.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, reports, reportUpdates } from '../../db/schema.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { listPartners } from '../../src/server/partnership/partners.ts';
import { bulkSetReportStatus, listReportPage } from '../../src/server/reports/queue.ts';
import { listActiveCategories, setReportStatus, submitReport, type NewReport } from '../../src/server/reports/reports.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';

let t: TestDb;
let actor: number;
let cats: { id: number; slug: string; displayOrder: number }[];
let areaIds: Record<string, number>;

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  actor = (await makeUser(t.db, 'moderator')).user.id;
  cats = await listActiveCategories(t.db);
  areaIds = Object.fromEntries((await listAreas(t.db)).map((a) => [a.slug, a.id]));
});
afterEach(() => t.close());

/** Places in the three areas. */
const PLACE = { 'indre-norrebro': 'blaagaards-plads', 'skt-hans-torv': 'skt-hans-torv', 'ydre-norrebro': 'superkilen' } as const;

async function submit(day: string, category: number, area: keyof typeof PLACE, email: string | null = null): Promise<number> {
  const input: NewReport = {
    categoryId: category,
    location: { kind: 'place', placeId: PLACE[area] },
    timeOfDay: 'evening',
    weekday: null,
    description: `Melding ${day}`,
    reporterType: 'resident',
    email,
  };
  const r = await submitReport(t.db, input, new Date(`${day}T10:00:00Z`));
  if (!r.ok) throw new Error(r.reason);
  return r.report.id;
}

const statusOf = async (id: number) => (await t.db.select({ status: reports.status }).from(reports).where(eq(reports.id, id)))[0]?.status;
const auditsOf = async (id: number) =>
  (await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'report'), eq(auditLog.entityId, id)))).map((a) => a.action);

describe('listReportPage', () => {
  it('counts every status tab for the same filters, and pages one tab', async () => {
    const [a, b] = cats;
    const ids: number[] = [];
    for (let i = 1; i <= 7; i++) ids.push(await submit(`2026-03-0${i}`, (i % 2 ? a : b)!.id, i <= 4 ? 'indre-norrebro' : 'skt-hans-torv'));
    await setReportStatus(t.db, ids[0]!, { status: 'in_progress' }, actor);
    await setReportStatus(t.db, ids[1]!, { status: 'rejected', internalNote: 'spam' }, actor);

    const page = await listReportPage(t.db, { status: 'received', pageSize: 2 });
    expect(page.counts).toEqual({ received: 5, forwarded: 0, in_progress: 1, handled: 0, not_possible: 0, rejected: 1, merged: 0 });
    expect(page.total).toBe(5);
    expect(page.pages).toBe(3);
    expect(page.page).toBe(1);
    // Open tabs: oldest first by default.
    expect(page.sort).toBe('oldest');
    expect(page.rows.map((r) => r.report.id)).toEqual([ids[2], ids[3]]);
    expect(page.rows[0]!.category.id).toBe(a!.id);
    expect(page.rows[0]!.area.slug).toBe('indre-norrebro');

    const last = await listReportPage(t.db, { status: 'received', pageSize: 2, page: 3 });
    expect(last.rows.map((r) => r.report.id)).toEqual([ids[6]]);
    // Past the end: the last page.
    const beyond = await listReportPage(t.db, { status: 'received', pageSize: 2, page: 99 });
    expect(beyond.page).toBe(3);
    expect(beyond.rows.map((r) => r.report.id)).toEqual([ids[6]]);

    const filtered = await listReportPage(t.db, { status: 'received', categoryId: a!.id, areaId: areaIds['skt-hans-torv'] });
    // Category a: days 1, 3, 5, 7; in Skt. Hans Torv: 5 and 7.
    expect(filtered.rows.map((r) => r.report.id)).toEqual([ids[4], ids[6]]);
    expect(filtered.counts.received).toBe(2);
    expect(filtered.counts.in_progress).toBe(0);
    const byArea = await listReportPage(t.db, { status: 'in_progress', areaId: areaIds['indre-norrebro'] });
    expect(byArea.counts).toMatchObject({ received: 2, in_progress: 1, rejected: 1 });

    const empty = await listReportPage(t.db, { status: 'handled' });
    expect(empty).toMatchObject({ rows: [], total: 0, page: 1, pages: 1, sort: 'newest' });
  });

  it('sorts newest, oldest, by category and by area', async () => {
    const [a, b] = cats;
    const x = await submit('2026-04-01', b!.id, 'ydre-norrebro');
    const y = await submit('2026-04-02', a!.id, 'skt-hans-torv');
    const z = await submit('2026-04-03', b!.id, 'indre-norrebro');
    const w = await submit('2026-04-04', a!.id, 'ydre-norrebro');
    const order = async (sort: 'newest' | 'oldest' | 'category' | 'area') => (await listReportPage(t.db, { status: 'received', sort })).rows.map((r) => r.report.id);
    expect(await order('newest')).toEqual([w, z, y, x]);
    expect(await order('oldest')).toEqual([x, y, z, w]);
    // Category display order, newest first within one.
    expect(a!.displayOrder).toBeLessThan(b!.displayOrder);
    expect(await order('category')).toEqual([w, y, z, x]);
    // Area display order (Indre Nørrebro, Skt. Hans Torv, Ydre Nørrebro), newest first within one.
    expect((await listAreas(t.db)).map((area) => area.slug)).toEqual(['indre-norrebro', 'skt-hans-torv', 'ydre-norrebro']);
    expect(await order('area')).toEqual([z, y, w, x]);
  });

  it('a partner\'s queue: only the reports forwarded to it', async () => {
    const [police, other] = await listPartners(t.db);
    const mine = await submit('2026-05-01', cats[0]!.id, 'indre-norrebro');
    const theirs = await submit('2026-05-02', cats[0]!.id, 'indre-norrebro');
    await submit('2026-05-03', cats[0]!.id, 'indre-norrebro');
    await setReportStatus(t.db, mine, { status: 'forwarded', forwardedTo: police!.id }, actor);
    await setReportStatus(t.db, theirs, { status: 'forwarded', forwardedTo: other!.id }, actor);
    const page = await listReportPage(t.db, { status: 'forwarded', partnerId: police!.id });
    expect(page.rows.map((r) => r.report.id)).toEqual([mine]);
    expect(page.counts).toMatchObject({ received: 0, forwarded: 1 });
    expect((await listReportPage(t.db, { status: 'forwarded' })).counts).toMatchObject({ received: 1, forwarded: 2 });
  });
});

describe('bulkSetReportStatus', () => {
  it('marks several new or forwarded reports as being handled, each audited and with its update', async () => {
    const ids = [await submit('2026-06-01', cats[0]!.id, 'indre-norrebro'), await submit('2026-06-02', cats[0]!.id, 'indre-norrebro', 'nabo@example.dk')];
    await setReportStatus(t.db, ids[1]!, { status: 'forwarded', forwardedTo: (await listPartners(t.db))[0]!.id }, actor);
    const result = await bulkSetReportStatus(t.db, ids, { status: 'in_progress' }, actor);
    expect(result).toEqual({ ok: true, changed: ids });
    for (const id of ids) {
      expect(await statusOf(id)).toBe('in_progress');
      expect(await auditsOf(id)).toContain('report.status');
      const updates = await t.db.select().from(reportUpdates).where(eq(reportUpdates.reportId, id));
      expect(updates.filter((u) => u.status === 'in_progress')).toEqual([expect.objectContaining({ userId: actor, publicNote: null })]);
    }
  });

  it('rejects several new reports with one internal reason, which it requires', async () => {
    const ids = [await submit('2026-06-03', cats[0]!.id, 'indre-norrebro', 'a@example.dk'), await submit('2026-06-04', cats[1]!.id, 'skt-hans-torv')];
    expect(await bulkSetReportStatus(t.db, ids, { status: 'rejected', internalNote: '  ' }, actor)).toEqual({ ok: false, reason: 'reason_required' });
    expect(await statusOf(ids[0]!)).toBe('received');
    expect(await bulkSetReportStatus(t.db, ids, { status: 'rejected', internalNote: 'Spam' }, actor)).toMatchObject({ ok: true });
    const rows = await t.db.select({ status: reports.status, email: reports.email }).from(reports);
    expect(rows).toEqual(expect.arrayContaining([{ status: 'rejected', email: null }]));
    expect(rows.every((r) => r.status === 'rejected' && r.email === null)).toBe(true);
    const updates = await t.db.select().from(reportUpdates).where(eq(reportUpdates.status, 'rejected'));
    expect(updates.map((u) => u.internalNote)).toEqual(['Spam', 'Spam']);
  });

  it('changes nothing when one selected report may not take the transition, and names it', async () => {
    const fresh = await submit('2026-06-05', cats[0]!.id, 'indre-norrebro');
    const handled = await submit('2026-06-06', cats[0]!.id, 'indre-norrebro');
    const forwarded = await submit('2026-06-07', cats[0]!.id, 'indre-norrebro');
    await setReportStatus(t.db, handled, { status: 'handled' }, actor);
    await setReportStatus(t.db, forwarded, { status: 'forwarded', forwardedTo: (await listPartners(t.db))[0]!.id }, actor);
    const auditsBefore = (await t.db.select().from(auditLog)).length;

    expect(await bulkSetReportStatus(t.db, [fresh, handled], { status: 'in_progress' }, actor)).toEqual({
      ok: false,
      reason: 'ineligible',
      ineligible: [{ id: handled, status: 'handled' }],
    });
    // A forwarded report is not rejected in bulk; an unknown id is not skipped.
    expect(await bulkSetReportStatus(t.db, [fresh, forwarded, 999_999], { status: 'rejected', internalNote: 'Spam' }, actor)).toEqual({
      ok: false,
      reason: 'ineligible',
      ineligible: [
        { id: forwarded, status: 'forwarded' },
        { id: 999_999, status: null },
      ],
    });
    expect(await statusOf(fresh)).toBe('received');
    expect(await statusOf(handled)).toBe('handled');
    expect(await statusOf(forwarded)).toBe('forwarded');
    expect((await t.db.select().from(auditLog)).length).toBe(auditsBefore);
    expect(await bulkSetReportStatus(t.db, [], { status: 'in_progress' }, actor)).toEqual({ ok: false, reason: 'none_selected' });
    expect(await bulkSetReportStatus(t.db, Array.from({ length: 101 }, (_, i) => i + 1), { status: 'in_progress' }, actor)).toEqual({ ok: false, reason: 'too_many' });
  });
});
