/**
 * The retention schedule (src/server/privacy/retention.ts) on a real database (SQLite
 * file; PostgreSQL in the integration-pg project), with the clock moved: each
 * rule deletes or erases exactly what is past its period at the boundary
 * second and nothing newer; a dry run changes nothing; an erased report still
 * counts in the same hexagon and area of the public figures; a run leaves one
 * audit entry with counts only.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { latLngToCell } from 'h3-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  auditLog,
  commentReplies,
  comments,
  reportNotices,
  reports,
  reportSubmissions,
  reportUpdates,
  sessions,
  surveyDrafts,
  surveys,
  surveySeries,
  throttleHits,
  initiatives,
} from '../../db/schema.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { createEvent } from '../../src/server/content/events.ts';
import { addConsultationPlace, createConsultation, setConsultationState } from '../../src/server/consultations/consultations.ts';
import { latestRelease, makeReportRelease, MAP_RESOLUTION, NO_CELL } from '../../src/server/disclosure/releases.ts';
import { listPartners } from '../../src/server/partnership/partners.ts';
import { listActiveCategories, mergeReport, setReportStatus, submitReport, type ReportLocation } from '../../src/server/reports/reports.ts';
import { DETAIL_PAGE, ERASED_PLACE, erasedPoint, PENDING_COMMENT_DAYS, RETENTION_DEFAULTS, runRetention, type RetentionRun, type RuleId } from '../../src/server/privacy/retention.ts';
import { listPlaces } from '../../src/server/partnership/places.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { ON_POSTGRES } from '../support/postgres.ts';
import { makeInitiative, makeUser, seedReference } from '../support/factories.ts';
import { openAddress } from '../../src/server/privacy/sealed.ts';

let t: TestDb;
let moderatorId: number;

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  moderatorId = (await makeUser(t.db, 'moderator')).user.id;
});
afterEach(async () => {
  await t.close();
});

const S = RETENTION_DEFAULTS;
const DAY = 86_400_000;
/** When the reports below were closed: a day of month ≤ 28, so "6 months later" is one exact instant. */
const CLOSED_AT = new Date('2026-03-20T10:00:00Z');
const plusMonths = (d: Date, n: number): Date => {
  const x = new Date(d.getTime());
  x.setUTCMonth(x.getUTCMonth() + n);
  return x;
};
const second = (d: Date, s: number): Date => new Date(d.getTime() + s * 1000);
const count = (run: RetentionRun, rule: RuleId): number => run.results.find((r) => r.rule === rule)!.count;

async function submit(location: ReportLocation, description = 'Der står en mand med hund ved opgangen hver aften', email: string | null = null) {
  const r = await submitReport(t.db, {
    categoryId: (await listActiveCategories(t.db))[0]!.id,
    location,
    timeOfDay: 'night',
    weekday: 5,
    description,
    reporterType: 'resident',
    email,
  });
  if (!r.ok) throw new Error(r.reason);
  return r.report;
}

/** Moves every step of a report to `at`: the report was closed (or last changed) then. */
async function stepsAt(reportId: number, at: Date): Promise<void> {
  await t.db.update(reportUpdates).set({ createdAt: at }).where(eq(reportUpdates.reportId, reportId));
}

const report = async (id: number) => (await t.db.select().from(reports).where(eq(reports.id, id)))[0];

describe('closed reports: description, exact point and place text', () => {
  it(`are erased ${S.reportDetailsMonths} months after closing, to the second; a report closed a day later and open reports are untouched`, async () => {
    const partner = (await listPartners(t.db))[0]!;
    const pin = await submit({ kind: 'point', point: { lat: 55.68712, lon: 12.55543 } });
    const typed = await submit({ kind: 'text', text: 'Baggården bag Nørrebrogade 12', areaId: (await listAreas(t.db)).find((a) => a.slug === 'indre-norrebro')!.id });
    const named = await submit({ kind: 'place', placeId: 'blaagaards-plads' });
    const later = await submit({ kind: 'point', point: { lat: 55.6884, lon: 12.5531 } });
    const open = await submit({ kind: 'point', point: { lat: 55.6884, lon: 12.5531 } });
    await setReportStatus(t.db, pin.id, { status: 'handled', publicNote: 'Lyset er skiftet.', internalNote: 'Beboeren i nr. 3 ringede også' }, moderatorId);
    await setReportStatus(t.db, typed.id, { status: 'not_possible' }, moderatorId);
    await mergeReport(t.db, named.id, pin.id, moderatorId);
    await setReportStatus(t.db, later.id, { status: 'handled' }, moderatorId);
    await setReportStatus(t.db, open.id, { status: 'forwarded', forwardedTo: partner.id }, moderatorId);
    for (const r of [pin, typed, named, open]) await stepsAt(r.id, CLOSED_AT);
    await stepsAt(later.id, new Date(CLOSED_AT.getTime() + DAY));
    const before = await t.db.select().from(reports).orderBy(asc(reports.id));

    const boundary = plusMonths(CLOSED_AT, S.reportDetailsMonths);
    // A second early: nothing is due; a dry run at the boundary counts three and changes nothing.
    expect(count(await runRetention(t.db, S, { now: second(boundary, -1) }), 'report_details')).toBe(0);
    expect(count(await runRetention(t.db, S, { now: boundary, dryRun: true }), 'report_details')).toBe(3);
    expect(await t.db.select().from(reports).orderBy(asc(reports.id))).toEqual(before);

    expect(count(await runRetention(t.db, S, { now: boundary }), 'report_details')).toBe(3);
    const p = (await report(pin.id))!;
    expect([p.description, p.masks, p.placeName, p.email]).toEqual(['', [], null, null]);
    // The point is the centre of its hexagon: the same hexagon, no longer the pin.
    expect(latLngToCell(p.lat, p.lon, MAP_RESOLUTION)).toBe(latLngToCell(pin.lat, pin.lon, MAP_RESOLUTION));
    expect([p.lat, p.lon]).not.toEqual([pin.lat, pin.lon]);
    expect({ lat: p.lat, lon: p.lon }).toEqual(erasedPoint({ lat: pin.lat, lon: pin.lon, placeName: null }, await listPlaces(t.db)));
    // What stays: receipt, category, area, day, time, status, public note.
    expect([p.receipt, p.categoryId, p.areaId, p.createdOn, p.timeOfDay, p.weekday, p.status]).toEqual([pin.receipt, pin.categoryId, pin.areaId, pin.createdOn, 'night', 5, 'handled']);
    const steps = await t.db.select().from(reportUpdates).where(eq(reportUpdates.reportId, pin.id)).orderBy(asc(reportUpdates.createdAt));
    expect(steps.map((s) => s.internalNote)).toEqual([null, null]);
    expect(steps.map((s) => s.publicNote)).toContain('Lyset er skiftet.');

    const ty = (await report(typed.id))!;
    expect([ty.description, ty.placeName, ty.lat, ty.lon]).toEqual(['', ERASED_PLACE, typed.lat, typed.lon]);
    const na = (await report(named.id))!;
    expect([na.description, na.placeName, na.status, na.mergedInto]).toEqual(['', null, 'merged', pin.id]);

    // Newer and open reports keep everything.
    for (const r of [later, open]) {
      const kept = (await report(r.id))!;
      expect([kept.description, kept.lat, kept.lon, kept.placeName]).toEqual([r.description, r.lat, r.lon, r.placeName]);
    }
    // The next run finds nothing more; a day later the later report goes too.
    expect(count(await runRetention(t.db, S, { now: second(boundary, 60) }), 'report_details')).toBe(0);
    expect(count(await runRetention(t.db, S, { now: new Date(boundary.getTime() + DAY) }), 'report_details')).toBe(1);
    expect((await report(open.id))!.description).toBe(open.description);
  });

  it(`erases every due report however many pages of ${DETAIL_PAGE} they span, each page on its own while other requests go on, and the next run finds none`, async () => {
    const r = await submit({ kind: 'point', point: { lat: 55.68712, lon: 12.55543 } });
    await setReportStatus(t.db, r.id, { status: 'handled' }, moderatorId);
    await stepsAt(r.id, CLOSED_AT);
    // Copies closed at the same time (no steps of their own: none after the period either), past a page boundary.
    const { id: _id, ...row } = (await report(r.id))!;
    const copies = Array.from({ length: DETAIL_PAGE + 1 }, (_, i) => ({ ...row, receipt: `${row.receipt}-${i}` }));
    for (let i = 0; i < copies.length; i += 400) await t.db.insert(reports).values(copies.slice(i, i + 400));
    const boundary = plusMonths(CLOSED_AT, S.reportDetailsMonths);
    expect(count(await runRetention(t.db, S, { now: boundary, dryRun: true }), 'report_details')).toBe(DETAIL_PAGE + 2);
    // Other requests go on between the pages, and each page is committed on its own: a reader on
    // the event loop meanwhile (as another request would be) sees the first page erased and not the rest.
    const erasedNow = async () => Number((await t.db.select({ n: sql<number>`count(*)` }).from(reports).where(sql`${reports.description} = ''`))[0]!.n);
    const seen: number[] = [];
    let running = true;
    const watch = async () => {
      while (running) {
        seen.push(await erasedNow());
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const watching = watch();
    const run = runRetention(t.db, S, { now: boundary });
    const result = await run;
    running = false;
    await watching;
    expect(count(result, 'report_details')).toBe(DETAIL_PAGE + 2);
    expect(seen.some((n) => n > 0 && n < DETAIL_PAGE + 2), `erased counts seen meanwhile: ${[...new Set(seen)].join(', ')}`).toBe(true);
    const [left] = await t.db.select({ n: sql<number>`count(*)` }).from(reports).where(sql`${reports.description} <> ''`);
    expect(Number(left!.n)).toBe(0);
    expect(count(await runRetention(t.db, S, { now: second(boundary, 60) }), 'report_details')).toBe(0);
  });

  it('a report reopened after closing starts its period again', async () => {
    const r = await submit({ kind: 'point', point: { lat: 55.68712, lon: 12.55543 } });
    await setReportStatus(t.db, r.id, { status: 'handled' }, moderatorId);
    await stepsAt(r.id, CLOSED_AT);
    await setReportStatus(t.db, r.id, { status: 'in_progress' }, moderatorId);
    await setReportStatus(t.db, r.id, { status: 'handled' }, moderatorId);
    const closedAgain = new Date(CLOSED_AT.getTime() + 10 * DAY);
    await t.db.update(reportUpdates).set({ createdAt: closedAgain }).where(and(eq(reportUpdates.reportId, r.id), gt(reportUpdates.createdAt, CLOSED_AT)));
    const boundary = plusMonths(CLOSED_AT, S.reportDetailsMonths);
    expect(count(await runRetention(t.db, S, { now: boundary }), 'report_details')).toBe(0);
    expect((await report(r.id))!.description).toBe(r.description);
    expect(count(await runRetention(t.db, S, { now: new Date(boundary.getTime() + 10 * DAY) }), 'report_details')).toBe(1);
  });

  it('the public figures count an erased report in the same hexagon and area: the next release is the same', async () => {
    const partner = (await listPartners(t.db))[0]!;
    const made = [];
    for (const location of [
      { kind: 'point', point: { lat: 55.68712, lon: 12.55543 } },
      { kind: 'point', point: { lat: 55.6884, lon: 12.5531 } },
      { kind: 'place', placeId: 'blaagaards-plads' },
      { kind: 'text', text: 'Gården bag skolen', areaId: (await listAreas(t.db)).find((a) => a.slug === 'indre-norrebro')!.id },
    ] satisfies ReportLocation[]) {
      const r = await submit(location);
      await setReportStatus(t.db, r.id, { status: 'forwarded', forwardedTo: partner.id }, moderatorId);
      await setReportStatus(t.db, r.id, { status: made.length % 2 ? 'handled' : 'not_possible' }, moderatorId);
      await stepsAt(r.id, CLOSED_AT);
      made.push(r);
    }
    const first = await makeReportRelease(t.db);
    const beforeRecords = (await latestRelease(t.db)).records;
    expect(beforeRecords).toHaveLength(4);
    expect(beforeRecords.toArray().filter((r) => r.cell === NO_CELL)).toHaveLength(1);

    const run = await runRetention(t.db, S, { now: plusMonths(CLOSED_AT, S.reportDetailsMonths) });
    expect(count(run, 'report_details')).toBe(4);

    // A scheduled release needs K changed reports: erasing changed none.
    const scheduled = await makeReportRelease(t.db, { minChanges: 1 });
    expect(scheduled).toEqual({ made: false, changes: 0 });
    const again = await makeReportRelease(t.db);
    expect(first.made && again.made).toBe(true);
    const afterRecords = (await latestRelease(t.db)).records;
    expect([...afterRecords]).toEqual([...beforeRecords]);
  });
});

describe('rejected reports', () => {
  it(`are deleted entirely ${S.rejectedReportDays} days after rejection, with their steps, notices and submission token; a day younger one stays`, async () => {
    const old = await submitReport(t.db, {
      categoryId: (await listActiveCategories(t.db))[0]!.id,
      location: { kind: 'place', placeId: 'stengade' },
      timeOfDay: 'evening',
      weekday: null,
      description: 'Spam',
      reporterType: 'visitor',
      email: 'a@example.dk',
      submissionKey: 'retention-token-1',
    });
    if (!old.ok) throw new Error(old.reason);
    const young = await submit({ kind: 'place', placeId: 'stengade' });
    await setReportStatus(t.db, old.report.id, { status: 'rejected', internalNote: 'Ikke en tryghedssag' }, moderatorId);
    await setReportStatus(t.db, young.id, { status: 'rejected', internalNote: 'Dublet' }, moderatorId);
    await stepsAt(old.report.id, CLOSED_AT);
    await stepsAt(young.id, new Date(CLOSED_AT.getTime() + DAY));
    expect(await t.db.select().from(reportNotices).where(eq(reportNotices.reportId, old.report.id))).toHaveLength(1);
    // Keep the token and the notice past their own expiry, to see them go with the report.
    await t.db.update(reportSubmissions).set({ expiresAt: new Date(CLOSED_AT.getTime() + 400 * DAY) });
    await t.db.update(reportNotices).set({ createdAt: new Date(CLOSED_AT.getTime() + 400 * DAY) });

    const boundary = new Date(CLOSED_AT.getTime() + S.rejectedReportDays * DAY);
    expect(count(await runRetention(t.db, S, { now: second(boundary, -1) }), 'rejected_reports')).toBe(0);
    expect(count(await runRetention(t.db, S, { now: boundary, dryRun: true }), 'rejected_reports')).toBe(1);
    expect(await report(old.report.id)).toBeDefined();
    expect(count(await runRetention(t.db, S, { now: boundary }), 'rejected_reports')).toBe(1);
    expect(await report(old.report.id)).toBeUndefined();
    expect(await t.db.select().from(reportUpdates).where(eq(reportUpdates.reportId, old.report.id))).toEqual([]);
    expect(await t.db.select().from(reportNotices)).toEqual([]);
    expect(await t.db.select().from(reportSubmissions)).toEqual([]);
    expect(await report(young.id)).toBeDefined();
    expect(count(await runRetention(t.db, S, { now: new Date(boundary.getTime() + DAY) }), 'rejected_reports')).toBe(1);
    expect(await report(young.id)).toBeUndefined();
  });
});

describe('the mail outbox and e-mail addresses', () => {
  it(`outbox rows go ${S.outboxDays} days after they were queued, sent or not; a closed report's leftover address goes at once`, async () => {
    const r = await submit({ kind: 'place', placeId: 'stengade' }, 'Mørkt', 'nabo@example.dk');
    await setReportStatus(t.db, r.id, { status: 'in_progress' }, moderatorId);
    await setReportStatus(t.db, r.id, { status: 'handled' }, moderatorId);
    const [a, b] = await t.db.select().from(reportNotices).orderBy(asc(reportNotices.id));
    await t.db.update(reportNotices).set({ createdAt: CLOSED_AT }).where(eq(reportNotices.id, a!.id));
    await t.db.update(reportNotices).set({ createdAt: second(CLOSED_AT, 1) }).where(eq(reportNotices.id, b!.id));
    // An address left on a closed report (a database from before closing deleted it).
    await t.db.update(reports).set({ email: 'gammel@example.dk' }).where(eq(reports.id, r.id));

    const boundary = new Date(CLOSED_AT.getTime() + S.outboxDays * DAY);
    const early = await runRetention(t.db, S, { now: second(boundary, -1) });
    expect([count(early, 'report_outbox'), count(early, 'report_email')]).toEqual([0, 1]);
    expect((await report(r.id))!.email).toBeNull();
    expect(count(await runRetention(t.db, S, { now: boundary }), 'report_outbox')).toBe(1);
    expect((await t.db.select().from(reportNotices)).map((n) => n.id)).toEqual([b!.id]);
    expect(count(await runRetention(t.db, S, { now: second(boundary, 1) }), 'report_outbox')).toBe(1);
    expect(await t.db.select().from(reportNotices)).toEqual([]);
    // An open report keeps its address (it is needed for the notices).
    const waiting = await submit({ kind: 'place', placeId: 'stengade' }, 'Mørkt', 'venter@example.dk');
    expect(count(await runRetention(t.db, S, { now: second(boundary, 2) }), 'report_email')).toBe(0);
    expect(openAddress((await report(waiting.id))!.email!)).toBe('venter@example.dk');
  });
});

describe('what expires by itself: drafts, submission tokens, throttle counters, staff sessions', () => {
  it('each goes at its expiry, to the second, and not before', async () => {
    const [series] = await t.db.insert(surveySeries).values({ slug: 'retention', titleDa: 'Retention' }).returning();
    const [survey] = await t.db.insert(surveys).values({ seriesId: series!.id, slug: 'retention', waveDa: '2026', titleDa: 'Retention' }).returning();
    const surveyId = survey!.id;
    const at = new Date('2026-06-02T00:00:00Z');
    await t.db.insert(surveyDrafts).values([
      { tokenHash: 'draft-due', surveyId, sealed: Buffer.from('x'), expiresAt: at },
      { tokenHash: 'draft-later', surveyId, sealed: Buffer.from('y'), expiresAt: second(at, 1) },
    ]);
    await t.db.insert(reportSubmissions).values([
      { tokenHash: 'sub-due', reportId: null, expiresAt: at },
      { tokenHash: 'sub-later', reportId: null, expiresAt: second(at, 1) },
    ]);
    await t.db.insert(throttleHits).values([
      { scope: 'reportClient', key: 'due', count: 3, resetAt: at },
      { scope: 'reportClient', key: 'later', count: 3, resetAt: second(at, 1) },
    ]);
    await t.db.insert(sessions).values([
      // 12 hours in all …
      { id: 'old', userId: moderatorId, secretHash: Buffer.alloc(32), createdAt: new Date(at.getTime() - 12 * 3_600_000), lastVerifiedAt: second(at, -60) },
      // … or 30 minutes unused.
      { id: 'idle', userId: moderatorId, secretHash: Buffer.alloc(32), createdAt: new Date(at.getTime() - 3_600_000), lastVerifiedAt: new Date(at.getTime() - 30 * 60_000) },
      { id: 'live', userId: moderatorId, secretHash: Buffer.alloc(32), createdAt: new Date(at.getTime() - 3_600_000), lastVerifiedAt: second(at, -60) },
    ]);
    const early = await runRetention(t.db, S, { now: second(at, -1) });
    expect(['survey_drafts', 'report_submissions', 'throttle_hits'].map((r) => count(early, r as RuleId))).toEqual([0, 0, 0]);
    const run = await runRetention(t.db, S, { now: at });
    expect(['survey_drafts', 'report_submissions', 'throttle_hits', 'sessions'].map((r) => count(run, r as RuleId))).toEqual([1, 1, 1, 2]);
    expect((await t.db.select().from(surveyDrafts)).map((d) => d.tokenHash)).toEqual(['draft-later']);
    expect((await t.db.select().from(reportSubmissions)).map((d) => d.tokenHash)).toEqual(['sub-later']);
    expect((await t.db.select().from(throttleHits)).map((d) => d.key)).toEqual(['later']);
    expect((await t.db.select().from(sessions)).map((d) => d.id)).toEqual(['live']);
  });
});

describe('comments', () => {
  it('rejected ones go 30 days after rejection, unmoderated ones 90 days after posting, approved ones 24 months after their initiative or event ended, with replies', async () => {
    const partner = (await listPartners(t.db))[0]!;
    const running = await makeInitiative(t.db);
    const done = await makeInitiative(t.db);
    const doneUndated = await makeInitiative(t.db);
    await t.db.update(initiatives).set({ status: 'completed', endsOn: '2026-03-20' }).where(eq(initiatives.id, done.id));
    await t.db.update(initiatives).set({ status: 'completed', endsOn: null, updatedAt: CLOSED_AT }).where(eq(initiatives.id, doneUndated.id));
    const event = await createEvent(
      t.db,
      {
        kind: 'safety_walk',
        titleDa: 'Tryghedsvandring',
        titleEn: null,
        descriptionDa: '',
        descriptionEn: null,
        place: 'Blågårds Plads',
        lat: null,
        lon: null,
        startsAt: second(CLOSED_AT, -7200),
        endsAt: CLOSED_AT,
        areaId: null,
        partnerId: null,
        initiativeId: null,
      },
      null,
    );
    const base = { body: 'Hvornår kommer lyset?', masks: [], locale: 'da' as const, authorName: null };
    await t.db.insert(comments).values([
      { id: 1, ...base, targetType: 'initiative', targetId: running.id, status: 'approved', postedOn: '2020-01-01', moderatedAt: CLOSED_AT },
      { id: 2, ...base, targetType: 'initiative', targetId: done.id, status: 'approved', postedOn: '2026-01-01', moderatedAt: CLOSED_AT },
      { id: 3, ...base, targetType: 'initiative', targetId: doneUndated.id, status: 'approved', postedOn: '2026-01-01', moderatedAt: CLOSED_AT },
      { id: 4, ...base, targetType: 'event', targetId: event.id, status: 'approved', postedOn: '2026-03-01', moderatedAt: CLOSED_AT },
      { id: 5, ...base, targetType: 'initiative', targetId: running.id, status: 'rejected', rejectReason: 'Navn på nabo', postedOn: '2026-03-19', moderatedAt: CLOSED_AT },
      { id: 6, ...base, targetType: 'initiative', targetId: running.id, status: 'rejected', rejectReason: 'Off topic', postedOn: '2026-03-19', moderatedAt: second(CLOSED_AT, 1) },
      { id: 7, ...base, targetType: 'initiative', targetId: running.id, status: 'pending', postedOn: '2026-03-20' },
      { id: 8, ...base, targetType: 'initiative', targetId: running.id, status: 'pending', postedOn: '2026-03-21' },
    ]);
    await t.db.insert(commentReplies).values({ commentId: 2, partnerId: partner.id, userId: moderatorId, body: 'Tak' });

    const ids = async () => (await t.db.select({ id: comments.id }).from(comments).orderBy(asc(comments.id))).map((c) => c.id);
    const rejectedAt = new Date(CLOSED_AT.getTime() + S.rejectedCommentDays * DAY);
    expect(count(await runRetention(t.db, S, { now: second(rejectedAt, -1) }), 'comments_rejected')).toBe(0);
    expect(count(await runRetention(t.db, S, { now: rejectedAt }), 'comments_rejected')).toBe(1);
    expect(await ids()).toEqual([1, 2, 3, 4, 6, 7, 8]);

    // Posted 2026-03-20 (Copenhagen day): due when the day 90 days back is that day.
    const pendingDue = new Date('2026-06-18T12:00:00Z');
    expect(count(await runRetention(t.db, S, { now: new Date('2026-06-17T12:00:00Z') }), 'comments_pending')).toBe(0);
    expect(count(await runRetention(t.db, S, { now: pendingDue }), 'comments_pending')).toBe(1);
    expect(PENDING_COMMENT_DAYS).toBe(90);
    expect(await ids()).toEqual([1, 2, 3, 4, 8]);

    const approvedAt = plusMonths(CLOSED_AT, S.commentMonths);
    const early = await runRetention(t.db, S, { now: second(approvedAt, -1) });
    // The completed initiative with an end day goes on that day (Copenhagen), i.e. from its start.
    expect(count(early, 'comments_approved')).toBe(1);
    // (The comment posted on 2026-03-21 has waited 90 days by now, unmoderated: gone too.)
    expect([count(early, 'comments_pending'), ...(await ids())]).toEqual([1, 1, 3, 4]);
    expect(await t.db.select().from(commentReplies)).toEqual([]);
    expect(count(await runRetention(t.db, S, { now: approvedAt }), 'comments_approved')).toBe(2);
    // The running initiative keeps its approved comment, however old.
    expect(await ids()).toEqual([1]);
    expect(count(await runRetention(t.db, S, { now: plusMonths(approvedAt, 120) }), 'comments_approved')).toBe(0);
  });
});

describe('comments on a consultation’s proposed places', () => {
  it('approved ones go on the same period as initiative comments, counted from the consultation’s closing day, with replies', async () => {
    const partner = (await listPartners(t.db))[0]!;
    const area = (await listAreas(t.db))[0]!;
    const consultation = async (title: string, closesOn: string) => {
      const c = await createConsultation(
        t.db,
        { titleDa: title, titleEn: null, summaryDa: 'Forslag', summaryEn: null, bodyDa: '', bodyEn: null, areaId: area.id, initiativeId: null, scale: 'stance', opensOn: '2026-03-01', closesOn },
        null,
      );
      const added = await addConsultationPlace(t.db, c.id, { nameDa: 'Hjørnet', nameEn: null, descriptionDa: 'Lys', descriptionEn: null, lat: 55.69, lon: 12.55, illustration: null }, null, '2026-02-01');
      if (!added.ok) throw new Error(added.reason);
      await setConsultationState(t.db, c.id, 'published', null);
      return added.place;
    };
    const closed = await consultation('Lys på hjørnet', '2026-03-20');
    const running = await consultation('Kameraer', '2030-12-31');
    const base = { body: 'Godt forslag', masks: [], locale: 'da' as const, authorName: null, moderatedAt: CLOSED_AT };
    await t.db.insert(comments).values([
      { id: 21, ...base, targetType: 'consultation_place', targetId: closed.id, status: 'approved', postedOn: '2026-03-05' },
      { id: 22, ...base, targetType: 'consultation_place', targetId: running.id, status: 'approved', postedOn: '2026-03-05' },
    ]);
    await t.db.insert(commentReplies).values({ commentId: 21, partnerId: partner.id, userId: moderatorId, body: 'Tak' });
    const ids = async () => (await t.db.select({ id: comments.id }).from(comments).orderBy(asc(comments.id))).map((c) => c.id);

    // Closed on 2026-03-20 (its last day): due when the day 24 months back is that day, not a day before.
    expect(count(await runRetention(t.db, S, { dryRun: true, now: new Date('2028-03-19T12:00:00Z') }), 'comments_approved')).toBe(0);
    expect(count(await runRetention(t.db, S, { now: new Date('2028-03-19T12:00:00Z') }), 'comments_approved')).toBe(0);
    expect(await ids()).toEqual([21, 22]);
    expect(count(await runRetention(t.db, S, { now: new Date('2028-03-20T12:00:00Z') }), 'comments_approved')).toBe(1);
    expect(await ids()).toEqual([22]);
    expect(await t.db.select().from(commentReplies)).toEqual([]);
    // A consultation that has not closed keeps its approved comments, however old they are.
    expect(count(await runRetention(t.db, S, { now: new Date('2030-12-31T12:00:00Z') }), 'comments_approved')).toBe(0);
    expect(await ids()).toEqual([22]);
    // Another period, set by the operator, counts from the same day.
    expect(count(await runRetention(t.db, { ...S, commentMonths: 1 }, { now: new Date('2031-01-31T12:00:00Z') }), 'comments_approved')).toBe(1);
    expect(await ids()).toEqual([]);
  });
});

describe('the audit log and the run itself', () => {
  it(`audit entries go after ${S.auditYears} years; a run adds one entry with counts only, a dry run none`, async () => {
    const at = new Date('2026-02-01T00:00:00Z');
    await t.db.insert(auditLog).values([
      { at, userId: moderatorId, action: 'report.status', entityType: 'report', entityId: 1, summary: 'received → handled' },
      { at: second(at, 1), userId: moderatorId, action: 'report.status', entityType: 'report', entityId: 2, summary: 'received → handled' },
    ]);
    const boundary = plusMonths(at, S.auditYears * 12);
    const entries = async () => t.db.select().from(auditLog).where(and(eq(auditLog.action, 'report.status')));
    const runs = async () => t.db.select().from(auditLog).where(eq(auditLog.action, 'retention.run')).orderBy(asc(auditLog.id));

    const dry = await runRetention(t.db, S, { now: boundary, dryRun: true });
    expect(count(dry, 'audit_log')).toBe(1);
    expect(await entries()).toHaveLength(2);
    expect(await runs()).toEqual([]);

    expect(count(await runRetention(t.db, S, { now: second(boundary, -1) }), 'audit_log')).toBe(0);
    const run = await runRetention(t.db, S, { now: boundary });
    expect(count(run, 'audit_log')).toBe(1);
    expect((await entries()).map((e) => e.entityId)).toEqual([2]);
    const summaries = await runs();
    expect(summaries).toHaveLength(2);
    const last = summaries.at(-1)!;
    expect([last.userId, last.entityType, last.entityId]).toEqual([null, 'retention', null]);
    expect(last.summary).toMatch(/^report_email: 0; report_details: 0; rejected_reports: 0; .*audit_log: 1$/);
    // Counts only: rule names and numbers.
    expect(last.summary.replace(/[a-z_]+: \d+(; )?/g, '')).toBe('');
  });

  it('a shorter period from the settings deletes sooner', async () => {
    const r = await submit({ kind: 'point', point: { lat: 55.68712, lon: 12.55543 } });
    await setReportStatus(t.db, r.id, { status: 'handled' }, moderatorId);
    await stepsAt(r.id, CLOSED_AT);
    const oneMonth = { ...S, reportDetailsMonths: 1 };
    expect(count(await runRetention(t.db, S, { now: plusMonths(CLOSED_AT, 1) }), 'report_details')).toBe(0);
    expect(count(await runRetention(t.db, oneMonth, { now: plusMonths(CLOSED_AT, 1) }), 'report_details')).toBe(1);
  });
});

describe('nothing half-done', () => {
  it('a rule that fails midway changes nothing (its transaction rolls back), the other rules still run, and the summary says which failed', async () => {
    const a = await submit({ kind: 'point', point: { lat: 55.68712, lon: 12.55543 } });
    const rejected = await submit({ kind: 'place', placeId: 'stengade' });
    await setReportStatus(t.db, a.id, { status: 'handled', internalNote: 'Ringede til vicevært' }, moderatorId);
    await setReportStatus(t.db, rejected.id, { status: 'rejected', internalNote: 'Spam' }, moderatorId);
    for (const r of [a, rejected]) await stepsAt(r.id, CLOSED_AT);
    // The report row is erased first, then its steps' internal notes: make the second statement fail.
    const db = t.db as unknown as { execute(q: unknown): Promise<unknown>; run(q: unknown): unknown };
    const exec = async (q: ReturnType<typeof sql>) => (ON_POSTGRES ? db.execute(q) : db.run(q));
    if (ON_POSTGRES) {
      await exec(sql.raw(`create function refuse_erase() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`));
      await exec(sql.raw('create trigger refuse_erase before update of internal_note on report_updates for each row execute function refuse_erase()'));
    } else {
      await exec(sql.raw(`create trigger refuse_erase before update of internal_note on report_updates begin select raise(abort, 'refused'); end`));
    }
    const boundary = plusMonths(CLOSED_AT, S.reportDetailsMonths);
    const run = await runRetention(t.db, S, { now: boundary });
    expect(run.results.find((r) => r.rule === 'report_details')).toMatchObject({ count: 0, error: expect.any(String) });
    expect(count(run, 'rejected_reports')).toBe(1);
    const kept = (await report(a.id))!;
    expect([kept.description, kept.lat, kept.lon]).toEqual([a.description, a.lat, a.lon]);
    const [summary] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'retention.run'));
    expect(summary!.summary).toContain('report_details: failed; rejected_reports: 1');
    expect(summary!.summary).not.toContain('refused');

    await exec(sql.raw('drop trigger refuse_erase' + (ON_POSTGRES ? ' on report_updates' : '')));
    expect(count(await runRetention(t.db, S, { now: boundary }), 'report_details')).toBe(1);
    expect((await report(a.id))!.description).toBe('');
  });
});
