/**
 * Event sign-up, cancellation and minutes against a real database (SQLite,
 * and PostgreSQL in the integration-pg project) and a real SMTP server on
 * loopback (tests/support/mailbox.ts):
 * - the capacity holds under concurrent sign-ups (no overbooking), a full,
 *   closed, started or cancelled event refuses and stores nothing;
 * - the cancel token is kept only as a hash; a forged or replayed link
 *   changes nothing;
 * - cancelling an event queues a notice per address, deletes the sign-ups,
 *   keeps the count, and the notices go out over SMTP and leave the outbox;
 * - the retention job deletes sign-ups (and their addresses) after the event;
 * - minutes only after the event, with known places; every editor step audited.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, eventNotices, eventRegistrations, events, eventSignups } from '../../db/schema.ts';
import { deliverDueEventNotices } from '../../src/server/content/event-notices.ts';
import {
  cancelEvent,
  cancelSignup,
  findMinutes,
  findRegistration,
  findSignupByToken,
  hashSignupToken,
  saveMinutes,
  setSignupSettings,
  signUp,
} from '../../src/server/content/event-signups.ts';
import { createEvent, setEventState } from '../../src/server/content/events.ts';
import { smtpSender, type SendMail } from '../../src/server/platform/mail.ts';
import { RETENTION_DEFAULTS, runRetention } from '../../src/server/privacy/retention.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';
import { readMailbox, startMailbox, type Mailbox } from '../support/mailbox.ts';
import { openAddress } from '../../src/server/privacy/sealed.ts';

const ORIGIN = 'https://tryghed.example.dk';
const HOUR = 3_600_000;
let t: TestDb;
let mailbox: Mailbox;
let send: SendMail;
let editor: number;
let viewer: number;

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  mailbox = await startMailbox();
  send = smtpSender({ smtpUrl: mailbox.smtpUrl, from: 'Tryghed <noreply@tryghed.invalid>' });
  editor = (await makeUser(t.db, 'editor')).user.id;
  viewer = (await makeUser(t.db, 'viewer')).user.id;
});
afterEach(async () => {
  await t.close();
  await mailbox.close();
});

let n = 0;
/** A published event starting `startsInHours` from now, two hours long, with sign-up open for `capacity`. */
async function makeEvent(options: { startsInHours?: number; capacity?: number | null; signup?: boolean } = {}) {
  n += 1;
  const startsAt = new Date(Date.now() + (options.startsInHours ?? 48) * HOUR);
  const event = await createEvent(
    t.db,
    {
      kind: 'safety_walk',
      titleDa: `Tryghedsvandring ${n}`,
      titleEn: `Safety walk ${n}`,
      descriptionDa: 'Vi går en tur.',
      descriptionEn: null,
      place: 'Blågårds Plads',
      lat: null,
      lon: null,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      areaId: null,
      partnerId: null,
      initiativeId: null,
    },
    editor,
  );
  await setEventState(t.db, event.id, 'published', editor);
  if (options.signup !== false) {
    const r = await setSignupSettings(t.db, event.id, { open: true, capacity: options.capacity === undefined ? 10 : options.capacity }, editor);
    expect(r).toEqual({ ok: true });
  }
  return event;
}

const registration = async (eventId: number) => (await findRegistration(t.db, eventId))!;
const signupsOf = (eventId: number) => t.db.select().from(eventSignups).where(eq(eventSignups.eventId, eventId));
const noticesOf = (eventId: number) => t.db.select().from(eventNotices).where(eq(eventNotices.eventId, eventId));

function decoded(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

describe('signing up', () => {
  it('stores the number of people and a hash of the cancel token, never the token, and raises the count', async () => {
    const event = await makeEvent();
    const r = await signUp(t.db, { eventId: event.id, people: 3, email: null, locale: 'da' });
    if (!r.ok) throw new Error(r.reason);
    const [row] = await signupsOf(event.id);
    expect(row).toMatchObject({ people: 3, email: null, tokenHash: hashSignupToken(r.token), locale: 'da' });
    expect(JSON.stringify(row)).not.toContain(r.token);
    expect((await registration(event.id)).signedUp).toBe(3);
    expect(await noticesOf(event.id)).toEqual([]);
    expect(await findSignupByToken(t.db, r.token)).toMatchObject({ people: 3, hasEmail: false });
  });

  it('a form sent again (or twice at once) finds its first sign-up: same cancel token, one row, one confirmation', async () => {
    const event = await makeEvent({ capacity: 10 });
    const input = { eventId: event.id, people: 2, email: 'to-gange@example.dk', locale: 'da' as const, submission: 'form-submission-value-0001' };
    const first = await signUp(t.db, input);
    const again = await signUp(t.db, input);
    if (!first.ok || !again.ok) throw new Error('refused');
    expect(again).toEqual({ ok: true, token: first.token, signupId: first.signupId, repeated: true });
    expect(first.token).toMatch(/^[a-z2-7]{52}$/);
    const together = await Promise.all([0, 1, 2].map(() => signUp(t.db, { ...input, submission: 'form-submission-value-0002' })));
    expect(new Set(together.map((r) => (r.ok ? r.token : r.reason))).size).toBe(1);
    expect(together.filter((r) => r.ok && r.repeated)).toHaveLength(2);
    expect((await registration(event.id)).signedUp).toBe(4);
    expect(await signupsOf(event.id)).toHaveLength(2);
    expect(await noticesOf(event.id)).toHaveLength(2);
    // The same value for another event is another sign-up; a malformed value is ignored (a random token).
    const other = await makeEvent({ capacity: 10 });
    const elsewhere = await signUp(t.db, { ...input, eventId: other.id });
    expect(elsewhere.ok && elsewhere.token !== first.token && !elsewhere.repeated).toBe(true);
    const odd = await signUp(t.db, { ...input, submission: 'x' });
    const odd2 = await signUp(t.db, { ...input, submission: 'x' });
    expect(odd.ok && odd2.ok && odd.token !== odd2.token).toBe(true);
  });

  it('never takes more places than the capacity, even with many sign-ups at the same moment', async () => {
    const event = await makeEvent({ capacity: 7 });
    const results = await Promise.all(Array.from({ length: 12 }, () => signUp(t.db, { eventId: event.id, people: 2, email: null, locale: 'da' })));
    const ok = results.filter((r) => r.ok).length;
    // 7 places, 2 people each: three sign-ups fit (6), the rest are refused as full with 1 place left.
    expect(ok).toBe(3);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'full')).toBe(true);
    expect((await registration(event.id)).signedUp).toBe(6);
    expect(await signupsOf(event.id)).toHaveLength(3);
    expect(await signUp(t.db, { eventId: event.id, people: 2, email: null, locale: 'da' })).toEqual({ ok: false, reason: 'full', left: 1, signedUp: 6 });
    expect((await signUp(t.db, { eventId: event.id, people: 1, email: null, locale: 'da' })).ok).toBe(true);
    expect(await signUp(t.db, { eventId: event.id, people: 1, email: null, locale: 'da' })).toEqual({ ok: false, reason: 'full', left: 0, signedUp: 7 });
    expect((await registration(event.id)).signedUp).toBe(7);
  });

  it('refuses a started event, a closed sign-up, an event without sign-up and a bad number, storing nothing', async () => {
    const started = await makeEvent({ startsInHours: -1 });
    expect(await signUp(t.db, { eventId: started.id, people: 1, email: null, locale: 'da' })).toEqual({ ok: false, reason: 'closed' });
    const without = await makeEvent({ signup: false });
    expect(await signUp(t.db, { eventId: without.id, people: 1, email: null, locale: 'da' })).toEqual({ ok: false, reason: 'closed' });
    const closed = await makeEvent();
    await setSignupSettings(t.db, closed.id, { open: false, capacity: 10 }, editor);
    expect(await signUp(t.db, { eventId: closed.id, people: 1, email: null, locale: 'da' })).toEqual({ ok: false, reason: 'closed' });
    const open = await makeEvent();
    expect(await signUp(t.db, { eventId: open.id, people: 0, email: null, locale: 'da' })).toEqual({ ok: false, reason: 'people' });
    expect(await signUp(t.db, { eventId: open.id, people: 7, email: null, locale: 'da' })).toEqual({ ok: false, reason: 'people' });
    expect(await signUp(t.db, { eventId: 999_999, people: 1, email: null, locale: 'da' })).toEqual({ ok: false, reason: 'unknown' });
    expect(await t.db.select().from(eventSignups)).toEqual([]);
    for (const e of [started, closed, open]) expect((await registration(e.id)).signedUp).toBe(0);
  });

  it('with an address, queues a confirmation whose mail carries the cancel link, then leaves the outbox', async () => {
    const event = await makeEvent();
    const r = await signUp(t.db, { eventId: event.id, people: 2, email: 'beboer@example.dk', locale: 'en' });
    if (!r.ok) throw new Error(r.reason);
    const queued = await noticesOf(event.id);
    expect(queued.map((n) => ({ kind: n.kind, email: openAddress(n.email), locale: n.locale }))).toEqual([{ kind: 'confirmation', email: 'beboer@example.dk', locale: 'en' }]);
    const [stored] = await t.db.select({ email: eventSignups.email }).from(eventSignups).where(eq(eventSignups.eventId, event.id));
    expect(stored!.email).toMatch(/^sealed1:/);
    expect(openAddress(stored!.email!)).toBe('beboer@example.dk');
    expect(await deliverDueEventNotices(t.db, send, ORIGIN)).toEqual({ sent: 1, failed: 0, givenUp: 0 });
    const [mail] = readMailbox(mailbox.dir);
    expect(mail!.to).toBe('beboer@example.dk');
    const text = decoded(mail!.raw);
    expect(text).toContain(`Safety walk ${n}`);
    expect(text).toContain(`${ORIGIN}/en/arrangementer/tilmelding/${r.token}`);
    expect(await noticesOf(event.id)).toEqual([]);
  });
});

describe('cancelling one\'s own sign-up', () => {
  it('deletes the sign-up and lowers the count once; the replayed link and a forged one change nothing', async () => {
    const event = await makeEvent({ capacity: 4 });
    const a = await signUp(t.db, { eventId: event.id, people: 3, email: 'a@example.dk', locale: 'da' });
    const b = await signUp(t.db, { eventId: event.id, people: 1, email: null, locale: 'da' });
    if (!a.ok || !b.ok) throw new Error('sign-up failed');
    const result = await cancelSignup(t.db, a.token);
    expect(result).toMatchObject({ ok: true, people: 3 });
    expect((await registration(event.id)).signedUp).toBe(1);
    // The unsent confirmation went with the sign-up: no address is left for it.
    expect(await noticesOf(event.id)).toEqual([]);
    expect(await cancelSignup(t.db, a.token)).toEqual({ ok: false, reason: 'unknown' });
    expect(await cancelSignup(t.db, 'a'.repeat(52))).toEqual({ ok: false, reason: 'unknown' });
    expect(await cancelSignup(t.db, "x' or 1=1 --")).toEqual({ ok: false, reason: 'unknown' });
    expect((await registration(event.id)).signedUp).toBe(1);
    expect(await signupsOf(event.id)).toHaveLength(1);
  });

  it('is refused once the event has started', async () => {
    const event = await makeEvent();
    const r = await signUp(t.db, { eventId: event.id, people: 1, email: null, locale: 'da' });
    if (!r.ok) throw new Error(r.reason);
    expect(await cancelSignup(t.db, r.token, new Date(event.startsAt.getTime() + 60_000))).toEqual({ ok: false, reason: 'started' });
    expect((await registration(event.id)).signedUp).toBe(1);
  });
});

describe('editors\' sign-up settings', () => {
  it('cannot set the capacity below the number signed up; a viewer cannot change anything', async () => {
    const event = await makeEvent({ capacity: 5 });
    await signUp(t.db, { eventId: event.id, people: 4, email: null, locale: 'da' });
    expect(await setSignupSettings(t.db, event.id, { open: true, capacity: 3 }, editor)).toEqual({ ok: false, reason: 'below_count' });
    expect(await setSignupSettings(t.db, event.id, { open: true, capacity: 20 }, viewer)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await registration(event.id)).toMatchObject({ capacity: 5, signedUp: 4, open: true });
    expect(await setSignupSettings(t.db, event.id, { open: true, capacity: null }, editor)).toEqual({ ok: true });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'event.signup_settings'));
    expect(audits.map((a) => a.summary)).toEqual(['off → open, capacity 5', 'open, capacity 5 → open, capacity none']);
  });
});

describe('cancelling an event', () => {
  it('queues a notice per address, deletes the sign-ups, keeps the count, and the notices go out over SMTP', async () => {
    const event = await makeEvent();
    await signUp(t.db, { eventId: event.id, people: 2, email: 'en@example.dk', locale: 'da' });
    await signUp(t.db, { eventId: event.id, people: 1, email: 'to@example.dk', locale: 'en' });
    await signUp(t.db, { eventId: event.id, people: 1, email: null, locale: 'da' });
    // The confirmations go first (as the server would have sent them at sign-up).
    expect((await deliverDueEventNotices(t.db, send, ORIGIN)).sent).toBe(2);

    const result = await cancelEvent(t.db, event.id, { noteDa: 'Flyttet til næste uge.', noteEn: 'Moved to next week.' }, editor);
    expect(result).toEqual({ ok: true, notices: 2 });
    expect(await signupsOf(event.id)).toEqual([]);
    expect(await registration(event.id)).toMatchObject({ signedUp: 4, open: false });
    const [row] = await t.db.select().from(events).where(eq(events.id, event.id));
    expect(row!.cancelledAt).not.toBeNull();
    expect(await signUp(t.db, { eventId: event.id, people: 1, email: null, locale: 'da' })).toEqual({ ok: false, reason: 'cancelled' });
    expect(await cancelEvent(t.db, event.id, { noteDa: null, noteEn: null }, editor)).toEqual({ ok: false, reason: 'already_cancelled' });

    expect(await deliverDueEventNotices(t.db, send, ORIGIN)).toEqual({ sent: 2, failed: 0, givenUp: 0 });
    const mails = readMailbox(mailbox.dir).slice(2);
    const da = decoded(mails.find((m) => m.to === 'en@example.dk')!.raw);
    const en = decoded(mails.find((m) => m.to === 'to@example.dk')!.raw);
    expect(da).toContain('Flyttet til næste uge.');
    expect(da).toContain('er desværre aflyst');
    expect(en).toContain('Moved to next week.');
    expect(en).toContain(`${ORIGIN}/en/arrangementer/${event.slug}`);
    expect(await noticesOf(event.id)).toEqual([]);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'event.cancel'));
    expect(audit).toMatchObject({ userId: editor, entityId: event.id });
    expect(audit!.summary).toContain('2 notice(s) queued');
    expect(audit!.summary).not.toContain('@');
  });

  it('keeps a notice when the mail server is down and sends it later', async () => {
    const event = await makeEvent();
    await signUp(t.db, { eventId: event.id, people: 1, email: 'senere@example.dk', locale: 'da' });
    await t.db.delete(eventNotices);
    await cancelEvent(t.db, event.id, { noteDa: null, noteEn: null }, editor);
    const down = smtpSender({ smtpUrl: 'smtp://127.0.0.1:1', from: 'x@tryghed.invalid' });
    expect(await deliverDueEventNotices(t.db, down, ORIGIN)).toEqual({ sent: 0, failed: 1, givenUp: 0 });
    expect(await noticesOf(event.id)).toHaveLength(1);
    expect(await deliverDueEventNotices(t.db, send, ORIGIN, new Date(Date.now() + 2 * 60_000))).toEqual({ sent: 1, failed: 0, givenUp: 0 });
    expect(readMailbox(mailbox.dir).map((m) => m.to)).toEqual(['senere@example.dk']);
  });

  it('refuses an event that has ended and a viewer, changing nothing', async () => {
    const past = await makeEvent({ startsInHours: -5 });
    expect(await cancelEvent(t.db, past.id, { noteDa: null, noteEn: null }, editor)).toEqual({ ok: false, reason: 'ended' });
    const future = await makeEvent();
    expect(await cancelEvent(t.db, future.id, { noteDa: null, noteEn: null }, viewer)).toEqual({ ok: false, reason: 'forbidden' });
    const rows = await t.db.select({ c: events.cancelledAt }).from(events);
    expect(rows.every((r) => r.c === null)).toBe(true);
  });
});

describe('retention', () => {
  it('deletes the sign-ups and their addresses after the event; the count stays', async () => {
    const event = await makeEvent({ startsInHours: 1 });
    const other = await makeEvent({ startsInHours: 24 * 30 });
    await signUp(t.db, { eventId: event.id, people: 2, email: 'slettes@example.dk', locale: 'da' });
    await signUp(t.db, { eventId: other.id, people: 1, email: 'bliver@example.dk', locale: 'da' });
    await t.db.delete(eventNotices);
    const before = await runRetention(t.db, RETENTION_DEFAULTS, { now: new Date(Date.now() + 2 * HOUR), dryRun: true });
    expect(before.results.find((r) => r.rule === 'event_signups')?.count).toBe(0);
    const run = await runRetention(t.db, RETENTION_DEFAULTS, { now: new Date(Date.now() + 4 * HOUR) });
    expect(run.results.find((r) => r.rule === 'event_signups')).toEqual({ rule: 'event_signups', count: 1 });
    expect(await signupsOf(event.id)).toEqual([]);
    expect(await signupsOf(other.id)).toHaveLength(1);
    expect((await registration(event.id)).signedUp).toBe(2);
  });

  it('deletes an event notice the outbox could not send within the outbox period', async () => {
    const event = await makeEvent();
    await signUp(t.db, { eventId: event.id, people: 1, email: 'gammel@example.dk', locale: 'da' });
    await t.db.delete(eventNotices);
    // A cancellation notice (not tied to a sign-up) that nobody could send, e.g. after SMTP_URL was removed.
    await cancelEvent(t.db, event.id, { noteDa: null, noteEn: null }, editor);
    expect(await noticesOf(event.id)).toMatchObject([{ kind: 'cancellation' }]);
    const run = await runRetention(t.db, RETENTION_DEFAULTS, { now: new Date(Date.now() + (RETENTION_DEFAULTS.outboxDays + 1) * 24 * HOUR) });
    expect(run.results.find((r) => r.rule === 'event_outbox')?.count).toBe(1);
    expect(await noticesOf(event.id)).toEqual([]);
  });
});

describe('minutes', () => {
  it('are published only after the event, with known places, and every step is audited', async () => {
    const future = await makeEvent();
    expect(await saveMinutes(t.db, future.id, { bodyDa: 'For tidligt', bodyEn: null, places: [] }, editor)).toEqual({ ok: false, reason: 'not_ended' });
    const past = await makeEvent({ startsInHours: -5 });
    expect(await saveMinutes(t.db, past.id, { bodyDa: '## Fund', bodyEn: null, places: ['blaagaards-plads'] }, viewer)).toEqual({ ok: false, reason: 'forbidden' });
    await expect(saveMinutes(t.db, past.id, { bodyDa: 'x', bodyEn: null, places: ['nowhere'] }, editor)).rejects.toThrow('unknown place');
    expect(await findMinutes(t.db, past.id)).toBeUndefined();
    expect(await saveMinutes(t.db, past.id, { bodyDa: '## Fund\n\n- Mørkt hjørne', bodyEn: '## Findings', places: ['blaagaards-plads', 'korsgade'] }, editor)).toEqual({ ok: true });
    expect(await findMinutes(t.db, past.id)).toMatchObject({ bodyDa: '## Fund\n\n- Mørkt hjørne', places: ['blaagaards-plads', 'korsgade'] });
    expect(await saveMinutes(t.db, past.id, { bodyDa: '## Fund (rettet)', bodyEn: null, places: [] }, editor)).toEqual({ ok: true });
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, past.id))).map((a) => a.action);
    expect(actions).toContain('event.minutes_publish');
    expect(actions).toContain('event.minutes_update');
    expect(await t.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, past.id))).toHaveLength(1);
  });
});
