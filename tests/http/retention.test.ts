/**
 * /privatliv states the retention periods from the configuration the server
 * deletes by (src/server/privacy/retention.ts, README "Retention"), in Danish and
 * English: the shared test server runs with the defaults, a second server of
 * its own with other periods set through the environment, and the page
 * follows. The server also runs the schedule at start-up (one audit entry of
 * counts).
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditLog, reports, reportUpdates } from '../../db/schema.ts';
import { listActiveCategories, setReportStatus, submitReport } from '../../src/server/reports/reports.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const base = inject('baseUrl');

const MONTH = 30.5 * 86_400_000;
let other: RunningServer;
/** The second server's database (a SQLite file, or a PostgreSQL database in http-pg), open in this process too. */
let testDb: TestDb;
/** Reports of the second server's database, closed ten and eight months before it starts. */
const closed: { id: number; monthsAgo: number }[] = [];

/** A database with two handled reports, closed 10 and 8 months ago, for the second server. */
async function prepareDatabase(): Promise<void> {
  const { db } = testDb;
  await seedReference(db);
  const moderator = (await makeUser(db, 'moderator')).user.id;
  for (const monthsAgo of [10, 8]) {
    const r = await submitReport(db, {
      categoryId: (await listActiveCategories(db))[0]!.id,
      location: { kind: 'point', point: { lat: 55.68712, lon: 12.55543 } },
      timeOfDay: 'night',
      weekday: null,
      description: `Lukket for ${monthsAgo} måneder siden`,
      reporterType: 'resident',
      email: null,
    });
    if (!r.ok) throw new Error(r.reason);
    await setReportStatus(db, r.report.id, { status: 'handled' }, moderator);
    await db.update(reportUpdates).set({ createdAt: new Date(Date.now() - monthsAgo * MONTH) }).where(eq(reportUpdates.reportId, r.report.id));
    closed.push({ id: r.report.id, monthsAgo });
  }
}

beforeAll(async () => {
  testDb = await createTestDb();
  await prepareDatabase();
  other = await startServer({ RETENTION_REPORT_DETAILS_MONTHS: '9', RETENTION_REJECTED_REPORT_DAYS: '14', RETENTION_AUDIT_YEARS: '1', RETENTION_COMMENT_MONTHS: '1' }, testDb.path);
}, 60_000);
afterAll(async () => {
  await other?.stop();
  await testDb?.close();
});

/** The rows of the retention table: rule → the "how long" cell, as text. */
async function schedule(url: string): Promise<Record<string, string>> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const html = await res.text();
  const section = /<section id="retention"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  expect(section, url).not.toBe('');
  const rows: Record<string, string> = {};
  for (const m of section.matchAll(/<tr data-rule="([a-z_]+)"[^>]*>[\s\S]*?<td[^>]*>([\s\S]*?)<\/td>/g)) {
    rows[m[1]!] = m[2]!.replace(/&#39;/g, "'").trim();
  }
  return rows;
}

describe('/privatliv: what we keep, and for how long', () => {
  it('states the default periods, in Danish and English, one row per rule', async () => {
    const da = await schedule(`${base}/privatliv`);
    expect(Object.keys(da)).toEqual([
      'report_email',
      'report_details',
      'rejected_reports',
      'report_outbox',
      'report_submissions',
      'subscriptions_unconfirmed',
      'subscription_outbox',
      'survey_drafts',
      'event_signups',
      'event_outbox',
      'comments_approved',
      'comments_rejected',
      'comments_pending',
      'throttle_hits',
      'sessions',
      'audit_log',
      'subscriptions',
      'responses',
    ]);
    expect(da['report_details']).toMatch(/^6 måneder efter at meldingen er lukket\./);
    expect(da['rejected_reports']).toBe('Slettes helt 30 dage efter afvisningen.');
    expect(da['comments_approved']).toContain('24 måneder efter');
    expect(da['comments_rejected']).toBe('30 dage efter afvisningen.');
    expect(da['comments_pending']).toBe('90 dage efter at de er skrevet.');
    expect(da['report_outbox']).toContain('senest 7 dage');
    expect(da['survey_drafts']).toBe('Højst 48 timer.');
    expect(da['subscriptions_unconfirmed']).toBe('Højst 48 timer.');
    expect(da['subscription_outbox']).toContain('senest 7 dage');
    expect(da['subscriptions']).toContain('slettes, når du afmelder dig');
    expect(da['audit_log']).toMatch(/^5 år\./);
    expect(da['event_signups']).toContain('når arrangementet er slut');
    expect(da['event_outbox']).toContain('senest 7 dage');

    const en = await schedule(`${base}/en/privatliv`);
    expect(en['report_details']).toMatch(/^6 months after the report was closed\./);
    expect(en['rejected_reports']).toBe('Deleted entirely 30 days after it was rejected.');
    expect(en['comments_approved']).toContain('24 months after');
    expect(en['audit_log']).toMatch(/^5 years\./);
    expect(en['sessions']).toBe('At most 12 hours.');
  });

  it('states the periods a server is configured with: set them through the environment and the page changes', async () => {
    const da = await schedule(`${other.url}/privatliv`);
    expect(da['report_details']).toMatch(/^9 måneder efter/);
    expect(da['rejected_reports']).toBe('Slettes helt 14 dage efter afvisningen.');
    expect(da['comments_approved']).toContain('1 måned efter');
    expect(da['audit_log']).toMatch(/^1 år\./);
    const en = await schedule(`${other.url}/en/privatliv`);
    expect(en['report_details']).toMatch(/^9 months after/);
    expect(en['rejected_reports']).toBe('Deleted entirely 14 days after it was rejected.');
    expect(en['comments_approved']).toContain('1 month after');
    expect(en['audit_log']).toMatch(/^1 year\./);
  });

  it('the server ran the schedule at start-up with its configured period: one audit entry of counts', async () => {
    const { db } = testDb;
    const runs = () => db.select({ summary: auditLog.summary, userId: auditLog.userId }).from(auditLog).where(eq(auditLog.action, 'retention.run'));
    await expect.poll(async () => (await runs()).length, { timeout: 5_000 }).toBeGreaterThan(0);
    const rows = await runs();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.userId).toBeNull();
    expect(rows[0]!.summary).toMatch(/^report_email: 0; report_details: 1; .*audit_log: 0$/);
    // 9 months (RETENTION_REPORT_DETAILS_MONTHS=9): the report closed 10 months ago is erased, the one closed 8 months ago is not.
    const stored = await db.select({ id: reports.id, description: reports.description }).from(reports).where(inArray(reports.id, closed.map((c) => c.id)));
    const description = (id: number) => stored.find((r) => r.id === id)?.description;
    expect(closed.map((c) => [c.monthsAgo, description(c.id)])).toEqual([
      [10, ''],
      [8, 'Lukket for 8 måneder siden'],
    ]);
  });
});
