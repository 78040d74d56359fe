/**
 * Residents' e-mail subscriptions against a real database (SQLite, and
 * PostgreSQL in integration-pg) and a real SMTP server on loopback: double
 * opt-in, the same outcome for an address already subscribed, expiry,
 * replays and forged links, one-click unsubscribe deleting the address, the
 * daily digest per topic, and the retention rule for unconfirmed rows.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consultations, events, initiativeMilestones, subscriptionMails, subscriptions, surveys, surveySeries } from '../../db/schema.ts';
import { addConsultationPlace, createConsultation, setConsultationState } from '../../src/server/consultations/consultations.ts';
import { copenhagenDay } from '../../src/lib/time.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { setResultsPublished } from '../../src/server/dashboard/waves.ts';
import { createEvent, setEventState } from '../../src/server/content/events.ts';
import { addInitiativeUpdate } from '../../src/server/content/initiatives.ts';
import { smtpSender, type SendMail } from '../../src/server/platform/mail.ts';
import { RETENTION_DEFAULTS, runRetention } from '../../src/server/privacy/retention.ts';
import { deliverDueSubscriptionMails, lastDigestTime, runDigest } from '../../src/server/subscriptions/mail.ts';
import {
  confirmSubscription,
  lookUpConfirmation,
  lookUpUnsubscribe,
  openSubscriber,
  requestSubscription,
  unsubscribe,
  unsubscribeToken,
  type SubscriptionTarget,
} from '../../src/server/subscriptions/subscriptions.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeInitiative, makeUser, seedReference } from '../support/factories.ts';
import { readMailbox, startMailbox, waitForMail, type Mailbox } from '../support/mailbox.ts';

const ORIGIN = 'https://tryghed.example.dk';
let t: TestDb;
let mailbox: Mailbox;
let send: SendMail;

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  mailbox = await startMailbox();
  send = smtpSender({ smtpUrl: mailbox.smtpUrl, from: 'Tryghed <noreply@tryghed.invalid>' });
});
afterEach(async () => {
  await t.close();
  await mailbox.close();
});

/** The text of a received mail, folded headers joined and quoted-printable undone. */
function decoded(raw: string): string {
  return raw.replace(/\r?\n[ \t]+/g, ' ').replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
}

const rows = () => t.db.select().from(subscriptions);
const mails = () => t.db.select().from(subscriptionMails);

async function areaTarget(slug = 'indre-norrebro'): Promise<SubscriptionTarget> {
  const area = (await listAreas(t.db)).find((a) => a.slug === slug)!;
  return { topic: 'area', areaId: area.id };
}

/** Asks for a subscription, delivers the confirmation mail, and returns the token from its link. */
async function subscribeAndReadLink(email: string, target: SubscriptionTarget, locale: 'da' | 'en' = 'da', now = new Date()): Promise<string> {
  expect(await requestSubscription(t.db, { email, target, locale, origin: ORIGIN, now })).toBe(true);
  const to = email.trim().toLowerCase();
  const before = readMailbox(mailbox.dir).filter((m) => m.to === to).length;
  // Sent now, whatever `now` the request pretended (the outbox row's times are the database's).
  await deliverDueSubscriptionMails(t.db, send, ORIGIN);
  const received = await waitForMail(mailbox.dir, to, before + 1);
  const body = decoded(received.at(-1)!.raw);
  const link = new RegExp(`${ORIGIN}${locale === 'en' ? '/en' : ''}/abonnement/bekraeft/([A-Za-z0-9_-]{43})`).exec(body);
  expect(link, body).not.toBeNull();
  return link![1]!;
}

describe('subscriptions: double opt-in', () => {
  it('a request stores one unconfirmed row with the address sealed, and mails a confirmation link with a one-click unsubscribe', async () => {
    const token = await subscribeAndReadLink('Nabo@Example.dk', await areaTarget());
    const [row] = await rows();
    expect(row!.confirmedAt).toBeNull();
    expect(row!.expiresAt).not.toBeNull();
    // Sealed: the address is in no column as text, and opens only with the key.
    expect(JSON.stringify(row)).not.toContain('example.dk');
    expect(row!.addressSealed.includes(Buffer.from('nabo@example.dk'))).toBe(false);
    expect(openSubscriber(row!.addressSealed)).toBe('nabo@example.dk');
    // Only the token's hash is stored.
    expect(JSON.stringify(row)).not.toContain(token);
    const [mail] = readMailbox(mailbox.dir);
    const raw = decoded(mail!.raw);
    expect(raw).toContain('Indre Nørrebro');
    expect(raw).toMatch(new RegExp(`^List-Unsubscribe: <${ORIGIN}/abonnement/afmeld/${unsubscribeToken(row!.id)}>`, 'm'));
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    // Sent, so deleted from the outbox.
    expect(await mails()).toEqual([]);
  });

  it('looking at the link confirms nothing; confirming does, once; a replay is told it is done', async () => {
    const token = await subscribeAndReadLink('nabo@example.dk', { topic: 'events' });
    expect(await lookUpConfirmation(t.db, token)).toMatchObject({ kind: 'pending', target: { topic: 'events' } });
    expect((await rows())[0]!.confirmedAt).toBeNull();
    expect(await confirmSubscription(t.db, token)).toEqual({ kind: 'confirmed', target: { topic: 'events' } });
    const [row] = await rows();
    expect(row!.confirmedAt).not.toBeNull();
    expect(row!.expiresAt).toBeNull();
    // Residents' times are days, not moments.
    expect(row!.confirmedAt!.getTime() % 86_400_000).toBe(0);
    expect(await confirmSubscription(t.db, token)).toEqual({ kind: 'already' });
    expect(await lookUpConfirmation(t.db, token)).toEqual({ kind: 'already' });
    expect(await rows()).toHaveLength(1);
  });

  it('an unknown or malformed link is unknown and changes nothing', async () => {
    await subscribeAndReadLink('nabo@example.dk', { topic: 'results' });
    for (const token of ['x'.repeat(43), 'kort', '../../etc/passwd', '']) {
      expect(await confirmSubscription(t.db, token)).toEqual({ kind: 'unknown' });
    }
    expect((await rows())[0]!.confirmedAt).toBeNull();
  });

  it('an expired link says so and deletes the unconfirmed row, address and all', async () => {
    const asked = new Date('2026-03-02T10:00:00Z');
    const token = await subscribeAndReadLink('nabo@example.dk', { topic: 'events' }, 'da', asked);
    const later = new Date('2026-03-04T00:00:01Z');
    expect(await lookUpConfirmation(t.db, token, later)).toEqual({ kind: 'expired' });
    expect(await confirmSubscription(t.db, token, later)).toEqual({ kind: 'expired' });
    expect(await rows()).toEqual([]);
    expect(await confirmSubscription(t.db, token, later)).toEqual({ kind: 'unknown' });
  });

  it('asking again for an unconfirmed subscription sends a new link and voids the old one; one row stays', async () => {
    const first = await subscribeAndReadLink('nabo@example.dk', { topic: 'events' });
    const second = await subscribeAndReadLink('NABO@example.dk ', { topic: 'events' });
    expect(second).not.toBe(first);
    expect(await rows()).toHaveLength(1);
    expect(await confirmSubscription(t.db, first)).toEqual({ kind: 'unknown' });
    expect(await confirmSubscription(t.db, second)).toMatchObject({ kind: 'confirmed' });
  });

  it('asking again when already subscribed mails "you are already subscribed" and stores nothing new', async () => {
    const token = await subscribeAndReadLink('nabo@example.dk', { topic: 'events' });
    await confirmSubscription(t.db, token);
    const before = (await rows())[0]!;
    expect(await requestSubscription(t.db, { email: 'nabo@example.dk', target: { topic: 'events' }, locale: 'en', origin: ORIGIN })).toBe(true);
    expect(await deliverDueSubscriptionMails(t.db, send, ORIGIN)).toEqual({ sent: 1, failed: 0, givenUp: 0 });
    const received = await waitForMail(mailbox.dir, 'nabo@example.dk', 2);
    expect(decoded(received[1]!.raw)).toContain('Du abonnerer allerede');
    expect(await rows()).toEqual([before]);
  });

  it('two requests for the same address and topic at once store one row, without an error', async () => {
    const ask = () => requestSubscription(t.db, { email: 'nabo@example.dk', target: { topic: 'events' }, locale: 'da', origin: ORIGIN });
    expect(await Promise.all([ask(), ask(), ask()])).toEqual([true, true, true]);
    expect(await rows()).toHaveLength(1);
  });

  it('the same address may follow different topics, each its own row', async () => {
    await subscribeAndReadLink('nabo@example.dk', { topic: 'events' });
    await subscribeAndReadLink('nabo@example.dk', await areaTarget());
    await subscribeAndReadLink('nabo@example.dk', await areaTarget('skt-hans-torv'));
    expect(await rows()).toHaveLength(3);
  });

  it('a target that is gone stores nothing', async () => {
    const draft = await makeInitiative(t.db, { published: false });
    expect(await requestSubscription(t.db, { email: 'nabo@example.dk', target: { topic: 'initiative', initiativeId: draft.id }, locale: 'da', origin: ORIGIN })).toBe(false);
    expect(await rows()).toEqual([]);
    expect(await mails()).toEqual([]);
  });
});

describe('subscriptions: unsubscribe', () => {
  it('the link deletes the subscription and its waiting mails; a replay and a forged link are unknown', async () => {
    const token = await subscribeAndReadLink('nabo@example.dk', { topic: 'events' });
    await confirmSubscription(t.db, token);
    const [row] = await rows();
    await t.db.insert(subscriptionMails).values({ subscriptionId: row!.id, kind: 'digest', subject: 's', body: 'b', nextAttemptAt: new Date(Date.now() - 1000) });
    const link = unsubscribeToken(row!.id);
    expect(await lookUpUnsubscribe(t.db, link)).toEqual({ target: { topic: 'events' } });
    const forged = `${row!.id.toString(36)}-${'A'.repeat(43)}`;
    expect(await lookUpUnsubscribe(t.db, forged)).toBeUndefined();
    expect(await unsubscribe(t.db, forged)).toBe(false);
    expect(await unsubscribe(t.db, `${(row!.id + 1).toString(36)}-${link.split('-').slice(1).join('-')}`)).toBe(false);
    expect(await rows()).toHaveLength(1);
    expect(await unsubscribe(t.db, link)).toBe(true);
    expect(await rows()).toEqual([]);
    expect(await mails()).toEqual([]);
    expect(await unsubscribe(t.db, link)).toBe(false);
  });

  it('an unconfirmed subscription can be cancelled from its confirmation mail too', async () => {
    await subscribeAndReadLink('nabo@example.dk', { topic: 'results' });
    const [row] = await rows();
    expect(await unsubscribe(t.db, unsubscribeToken(row!.id))).toBe(true);
    expect(await rows()).toEqual([]);
  });
});

describe('subscriptions: the daily digest', () => {
  async function confirmed(email: string, target: SubscriptionTarget, at: Date, locale: 'da' | 'en' = 'da'): Promise<void> {
    const token = await subscribeAndReadLink(email, target, locale, at);
    expect(await confirmSubscription(t.db, token, at)).toMatchObject({ kind: 'confirmed' });
  }

  it('one mail per subscriber with what is new in its area, then nothing until there is news again', async () => {
    const start = new Date(Date.now() - 3 * 86_400_000);
    await confirmed('area@example.dk', await areaTarget(), start);
    await confirmed('other-area@example.dk', await areaTarget('skt-hans-torv'), start);
    const initiative = await makeInitiative(t.db, { title: 'Mere lys i Blågårdsgade' });
    await addInitiativeUpdate(t.db, initiative.id, { happenedOn: '2026-03-01', textDa: 'Lamperne er sat op.', textEn: 'The lamps are up.' }, null);
    await t.db.insert(initiativeMilestones).values({ initiativeId: initiative.id, titleDa: 'Belysning færdig', state: 'done' });
    // The digest's window ends before its own second: run it a second later than what it reports.
    const run = await runDigest(t.db, { hour: 7, origin: ORIGIN, force: true, now: new Date(Date.now() + 1000) });
    expect(run).toEqual({ due: 2, queued: 1 });
    await deliverDueSubscriptionMails(t.db, send, ORIGIN);
    const body = decoded((await waitForMail(mailbox.dir, 'area@example.dk', 2))[1]!.raw);
    expect(body).toContain('Ny indsats: Mere lys i Blågårdsgade');
    expect(body).toContain('Opdatering: Mere lys i Blågårdsgade: Lamperne er sat op.');
    expect(body).toContain('Delmål nået: Mere lys i Blågårdsgade: Belysning færdig');
    expect(body).toContain(`${ORIGIN}/indsatser/${initiative.slug}`);
    expect(body).toMatch(new RegExp(`Afmeld med ét klik: ${ORIGIN}/abonnement/afmeld/[0-9a-z]+-`));
    expect(body).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    // The other area had nothing new: no mail.
    expect(readMailbox(mailbox.dir).filter((m) => m.to === 'other-area@example.dk')).toHaveLength(1);
    // Nothing new since: a second run queues nothing.
    expect(await runDigest(t.db, { hour: 7, origin: ORIGIN, force: true, now: new Date(Date.now() + 2000) })).toEqual({ due: 2, queued: 0 });
    expect(await mails()).toEqual([]);
  });

  it('tells an area’s subscribers of a consultation that opened there, and of the decisions on one that belongs to no initiative', async () => {
    const start = new Date(Date.now() - 3 * 86_400_000);
    const yesterday = copenhagenDay(new Date(Date.now() - 86_400_000));
    await confirmed('consultations@example.dk', await areaTarget(), start);
    const area = (await listAreas(t.db)).find((a) => a.slug === 'indre-norrebro')!;
    const base = { titleEn: null, summaryDa: 'Forslag', summaryEn: null, bodyDa: '', bodyEn: null, areaId: area.id, initiativeId: null, scale: 'stance' as const };
    const opened = await createConsultation(t.db, { ...base, titleDa: 'Kameraer ved pladsen', opensOn: yesterday, closesOn: '2099-01-01' }, null);
    const decided = await createConsultation(t.db, { ...base, titleDa: 'Lys i passagen', opensOn: '2026-01-01', closesOn: '2026-01-31' }, null);
    for (const c of [opened, decided]) {
      const added = await addConsultationPlace(t.db, c.id, { nameDa: 'Pladsen', nameEn: null, descriptionDa: 'x', descriptionEn: null, lat: 55.687, lon: 12.556, illustration: null }, null, '2025-12-01');
      expect(added.ok).toBe(true);
      expect(await setConsultationState(t.db, c.id, 'published', null, '2025-12-01')).toEqual({ ok: true });
    }
    // The second one closed long ago; its decisions were published yesterday.
    await t.db.update(consultations).set({ decidedOn: yesterday }).where(eq(consultations.id, decided.id));
    const run = await runDigest(t.db, { hour: 7, origin: ORIGIN, force: true, now: new Date(Date.now() + 1000) });
    expect(run.queued).toBe(1);
    await deliverDueSubscriptionMails(t.db, send, ORIGIN);
    const body = decoded((await waitForMail(mailbox.dir, 'consultations@example.dk', 2))[1]!.raw);
    expect(body).toContain('Ny høring: Kameraer ved pladsen');
    expect(body).toContain(`${ORIGIN}/hoeringer/${opened.slug}`);
    expect(body).toContain('Beslutning efter en høring: Lys i passagen');
    expect(body).not.toContain('Ny høring: Lys i passagen');
  });

  it('is made once a day at the digest hour, whoever runs it', async () => {
    const confirmedAt = new Date('2026-03-01T12:00:00Z');
    await confirmed('events@example.dk', { topic: 'events' }, confirmedAt);
    const event = await createEvent(
      t.db,
      {
        kind: 'safety_walk',
        titleDa: 'Tryghedsvandring på Nørrebrogade',
        titleEn: 'Safety walk on Nørrebrogade',
        descriptionDa: '',
        descriptionEn: null,
        place: 'Nørrebros Runddel',
        lat: null,
        lon: null,
        startsAt: new Date('2026-04-01T16:00:00Z'),
        endsAt: new Date('2026-04-01T18:00:00Z'),
        areaId: null,
        partnerId: null,
        initiativeId: null,
      },
      null,
    );
    await setEventState(t.db, event.id, 'published', null);
    await t.db.update(events).set({ publishedAt: new Date('2026-03-01T20:00:00Z') }).where(eq(events.id, event.id));
    // 06:59 in Copenhagen (winter, UTC+1) is before the hour: the latest digest time is the day before's.
    expect(lastDigestTime(new Date('2026-03-02T05:59:00Z'), 7)).toEqual(new Date('2026-03-01T06:00:00Z'));
    expect(lastDigestTime(new Date('2026-03-02T06:00:00Z'), 7)).toEqual(new Date('2026-03-02T06:00:00Z'));
    // The window started at midnight UTC on 1 March, before the 1 March digest time: due at once.
    const first = await runDigest(t.db, { hour: 7, origin: ORIGIN, now: new Date('2026-03-02T06:30:00Z') });
    expect(first).toEqual({ due: 1, queued: 1 });
    expect(await runDigest(t.db, { hour: 7, origin: ORIGIN, now: new Date('2026-03-02T09:30:00Z') })).toEqual({ due: 0, queued: 0 });
    await deliverDueSubscriptionMails(t.db, send, ORIGIN);
    const received = await waitForMail(mailbox.dir, 'events@example.dk', 2);
    expect(decoded(received[1]!.raw)).toContain('Nyt arrangement: Tryghedsvandring på Nørrebrogade');
    expect(await runDigest(t.db, { hour: 7, origin: ORIGIN, now: new Date('2026-03-03T06:30:00Z') })).toEqual({ due: 1, queued: 0 });
  });

  it('results subscribers hear of a wave whose results are published, in their language; an initiative subscriber of its updates only', async () => {
    const start = new Date(Date.now() - 86_400_000);
    await confirmed('results@example.dk', { topic: 'results' }, start, 'en');
    const initiative = await makeInitiative(t.db, { title: 'Ungeindsats' });
    await confirmed('one@example.dk', { topic: 'initiative', initiativeId: initiative.id }, start);
    const analyst = (await makeUser(t.db, 'analyst')).user;
    const [series] = await t.db.insert(surveySeries).values({ slug: 'tryghed', titleDa: 'Tryghedsmåling' }).returning();
    const [wave] = await t.db
      .insert(surveys)
      .values({ seriesId: series!.id, slug: 'tryghed-2026', waveDa: 'Måling 2026', waveEn: 'Wave 2026', titleDa: 'Tryghedsmåling', titleEn: 'Safety survey', status: 'closed' })
      .returning();
    expect(await setResultsPublished(t.db, wave!.id, true, analyst.id)).toBe('ok');
    await addInitiativeUpdate(t.db, initiative.id, { happenedOn: '2026-03-01', textDa: 'Første møde holdt.', textEn: null }, null);
    expect(await runDigest(t.db, { hour: 7, origin: ORIGIN, force: true, now: new Date(Date.now() + 1000) })).toEqual({ due: 2, queued: 2 });
    await deliverDueSubscriptionMails(t.db, send, ORIGIN);
    const results = decoded((await waitForMail(mailbox.dir, 'results@example.dk', 2))[1]!.raw);
    expect(results).toContain('Results published: Safety survey (Wave 2026)');
    expect(results).toContain(`${ORIGIN}/en/resultater`);
    expect(results).toContain(`Unsubscribe with one click: ${ORIGIN}/en/abonnement/afmeld/`);
    const one = decoded((await waitForMail(mailbox.dir, 'one@example.dk', 2))[1]!.raw);
    expect(one).toContain('Opdatering: Ungeindsats: Første møde holdt.');
    // A new initiative is news for an area, not for a subscriber to one initiative.
    expect(one).not.toContain('Ny indsats');
  });

  it('a subscription whose address can no longer be read is deleted rather than retried', async () => {
    const token = await subscribeAndReadLink('nabo@example.dk', { topic: 'events' });
    await confirmSubscription(t.db, token);
    const [row] = await rows();
    await t.db.update(subscriptions).set({ addressSealed: Buffer.alloc(40, 7) }).where(eq(subscriptions.id, row!.id));
    // Due a second ago: PostgreSQL's default now() has microseconds, the JavaScript clock milliseconds.
    await t.db.insert(subscriptionMails).values({ subscriptionId: row!.id, kind: 'digest', subject: 's', body: 'b', nextAttemptAt: new Date(Date.now() - 1000) });
    expect(await deliverDueSubscriptionMails(t.db, send, ORIGIN)).toEqual({ sent: 0, failed: 0, givenUp: 1 });
    expect(await rows()).toEqual([]);
  });
});

describe('subscriptions: retention', () => {
  it('deletes unconfirmed subscriptions once expired, and keeps confirmed ones', async () => {
    const asked = new Date('2026-03-02T10:00:00Z');
    await subscribeAndReadLink('pending@example.dk', { topic: 'events' }, 'da', asked);
    const token = await subscribeAndReadLink('kept@example.dk', { topic: 'events' }, 'da', asked);
    await confirmSubscription(t.db, token, asked);
    // A mail still waiting for the unconfirmed one goes with it.
    const pending = (await rows()).find((r) => r.confirmedAt === null)!;
    await t.db.insert(subscriptionMails).values({ subscriptionId: pending.id, kind: 'confirm', subject: 's', body: 'b' });
    const before = await runRetention(t.db, RETENTION_DEFAULTS, { now: new Date('2026-03-03T23:59:59Z'), dryRun: true });
    expect(before.results.find((r) => r.rule === 'subscriptions_unconfirmed')!.count).toBe(0);
    const run = await runRetention(t.db, RETENTION_DEFAULTS, { now: new Date('2026-03-04T00:00:00Z') });
    expect(run.results.find((r) => r.rule === 'subscriptions_unconfirmed')!.count).toBe(1);
    expect((await rows()).map((r) => r.confirmedAt !== null)).toEqual([true]);
    expect(await mails()).toEqual([]);
  });
});
