/**
 * The events' part of the mail outbox (event_notices), delivered with the
 * report notices (deliverNoticesSoon in src/server/reports/notices.ts: after
 * each change and once a minute) under the same rules: a lease so that no
 * notice goes out twice, back-off after a failure, and deletion once sent or
 * given up (MAX_NOTICE_ATTEMPTS, MAX_NOTICE_AGE_S). Two kinds, each in the
 * language the resident signed up in:
 * - a sign-up's confirmation: the event, the number of people, and the link
 *   to cancel (the raw token is in the row until it is sent; the sign-up
 *   keeps only its hash);
 * - an event's cancellation: the event, the editors' public note, and that
 *   the sign-up and the address are deleted.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import { eventNotices, events, type Event, type EventNotice } from '../../../db/schema.ts';
import { localePath, messages, type Locale } from '../../lib/i18n/index.ts';
import { pick } from '../../lib/localized.ts';
import type { Queryable } from '../db/connection.ts';
import { inList } from '../db/in-list.ts';
import { eraseRemnants } from '../db/remnants.ts';
import { transaction } from '../db/transaction.ts';
import { describeEventTimes } from './event-pages.ts';
import type { OutgoingMail, SendMail } from '../platform/mail.ts';
import { openAddress } from '../privacy/sealed.ts';
import { MAX_NOTICE_AGE_S, MAX_NOTICE_ATTEMPTS, type DeliveryResult } from '../reports/notices.ts';

/** How long a deliverer holds the notices it is sending (seconds), as for report notices. */
const LEASE_S = 300;

/** The link a resident cancels their sign-up with. */
export function signupPath(locale: Locale, token: string): string {
  return localePath(locale, `/arrangementer/tilmelding/${token}`);
}

/** A notice's subject and text, in the resident's language. */
export function composeEventNotice(
  notice: Pick<EventNotice, 'kind' | 'locale' | 'cancelToken'>,
  event: Pick<Event, 'slug' | 'titleDa' | 'titleEn' | 'startsAt' | 'endsAt' | 'place' | 'cancelNoteDa' | 'cancelNoteEn'>,
  origin: string,
): Omit<OutgoingMail, 'to'> {
  const locale = notice.locale;
  const m = messages(locale).events.signup.mail;
  const title = pick(locale, event.titleDa, event.titleEn).text;
  const times = describeEventTimes(locale, event.startsAt, event.endsAt);
  const when = `${times.start.text}${times.sameDay ? '–' : ' – '}${times.end.text}`;
  const eventUrl = new URL(localePath(locale, `/arrangementer/${event.slug}`), origin).href;
  if (notice.kind === 'confirmation') {
    const cancelUrl = new URL(signupPath(locale, notice.cancelToken ?? ''), origin).href;
    return {
      subject: m.confirmationSubject(title),
      text: [m.confirmationIntro, '', title, `${m.when}: ${when}`, `${m.place}: ${event.place}`, '', `${m.cancelLink}: ${cancelUrl}`, '', m.confirmationFooter, ''].join('\n'),
    };
  }
  const note = pick(locale, event.cancelNoteDa ?? '', event.cancelNoteEn).text.trim();
  return {
    subject: m.cancellationSubject(title),
    text: [m.cancellationIntro, '', title, `${m.when}: ${when}`, `${m.place}: ${event.place}`, ...(note ? ['', `${m.note}: ${note}`] : []), '', `${m.eventLink}: ${eventUrl}`, '', m.cancellationFooter, ''].join('\n'),
  };
}

/**
 * Sends every due event notice, oldest first; the same claim, retry and
 * deletion as deliverDueNotices (src/server/reports/notices.ts).
 */
export async function deliverDueEventNotices(db: Queryable, send: SendMail, origin: string, now = new Date()): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, givenUp: 0 };
  const lease = new Date(now.getTime() + LEASE_S * 1000);
  const due = await transaction(db, async (tx) => {
    const rows = await tx
      .select({ notice: eventNotices, event: events })
      .from(eventNotices)
      .innerJoin(events, eq(events.id, eventNotices.eventId))
      .where(lte(eventNotices.nextAttemptAt, now))
      .orderBy(asc(eventNotices.id))
      .limit(100);
    if (rows.length === 0) return rows;
    const claimed = await tx
      .update(eventNotices)
      .set({ nextAttemptAt: lease })
      .where(and(inList(tx, eventNotices.id, rows.map((r) => r.notice.id)), lte(eventNotices.nextAttemptAt, now)))
      .returning({ id: eventNotices.id });
    const mine = new Set(claimed.map((c) => c.id));
    return rows.filter((r) => mine.has(r.notice.id));
  });
  for (const { notice, event } of due) {
    const ageS = (now.getTime() - notice.createdAt.getTime()) / 1000;
    const to = openAddress(notice.email);
    // Too old, or sealed under a replaced secret: given up, and the address goes with it.
    if (ageS > MAX_NOTICE_AGE_S || to === undefined) {
      await db.delete(eventNotices).where(eq(eventNotices.id, notice.id));
      result.givenUp++;
      continue;
    }
    try {
      await send({ to, ...composeEventNotice(notice, event, origin) });
      await db.delete(eventNotices).where(eq(eventNotices.id, notice.id));
      result.sent++;
    } catch {
      const attempts = notice.attempts + 1;
      if (attempts >= MAX_NOTICE_ATTEMPTS) {
        await db.delete(eventNotices).where(eq(eventNotices.id, notice.id));
        result.givenUp++;
      } else {
        const waitS = Math.min(3600, 60 * 2 ** (attempts - 1));
        await db.update(eventNotices).set({ attempts, nextAttemptAt: new Date(now.getTime() + waitS * 1000) }).where(eq(eventNotices.id, notice.id));
        result.failed++;
      }
    }
  }
  // Deleted notices held addresses (and cancel tokens): leave no copy in SQLite's write-ahead log.
  if (result.sent + result.givenUp > 0) eraseRemnants(db);
  return result;
}
