/**
 * Partner inboxes, against a real database (SQLite, and PostgreSQL in the
 * integration-pg project) and a real SMTP server on loopback:
 * - replies and public notes are signed only as the signer's own partner:
 *   another partner's id, an unknown id and an account without a partner are
 *   refused, nothing is stored, and the attempt is audited;
 * - admins set a user's partner, a partner's mailbox (validated) and the
 *   routing of categories, each audited, a bad value changing nothing;
 * - forwarding assigns the report to a partner (the category's by default),
 *   records the handling partner, and queues a notice to the partner's
 *   mailbox in the outbox, sent over SMTP (retried when the server is down)
 *   with a staff link and no resident text;
 * - a partner's queue, and the receipt's partner and day-only history.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, commentReplies, partners, reportCategories, reportNotices, reports, reportUpdates, users } from '../../db/schema.ts';
import { moderateComment, replyToComment, submitComment } from '../../src/server/content/comments.ts';
import { smtpSender, type SendMail } from '../../src/server/platform/mail.ts';
import { listPartners, setCategoryRoute, setPartnerMailbox, signingPartner } from '../../src/server/partnership/partners.ts';
import { deliverDueNotices } from '../../src/server/reports/notices.ts';
import { findReportByReceipt, listActiveCategories, listReportQueue, mergeReport, setReportStatus, submitReport } from '../../src/server/reports/reports.ts';
import { setUserPartner, UserError } from '../../src/server/staff/users.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeInitiative, makeUser, seedReference } from '../support/factories.ts';
import { readMailbox, startMailbox, waitForMail, type Mailbox } from '../support/mailbox.ts';
import { openAddress } from '../../src/server/privacy/sealed.ts';

const ORIGIN = 'https://tryghed.example.dk';
let t: TestDb;
let mailbox: Mailbox;
let send: SendMail;
/** Partners by slug. */
let p: Record<string, number>;
/** Signs as the police (makeUser gives the first partner). */
let police: number;
/** A moderator whose account belongs to no partner. */
let nobody: number;
let admin: number;

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  mailbox = await startMailbox();
  send = smtpSender({ smtpUrl: mailbox.smtpUrl, from: 'Tryghed <noreply@tryghed.invalid>' });
  p = Object.fromEntries((await listPartners(t.db)).map((x) => [x.slug, x.id]));
  police = (await makeUser(t.db, 'moderator')).user.id;
  nobody = (await makeUser(t.db, 'moderator')).user.id;
  await t.db.update(users).set({ partnerId: null }).where(eq(users.id, nobody));
  admin = (await makeUser(t.db, 'admin')).user.id;
});
afterEach(async () => {
  await t.close();
  await mailbox.close();
});

async function category(slug: string) {
  return (await listActiveCategories(t.db)).find((c) => c.slug === slug)!;
}

async function submit(slug = 'drug_dealing', email: string | null = null) {
  const r = await submitReport(t.db, {
    categoryId: (await category(slug)).id,
    location: { kind: 'place', placeId: 'blaagaards-plads' },
    timeOfDay: 'night',
    weekday: null,
    description: 'Hemmelig beskrivelse af hjørnet',
    reporterType: 'resident',
    email,
  });
  if (!r.ok) throw new Error(r.reason);
  return r.report;
}

async function approvedComment() {
  const initiative = await makeInitiative(t.db, { published: true });
  const c = await submitComment(t.db, { targetType: 'initiative', targetId: initiative.id, authorName: null, body: 'Hvornår kommer lyset?', locale: 'da' });
  await moderateComment(t.db, c.id, { kind: 'approve' }, police);
  return c;
}

const refusals = async () => (await t.db.select().from(auditLog).where(eq(auditLog.action, 'partner.sign_refused'))).map((a) => ({ userId: a.userId, entityId: a.entityId, summary: a.summary }));
const replies = () => t.db.select().from(commentReplies);
const notices = () => t.db.select().from(reportNotices);
const reportRow = async (id: number) => (await t.db.select().from(reports).where(eq(reports.id, id)).limit(1))[0]!;
const updatesOf = (id: number) => t.db.select().from(reportUpdates).where(eq(reportUpdates.reportId, id));

function decoded(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

describe('signingPartner: one rule for every signature', () => {
  it('is the account\'s own partner, asked for or not', async () => {
    expect(await signingPartner(t.db, police)).toMatchObject({ ok: true, partner: { slug: 'politi' } });
    expect(await signingPartner(t.db, police, p['politi'])).toMatchObject({ ok: true, partner: { slug: 'politi' } });
  });
  it('refuses another partner, an unknown partner and an account without a partner', async () => {
    expect(await signingPartner(t.db, police, p['ssp'])).toEqual({ ok: false, reason: 'other_partner' });
    expect(await signingPartner(t.db, police, 999_999)).toEqual({ ok: false, reason: 'unknown_partner' });
    expect(await signingPartner(t.db, nobody)).toEqual({ ok: false, reason: 'no_partner' });
    expect(await signingPartner(t.db, nobody, p['politi'])).toEqual({ ok: false, reason: 'no_partner' });
  });
});

describe('comment replies are signed only as one\'s own partner', () => {
  it('a reply without a partner field is signed with the replier\'s partner', async () => {
    const c = await approvedComment();
    expect(await replyToComment(t.db, { commentId: c.id, body: 'Vi kigger forbi.' }, police)).toEqual({ ok: true });
    expect((await replies()).map((r) => [r.partnerId, r.userId, r.body])).toEqual([[p['politi'], police, 'Vi kigger forbi.']]);
  });

  it('another partner\'s id is refused, nothing is stored, and the attempt is audited', async () => {
    const c = await approvedComment();
    expect(await replyToComment(t.db, { commentId: c.id, partnerId: p['ssp'], body: 'Som SSP' }, police)).toEqual({ ok: false, reason: 'sign_refused', refusal: 'other_partner' });
    expect(await replies()).toEqual([]);
    const [audit] = await refusals();
    expect(audit).toMatchObject({ userId: police, entityId: p['ssp'] });
    expect(audit!.summary).toContain('other_partner');
    expect(audit!.summary).toContain(`comment #${c.id}`);
  });

  it('an unknown partner id is refused and audited', async () => {
    const c = await approvedComment();
    expect(await replyToComment(t.db, { commentId: c.id, partnerId: 999_999, body: 'Hvem?' }, police)).toEqual({ ok: false, reason: 'sign_refused', refusal: 'unknown_partner' });
    expect(await replies()).toEqual([]);
    expect((await refusals()).map((a) => a.summary.includes('unknown_partner'))).toEqual([true]);
  });

  it('an account without a partner cannot reply at all', async () => {
    const c = await approvedComment();
    expect(await replyToComment(t.db, { commentId: c.id, body: 'Uden partner' }, nobody)).toEqual({ ok: false, reason: 'sign_refused', refusal: 'no_partner' });
    expect(await replyToComment(t.db, { commentId: c.id, partnerId: p['politi'], body: 'Som politi' }, nobody)).toEqual({ ok: false, reason: 'sign_refused', refusal: 'no_partner' });
    expect(await replies()).toEqual([]);
    expect(await refusals()).toHaveLength(2);
  });
});

describe('public notes on reports are signed only as one\'s own partner', () => {
  it('a status change records the partner that handled it', async () => {
    const r = await submit('lighting');
    expect(await setReportStatus(t.db, r.id, { status: 'in_progress', publicNote: 'Vi ser på det.' }, police)).toEqual({ ok: true });
    const updates = await updatesOf(r.id);
    expect(updates.find((u) => u.status === 'received')!.partnerId).toBeNull();
    expect(updates.find((u) => u.status === 'in_progress')).toMatchObject({ partnerId: p['politi'], userId: police, publicNote: 'Vi ser på det.' });
  });

  it('a form asking to sign as another partner changes nothing and is audited', async () => {
    const r = await submit('lighting', 'nabo@example.dk');
    const result = await setReportStatus(t.db, r.id, { status: 'handled', publicNote: 'Som SSP', signAs: p['ssp'] }, police);
    expect(result).toEqual({ ok: false, reason: 'sign_refused', refusal: 'other_partner' });
    const row = await reportRow(r.id);
    expect({ status: row.status, email: openAddress(row.email!) }).toEqual({ status: 'received', email: 'nabo@example.dk' });
    expect(await updatesOf(r.id)).toHaveLength(1);
    expect(await notices()).toEqual([]);
    expect(await refusals()).toHaveLength(1);
  });

  it('an account without a partner cannot write a public note, but can change a status without one', async () => {
    const r = await submit('lighting');
    expect(await setReportStatus(t.db, r.id, { status: 'in_progress', publicNote: 'Uden partner' }, nobody)).toEqual({ ok: false, reason: 'sign_refused', refusal: 'no_partner' });
    expect(await updatesOf(r.id)).toHaveLength(1);
    expect((await refusals())[0]!.summary).toContain('no_partner');
    expect(await setReportStatus(t.db, r.id, { status: 'in_progress' }, nobody)).toEqual({ ok: true });
    expect((await updatesOf(r.id)).find((u) => u.status === 'in_progress')!.partnerId).toBeNull();
  });

  it('a merge records the merging staff member\'s partner', async () => {
    const a = await submit();
    const b = await submit();
    expect(await mergeReport(t.db, a.id, b.id, police)).toEqual({ ok: true });
    expect((await updatesOf(a.id)).find((u) => u.status === 'merged')!.partnerId).toBe(p['politi']);
  });
});

describe('admins set partners, mailboxes and routing', () => {
  it('a user\'s partner is changed, audited, and signing follows at once', async () => {
    await setUserPartner(t.db, nobody, p['ssp']!, admin);
    expect(await signingPartner(t.db, nobody)).toMatchObject({ ok: true, partner: { slug: 'ssp' } });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'user.change_partner'));
    expect(audit).toMatchObject({ userId: admin, entityType: 'user', entityId: nobody });
    expect(audit!.summary).toContain('(ssp)');
    await setUserPartner(t.db, nobody, null, admin);
    expect(await signingPartner(t.db, nobody)).toEqual({ ok: false, reason: 'no_partner' });
  });

  it('an unknown partner for a user is refused and changes nothing', async () => {
    await expect(setUserPartner(t.db, police, 999_999, admin)).rejects.toThrow(UserError);
    expect((await t.db.select().from(users).where(eq(users.id, police)))[0]!.partnerId).toBe(p['politi']);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'user.change_partner'))).toEqual([]);
  });

  it('a mailbox must be an e-mail address or empty; a bad one changes nothing', async () => {
    const mailboxOf = async (id: number) => (await t.db.select().from(partners).where(eq(partners.id, id)))[0]!.mailbox;
    expect(await setPartnerMailbox(t.db, p['politi']!, ' Politi@Example.INVALID ', admin)).toBe('ok');
    expect(await mailboxOf(p['politi']!)).toBe('politi@example.invalid');
    for (const bad of ['politi', 'politi@', '@example.invalid', 'a b@example.invalid', `${'x'.repeat(250)}@example.invalid`, 'politi@example.invalid, ssp@example.invalid']) {
      expect(await setPartnerMailbox(t.db, p['politi']!, bad, admin), bad).toBe('invalid_mailbox');
    }
    expect(await mailboxOf(p['politi']!)).toBe('politi@example.invalid');
    expect(await setPartnerMailbox(t.db, 999_999, 'x@example.invalid', admin)).toBe('not_found');
    expect(await setPartnerMailbox(t.db, p['politi']!, '', admin)).toBe('ok');
    expect(await mailboxOf(p['politi']!)).toBeNull();
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'partner.mailbox'));
    expect(audits.map((a) => a.summary)).toEqual(['politi: ∅ → politi@example.invalid', 'politi: politi@example.invalid → ∅']);
  });

  it('categories are routed to partners by the seed, and admins change the routing', async () => {
    expect((await category('drug_dealing')).partnerId).toBe(p['politi']);
    expect((await category('lighting')).partnerId).toBe(p['omraadefornyelsen']);
    expect((await category('other')).partnerId).toBeNull();
    const other = await category('other');
    expect(await setCategoryRoute(t.db, other.id, 999_999, admin)).toBe('unknown_partner');
    expect(await setCategoryRoute(t.db, 999_999, p['ssp']!, admin)).toBe('not_found');
    expect((await category('other')).partnerId).toBeNull();
    expect(await setCategoryRoute(t.db, other.id, p['ssp']!, admin)).toBe('ok');
    expect((await category('other')).partnerId).toBe(p['ssp']);
    expect(await setCategoryRoute(t.db, other.id, null, admin)).toBe('ok');
    expect((await t.db.select().from(reportCategories).where(eq(reportCategories.id, other.id)))[0]!.partnerId).toBeNull();
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'category.route'))).map((a) => a.summary)).toEqual([
      `other: partner #– → #${p['ssp']} (ssp)`,
      `other: partner #${p['ssp']} → –`,
    ]);
  });
});

describe('forwarding to a partner\'s inbox', () => {
  it('goes to the category\'s routed partner by default, with a notice queued to its mailbox', async () => {
    await setPartnerMailbox(t.db, p['politi']!, 'politi@example.invalid', admin);
    const r = await submit('drug_dealing', 'nabo@example.dk');
    expect(await setReportStatus(t.db, r.id, { status: 'forwarded', publicNote: 'Politiet er orienteret.' }, police)).toEqual({ ok: true });
    expect((await reportRow(r.id)).forwardedTo).toBe(p['politi']);
    const queued = await notices();
    expect(queued.map((n) => [n.recipient, openAddress(n.email), n.status, n.publicNote]).sort()).toEqual([
      ['partner', 'politi@example.invalid', 'forwarded', null],
      ['reporter', 'nabo@example.dk', 'forwarded', 'Politiet er orienteret.'],
    ]);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'report.status'), eq(auditLog.entityId, r.id)));
    expect(audit!.summary).toContain('notice queued');
  });

  it('a chosen partner wins over the routing; a partner without a mailbox gets no notice', async () => {
    const r = await submit('drug_dealing');
    expect(await setReportStatus(t.db, r.id, { status: 'forwarded', forwardedTo: p['ssp'] }, police)).toEqual({ ok: true });
    expect((await reportRow(r.id)).forwardedTo).toBe(p['ssp']);
    expect(await notices()).toEqual([]);
  });

  it('an unknown partner, or no partner for an unrouted category, is refused and stores nothing', async () => {
    await setPartnerMailbox(t.db, p['politi']!, 'politi@example.invalid', admin);
    const r = await submit('other');
    expect(await setReportStatus(t.db, r.id, { status: 'forwarded' }, police)).toEqual({ ok: false, reason: 'partner_required' });
    expect(await setReportStatus(t.db, r.id, { status: 'forwarded', forwardedTo: 999_999 }, police)).toEqual({ ok: false, reason: 'unknown_partner' });
    expect(await reportRow(r.id)).toMatchObject({ status: 'received', forwardedTo: null });
    expect(await updatesOf(r.id)).toHaveLength(1);
    expect(await notices()).toEqual([]);
  });

  it('the partner\'s notice is sent over SMTP with a staff link and no resident text, retried when the server is down', async () => {
    await setPartnerMailbox(t.db, p['omraadefornyelsen']!, 'omraadefornyelsen@example.invalid', admin);
    const r = await submit('lighting', 'nabo@example.dk');
    await setReportStatus(t.db, r.id, { status: 'forwarded', publicNote: 'Vi skifter pæren.' }, police);
    const down: SendMail = async () => {
      throw new Error('connection refused');
    };
    const now = new Date();
    expect(await deliverDueNotices(t.db, down, ORIGIN, now)).toEqual({ sent: 0, failed: 2, givenUp: 0 });
    expect((await notices()).map((n) => n.attempts)).toEqual([1, 1]);
    expect(await deliverDueNotices(t.db, send, ORIGIN, new Date(now.getTime() + 61_000))).toEqual({ sent: 2, failed: 0, givenUp: 0 });
    const [mail] = await waitForMail(mailbox.dir, 'omraadefornyelsen@example.invalid');
    const body = decoded(mail!.raw);
    expect(body).toContain(`${ORIGIN}/staff/reports?report=${r.id}`);
    expect(body).toContain('Dårlig belysning');
    expect(body).toContain('Poor lighting');
    expect(body).toContain('Indre Nørrebro');
    expect(body.indexOf('Se meldingen')).toBeLessThan(body.indexOf('See the report'));
    for (const secret of ['Hemmelig beskrivelse', 'nabo@example.dk', 'Vi skifter pæren.', r.receipt, 'blaagaards', String(r.lat), 'Test moderator']) {
      expect(body, secret).not.toContain(secret);
    }
    expect(readMailbox(mailbox.dir).map((m) => m.to).sort()).toEqual(['nabo@example.dk', 'omraadefornyelsen@example.invalid']);
    expect(await notices()).toEqual([]);
  });
});

describe('a partner\'s queue and the receipt', () => {
  it('the queue filter shows only reports assigned to the partner; one report can be opened by id', async () => {
    const mine = await submit('drug_dealing');
    const theirs = await submit('lighting');
    await submit('violence');
    await setReportStatus(t.db, mine.id, { status: 'forwarded' }, police);
    await setReportStatus(t.db, theirs.id, { status: 'forwarded' }, police);
    expect((await listReportQueue(t.db, 'forwarded', { partnerId: p['politi'] })).map((i) => i.report.id)).toEqual([mine.id]);
    expect((await listReportQueue(t.db, 'forwarded', { partnerId: p['omraadefornyelsen'] })).map((i) => i.report.id)).toEqual([theirs.id]);
    expect(await listReportQueue(t.db, 'forwarded', { partnerId: p['ssp'] })).toEqual([]);
    expect((await listReportQueue(t.db, 'received', { reportId: theirs.id })).map((i) => i.report.id)).toEqual([theirs.id]);
  });

  it('the receipt names the handling partner and signs public notes with it, by day and without staff names', async () => {
    const r = await submit('lighting');
    const before = (await findReportByReceipt(t.db, r.receipt))!;
    expect(before.handledBy).toBeNull();
    await setReportStatus(t.db, r.id, { status: 'in_progress', publicNote: 'Vi ser på det.' }, police);
    await setReportStatus(t.db, r.id, { status: 'forwarded', publicNote: 'Sendt til områdefornyelsen.' }, police);
    const view = (await findReportByReceipt(t.db, r.receipt))!;
    expect(view.handledBy).toEqual({ nameDa: 'Områdefornyelsen Indre Nørrebro', nameEn: 'Inner Nørrebro area renewal' });
    expect(view.updates.map((u) => [u.status, u.partner?.nameDa ?? null, u.publicNote])).toEqual([
      ['received', null, null],
      ['in_progress', 'Københavns Politi', 'Vi ser på det.'],
      ['forwarded', 'Københavns Politi', 'Sendt til områdefornyelsen.'],
    ]);
    for (const u of view.updates) expect(u.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = JSON.stringify(view);
    for (const secret of ['Test moderator', '@test.invalid', 'Hemmelig beskrivelse']) expect(text, secret).not.toContain(secret);
    // No time of day anywhere (no ISO date-time).
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d/);
  });
});
