/**
 * Follow-up notices to reporters, against a real SQLite file and a real SMTP
 * server on loopback: queued with the status change, sent once with the
 * status, public note and receipt link (never the description), retried with
 * back-off when the mail server is down, and given up (address deleted) in the end.
 * Addresses are sealed at rest (src/server/privacy/sealed.ts): a copy of the database
 * holds none readable, and one that can no longer be opened is given up.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportNotices, reports } from '../../db/schema.ts';
import { smtpSender, type SendMail } from '../../src/server/platform/mail.ts';
import { listPartners } from '../../src/server/partnership/partners.ts';
import { composeReportNotice, deliverDueNotices, MAX_NOTICE_ATTEMPTS } from '../../src/server/reports/notices.ts';
import { listActiveCategories, mergeReport, setReportStatus, submitReport, type NewReport } from '../../src/server/reports/reports.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';
import { openAddress, sealAddress, sealPlainAddresses } from '../../src/server/privacy/sealed.ts';
import { readMailbox, startMailbox, waitForMail, type Mailbox } from '../support/mailbox.ts';

const ORIGIN = 'https://tryghed.example.dk';
let t: TestDb;
let mailbox: Mailbox;
let send: SendMail;
let moderatorId: number;

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  mailbox = await startMailbox();
  send = smtpSender({ smtpUrl: mailbox.smtpUrl, from: 'Tryghed <noreply@tryghed.invalid>' });
  moderatorId = (await makeUser(t.db, 'moderator')).user.id;
});
afterEach(async () => {
  await t.close();
  await mailbox.close();
});

async function submit(email: string | null) {
  const input: NewReport = {
    categoryId: (await listActiveCategories(t.db))[0]!.id,
    location: { kind: 'place', placeId: 'blaagaards-plads' },
    timeOfDay: 'night',
    weekday: null,
    description: 'Hemmelig beskrivelse af hjørnet',
    reporterType: 'business',
    email,
  };
  const r = await submitReport(t.db, input);
  if (!r.ok) throw new Error(r.reason);
  return r.report;
}

const notices = () => t.db.select().from(reportNotices);

describe('report notices', () => {
  it('a status change queues a notice only for a reporter who left an e-mail', async () => {
    const withMail = await submit('nabo@example.dk');
    const without = await submit(null);
    const partner = (await listPartners(t.db))[0]!;
    await setReportStatus(t.db, withMail.id, { status: 'forwarded', forwardedTo: partner.id, publicNote: 'Politiet holder øje.' }, moderatorId);
    await setReportStatus(t.db, without.id, { status: 'in_progress' }, moderatorId);
    expect((await notices()).map((n) => [n.reportId, openAddress(n.email), n.status, n.publicNote])).toEqual([[withMail.id, 'nabo@example.dk', 'forwarded', 'Politiet holder øje.']]);
  });

  it('the notice is e-mailed once, with status, note and receipt link but never the description, then deleted', async () => {
    const report = await submit('nabo@example.dk');
    await setReportStatus(t.db, report.id, { status: 'in_progress', publicNote: 'Vi ser på belysningen.' }, moderatorId);
    const first = await deliverDueNotices(t.db, send, ORIGIN);
    const again = await deliverDueNotices(t.db, send, ORIGIN);
    expect(first).toEqual({ sent: 1, failed: 0, givenUp: 0 });
    expect(again).toEqual({ sent: 0, failed: 0, givenUp: 0 });
    const [mail] = await waitForMail(mailbox.dir, 'nabo@example.dk');
    const body = decoded(mail!.raw);
    expect(body).toContain('Under behandling');
    expect(body).toContain('In progress');
    expect(body).toContain('Vi ser på belysningen.');
    expect(body).toContain(`${ORIGIN}/meld/${report.receipt}`);
    expect(body).toContain('112');
    expect(body).not.toContain('Hemmelig beskrivelse');
    expect(await notices()).toEqual([]);
  });

  it('closing a report deletes its e-mail at once, and the closing notice still reaches the reporter', async () => {
    const report = await submit('nabo@example.dk');
    await setReportStatus(t.db, report.id, { status: 'handled', publicNote: 'Lyset er skiftet.' }, moderatorId);
    expect(await t.db.select({ email: reports.email }).from(reports)).toEqual([{ email: null }]);
    await deliverDueNotices(t.db, send, ORIGIN);
    const [mail] = await waitForMail(mailbox.dir, 'nabo@example.dk');
    expect(decoded(mail!.raw)).toContain('Lyset er skiftet.');
    expect(await notices()).toEqual([]);
  });

  it('a merged report tells its reporter it was merged', async () => {
    const a = await submit('nabo@example.dk');
    const b = await submit(null);
    await mergeReport(t.db, a.id, b.id, moderatorId);
    await deliverDueNotices(t.db, send, ORIGIN);
    const [mail] = await waitForMail(mailbox.dir, 'nabo@example.dk');
    expect(decoded(mail!.raw)).toContain('Samlet med en anden melding');
  });

  it('a mail server that is down gets the notice again later, with growing waits', async () => {
    const report = await submit('nabo@example.dk');
    await setReportStatus(t.db, report.id, { status: 'in_progress' }, moderatorId);
    const down: SendMail = async () => {
      throw new Error('connection refused');
    };
    const now = new Date();
    expect(await deliverDueNotices(t.db, down, ORIGIN, now)).toEqual({ sent: 0, failed: 1, givenUp: 0 });
    const [waiting] = await notices();
    expect(waiting!.attempts).toBe(1);
    // One minute later (SQLite keeps whole seconds, PostgreSQL milliseconds).
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(Math.floor((now.getTime() + 60_000) / 1000) * 1000);
    expect(waiting!.nextAttemptAt.getTime()).toBeLessThanOrEqual(now.getTime() + 60_000);
    // Not due yet: nothing happens, not even with a working server.
    expect(await deliverDueNotices(t.db, send, ORIGIN, new Date(now.getTime() + 30_000))).toEqual({ sent: 0, failed: 0, givenUp: 0 });
    expect(await deliverDueNotices(t.db, send, ORIGIN, new Date(now.getTime() + 61_000))).toEqual({ sent: 1, failed: 0, givenUp: 0 });
    expect(readMailbox(mailbox.dir)).toHaveLength(1);
  });

  it(`a notice is given up after ${MAX_NOTICE_ATTEMPTS} failed attempts, and its address deleted`, async () => {
    const report = await submit('nabo@example.dk');
    await setReportStatus(t.db, report.id, { status: 'in_progress' }, moderatorId);
    const down: SendMail = async () => {
      throw new Error('connection refused');
    };
    let at = Date.now();
    for (let i = 1; i < MAX_NOTICE_ATTEMPTS; i++) {
      expect((await deliverDueNotices(t.db, down, ORIGIN, new Date(at))).failed).toBe(1);
      at += 3601_000;
    }
    expect(await deliverDueNotices(t.db, down, ORIGIN, new Date(at))).toEqual({ sent: 0, failed: 0, givenUp: 1 });
    expect(await notices()).toEqual([]);
  });

  it('two deliverers running at once send a notice only once', async () => {
    const report = await submit('nabo@example.dk');
    await setReportStatus(t.db, report.id, { status: 'in_progress' }, moderatorId);
    const [a, b] = await Promise.all([deliverDueNotices(t.db, send, ORIGIN), deliverDueNotices(t.db, send, ORIGIN)]);
    expect(a.sent + b.sent).toBe(1);
    await waitForMail(mailbox.dir, 'nabo@example.dk');
    await new Promise((r) => setTimeout(r, 300));
    expect(readMailbox(mailbox.dir)).toHaveLength(1);
  });

  it('the notice is bilingual: Danish first, then English', () => {
    const mail = composeReportNotice({ status: 'forwarded', publicNote: null }, `${ORIGIN}/meld/abc`);
    expect(mail.subject).toBe('Din melding: Sendt videre til en partner / Your report: Passed on to a partner');
    expect(mail.text.indexOf('Følg meldingen her')).toBeLessThan(mail.text.indexOf('Follow the report here'));
    expect(mail.text).not.toContain('Bemærkning');
    expect(mail.text).not.toContain('Kvitteringsnummer');
  });

  it('with a receipt number, the notice gives it in both languages', () => {
    const mail = composeReportNotice({ status: 'received', publicNote: null }, `${ORIGIN}/meld/abc`, 'K7QM-3XWD');
    expect(mail.text).toContain('Kvitteringsnummer: K7QM-3XWD');
    expect(mail.text).toContain('Receipt number: K7QM-3XWD');
  });
});

/** The text of a received message: quoted-printable soft line breaks joined and =XX decoded as UTF-8. */
function decoded(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

describe('addresses at rest', () => {
  it('a seal opens to its address; two seals of one address differ; plain text passes through; damage reads as nothing', () => {
    const a = sealAddress('nabo@example.dk');
    const b = sealAddress('nabo@example.dk');
    expect(a).toMatch(/^sealed1:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect([openAddress(a), openAddress(b)]).toEqual(['nabo@example.dk', 'nabo@example.dk']);
    expect(sealAddress(a)).toBe(a);
    expect(openAddress('gammel@example.dk')).toBe('gammel@example.dk');
    const flipped = a.slice(0, -2) + (a.at(-2) === 'A' ? 'B' : 'A') + a.at(-1)!;
    expect(openAddress(flipped)).toBeUndefined();
    expect(openAddress('sealed1:')).toBeUndefined();
  });

  it('no address column of a report or its notices holds the address in readable form', async () => {
    const report = await submit('nabo@example.dk');
    await setReportStatus(t.db, report.id, { status: 'in_progress', publicNote: 'Vi ser på det.' }, moderatorId);
    const stored = [...(await t.db.select({ email: reports.email }).from(reports)), ...(await notices())].map((r) => r.email);
    expect(stored.length).toBe(2);
    for (const email of stored) {
      expect(email).toMatch(/^sealed1:/);
      expect(email).not.toContain('example');
    }
  });

  it('an address stored before sealing began is sealed by the first step of the retention job, and the notice still arrives', async () => {
    const report = await submit(null);
    await t.db.update(reports).set({ email: 'gammel@example.dk' }).where(eq(reports.id, report.id));
    await t.db.insert(reportNotices).values({ reportId: report.id, email: 'gammel@example.dk', recipient: 'reporter', status: 'in_progress', publicNote: null, nextAttemptAt: new Date(Date.now() - 1000) });
    expect(await sealPlainAddresses(t.db)).toBe(2);
    expect(await sealPlainAddresses(t.db)).toBe(0);
    const [row] = await t.db.select({ email: reports.email }).from(reports).where(eq(reports.id, report.id));
    expect(row!.email).toMatch(/^sealed1:/);
    expect(openAddress(row!.email!)).toBe('gammel@example.dk');
    expect(await deliverDueNotices(t.db, send, ORIGIN)).toEqual({ sent: 1, failed: 0, givenUp: 0 });
    await waitForMail(mailbox.dir, 'gammel@example.dk');
  });

  it('a notice whose address can no longer be opened (the secret was replaced) is given up, not sent', async () => {
    const report = await submit(null);
    const other = sealAddress('nabo@example.dk');
    const bytes = Buffer.from(other.slice('sealed1:'.length), 'base64url');
    bytes[20] = bytes[20]! ^ 1;
    const broken = `sealed1:${bytes.toString('base64url')}`;
    await t.db.insert(reportNotices).values({ reportId: report.id, email: broken, recipient: 'reporter', status: 'in_progress', publicNote: null, nextAttemptAt: new Date(Date.now() - 1000) });
    expect(await deliverDueNotices(t.db, send, ORIGIN)).toEqual({ sent: 0, failed: 0, givenUp: 1 });
    expect(await notices()).toEqual([]);
    expect(readMailbox(mailbox.dir)).toEqual([]);
  });
});
