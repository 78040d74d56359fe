/**
 * The subscriptions' outbox and digest (README "Subscriptions").
 *
 * - The digest: once a day, at SUBSCRIPTION_DIGEST_HOUR (Copenhagen time),
 *   the server (hourly check, src/server/cli/serve.ts) or `npm run digest`
 *   collects for every confirmed subscription what was published since its
 *   last digest (new initiatives, updates and reached milestones in its area
 *   or of its initiative, new events, newly published survey results) and
 *   queues one mail per subscriber with news; nothing when there is none.
 * - The outbox (`subscription_mails`): sent right after queuing and every
 *   minute, with the same lease and back-off as the report notices; a sent
 *   or given-up mail is deleted. The address is read (unsealed) from the
 *   subscription when sending, and every mail gets the unsubscribe link and
 *   the List-Unsubscribe and List-Unsubscribe-Post headers (RFC 8058).
 */
import { and, asc, eq, gte, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import {
  consultations,
  events,
  initiativeAreas,
  initiativeMilestones,
  initiatives,
  initiativeUpdates,
  subscriptionMails,
  subscriptions,
  surveys,
  type Subscription,
} from '../../../db/schema.ts';
import { localePath, messages, type Locale } from '../../lib/i18n/index.ts';
import { pick } from '../../lib/localized.ts';
import { copenhagenDay, fromCopenhagenLocal } from '../../lib/time.ts';
import { config, siteOrigin } from '../platform/config.ts';
import type { Queryable } from '../db/connection.ts';
import { inList } from '../db/in-list.ts';
import { eraseRemnants } from '../db/remnants.ts';
import { transaction } from '../db/transaction.ts';
import { logger } from '../platform/logger.ts';
import { smtpSender, type OutgoingMail, type SendMail } from '../platform/mail.ts';
import { describeTarget, openSubscriber, targetOf, unsubscribePath } from './subscriptions.ts';

/** A mail is given up (and deleted) after this many failed attempts… */
export const MAX_SUBSCRIPTION_MAIL_ATTEMPTS = 8;
/** …or when it is older than this (seconds): two days. */
export const MAX_SUBSCRIPTION_MAIL_AGE_S = 2 * 24 * 3600;
/** How long a deliverer holds the mails it is sending (seconds). */
const LEASE_S = 300;

export interface SubscriptionDeliveryResult {
  sent: number;
  failed: number;
  givenUp: number;
}

/** The unsubscribe footer and headers every subscription mail carries. */
export function withUnsubscribe(mail: { subject: string; body: string }, subscriptionId: number, locale: Locale, origin: string): Omit<OutgoingMail, 'to'> {
  const url = new URL(unsubscribePath(locale, subscriptionId), origin).href;
  return {
    subject: mail.subject,
    text: `${mail.body}\n\n${messages(locale).subscriptions.mail.footer(url)}\n`,
    headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/**
 * Sends every due subscription mail, oldest first (see deliverDueNotices in
 * src/server/reports/notices.ts for the lease). A subscription whose address cannot be
 * unsealed any more (the throttle secret was replaced) is deleted: it could
 * never be delivered or unsubscribed.
 */
export async function deliverDueSubscriptionMails(db: Queryable, send: SendMail, origin: string, now = new Date()): Promise<SubscriptionDeliveryResult> {
  const result: SubscriptionDeliveryResult = { sent: 0, failed: 0, givenUp: 0 };
  const lease = new Date(now.getTime() + LEASE_S * 1000);
  const due = await transaction(db, async (tx) => {
    const rows = await tx
      .select({ mail: subscriptionMails, sealed: subscriptions.addressSealed, locale: subscriptions.locale })
      .from(subscriptionMails)
      .innerJoin(subscriptions, eq(subscriptions.id, subscriptionMails.subscriptionId))
      .where(lte(subscriptionMails.nextAttemptAt, now))
      .orderBy(asc(subscriptionMails.id))
      .limit(100);
    if (rows.length === 0) return rows;
    const claimed = await tx
      .update(subscriptionMails)
      .set({ nextAttemptAt: lease })
      .where(and(inList(tx, subscriptionMails.id, rows.map((r) => r.mail.id)), lte(subscriptionMails.nextAttemptAt, now)))
      .returning({ id: subscriptionMails.id });
    const mine = new Set(claimed.map((c) => c.id));
    return rows.filter((r) => mine.has(r.mail.id));
  });
  for (const { mail, sealed, locale } of due) {
    const ageS = (now.getTime() - mail.createdAt.getTime()) / 1000;
    const to = openSubscriber(sealed);
    if (to === undefined) {
      await db.delete(subscriptions).where(eq(subscriptions.id, mail.subscriptionId));
      result.givenUp++;
      continue;
    }
    if (ageS > MAX_SUBSCRIPTION_MAIL_AGE_S) {
      await db.delete(subscriptionMails).where(eq(subscriptionMails.id, mail.id));
      result.givenUp++;
      continue;
    }
    try {
      await send({ to, ...withUnsubscribe(mail, mail.subscriptionId, locale, origin) });
      await db.delete(subscriptionMails).where(eq(subscriptionMails.id, mail.id));
      result.sent++;
    } catch {
      const attempts = mail.attempts + 1;
      if (attempts >= MAX_SUBSCRIPTION_MAIL_ATTEMPTS) {
        await db.delete(subscriptionMails).where(eq(subscriptionMails.id, mail.id));
        result.givenUp++;
      } else {
        const waitS = Math.min(3600, 60 * 2 ** (attempts - 1));
        await db.update(subscriptionMails).set({ attempts, nextAttemptAt: new Date(now.getTime() + waitS * 1000) }).where(eq(subscriptionMails.id, mail.id));
        result.failed++;
      }
    }
  }
  // A deleted mail held a confirmation link: leave no copy in SQLite's write-ahead log.
  if (result.sent + result.givenUp > 0) eraseRemnants(db);
  return result;
}

let senderCache: SendMail | undefined;

/** Delivers due subscription mails in the background (nothing without SMTP_URL); errors are logged without addresses. */
export function deliverSubscriptionMailsSoon(db: Queryable): Promise<void> {
  const cfg = config();
  if (!cfg.mail) return Promise.resolve();
  senderCache ??= smtpSender(cfg.mail);
  return deliverDueSubscriptionMails(db, senderCache, siteOrigin(cfg)).then(
    (r) => {
      if (r.sent + r.failed + r.givenUp > 0) logger.info({ subscriptionMails: r }, 'subscription mails delivered');
      if (r.givenUp > 0) logger.warn({ givenUp: r.givenUp }, 'subscription mails given up');
    },
    (error: unknown) => logger.error({ err: error }, 'subscription mail delivery failed'),
  );
}

// ---------------------------------------------------------------------------
// The digest
// ---------------------------------------------------------------------------

export type DigestItemKind = 'initiative' | 'update' | 'milestone' | 'event' | 'results' | 'consultation' | 'decision';

export interface DigestItem {
  kind: DigestItemKind;
  title: string;
  /** A path on the site (in the subscriber's language). */
  path: string;
}

/** The initiatives a subscription's news come from: those of its area, or its one initiative; published only. */
async function followedInitiatives(db: Queryable, sub: Subscription): Promise<{ id: number; slug: string; titleDa: string; titleEn: string | null; publishedAt: Date | null }[]> {
  const columns = { id: initiatives.id, slug: initiatives.slug, titleDa: initiatives.titleDa, titleEn: initiatives.titleEn, publishedAt: initiatives.publishedAt };
  if (sub.topic === 'initiative') {
    return db.select(columns).from(initiatives).where(and(eq(initiatives.id, sub.initiativeId!), eq(initiatives.state, 'published')));
  }
  return db
    .select(columns)
    .from(initiatives)
    .innerJoin(initiativeAreas, eq(initiativeAreas.initiativeId, initiatives.id))
    .where(and(eq(initiativeAreas.areaId, sub.areaId!), eq(initiatives.state, 'published')))
    .orderBy(asc(initiatives.id));
}

/**
 * Consultations as news: one that opened for the subscriber's area (or
 * belongs to the followed initiative), and the decisions on one of the area
 * that belongs to no initiative (a consultation's initiative carries its
 * decisions as a progress update, below). Days are Copenhagen days: a day in
 * [day of `from`, day of `to`) is news in this digest, so each day is in
 * exactly one of a run of contiguous digests.
 */
async function consultationNews(db: Queryable, sub: Subscription, from: Date, to: Date): Promise<DigestItem[]> {
  const first = copenhagenDay(from);
  const last = copenhagenDay(to);
  const onDay = (column: typeof consultations.opensOn | typeof consultations.decidedOn) => and(gte(column, first), lt(column, last));
  const scope = sub.topic === 'initiative' ? eq(consultations.initiativeId, sub.initiativeId!) : eq(consultations.areaId, sub.areaId!);
  const rows = await db
    .select({ slug: consultations.slug, titleDa: consultations.titleDa, titleEn: consultations.titleEn, opensOn: consultations.opensOn, decidedOn: consultations.decidedOn, initiativeId: consultations.initiativeId })
    .from(consultations)
    .where(and(eq(consultations.state, 'published'), scope, or(onDay(consultations.opensOn), and(isNull(consultations.initiativeId), isNotNull(consultations.decidedOn), onDay(consultations.decidedOn)))))
    .orderBy(asc(consultations.opensOn), asc(consultations.id));
  const items: DigestItem[] = [];
  for (const c of rows) {
    const item = { title: pick(sub.locale, c.titleDa, c.titleEn).text, path: localePath(sub.locale, `/hoeringer/${c.slug}`) };
    if (c.opensOn >= first && c.opensOn < last) items.push({ kind: 'consultation', ...item });
    if (c.initiativeId === null && c.decidedOn !== null && c.decidedOn >= first && c.decidedOn < last) items.push({ kind: 'decision', ...item });
  }
  return items;
}

/** What was published in [from, to) for a subscription, oldest kind first. */
export async function collectNews(db: Queryable, sub: Subscription, from: Date, to: Date): Promise<DigestItem[]> {
  const locale = sub.locale;
  const within = (column: Parameters<typeof gte>[0]) => and(gte(column, from), lt(column, to));
  const items: DigestItem[] = [];
  if (sub.topic === 'area' || sub.topic === 'initiative') {
    items.push(...(await consultationNews(db, sub, from, to)));
    const followed = await followedInitiatives(db, sub);
    if (followed.length === 0) return items;
    const byId = new Map(followed.map((i) => [i.id, i]));
    const title = (i: { titleDa: string; titleEn: string | null }) => pick(locale, i.titleDa, i.titleEn).text;
    const pathOf = (i: { slug: string }) => localePath(locale, `/indsatser/${i.slug}`);
    // A new initiative is news for its area; for a subscriber to that one initiative it is not.
    if (sub.topic === 'area') {
      for (const i of followed) if (i.publishedAt && i.publishedAt >= from && i.publishedAt < to) items.push({ kind: 'initiative', title: title(i), path: pathOf(i) });
    }
    const ids = followed.map((i) => i.id);
    const updates = await db
      .select({ initiativeId: initiativeUpdates.initiativeId, textDa: initiativeUpdates.textDa, textEn: initiativeUpdates.textEn })
      .from(initiativeUpdates)
      .where(and(inList(db, initiativeUpdates.initiativeId, ids), isNull(initiativeUpdates.retractedAt), or(within(initiativeUpdates.createdAt), within(initiativeUpdates.editedAt))))
      .orderBy(asc(initiativeUpdates.happenedOn), asc(initiativeUpdates.id));
    for (const u of updates) {
      const i = byId.get(u.initiativeId)!;
      const text = pick(locale, u.textDa, u.textEn).text;
      items.push({ kind: 'update', title: `${title(i)}: ${text.length > 140 ? `${text.slice(0, 139)}…` : text}`, path: pathOf(i) });
    }
    const milestones = await db
      .select({ initiativeId: initiativeMilestones.initiativeId, titleDa: initiativeMilestones.titleDa, titleEn: initiativeMilestones.titleEn })
      .from(initiativeMilestones)
      .where(and(inList(db, initiativeMilestones.initiativeId, ids), eq(initiativeMilestones.state, 'done'), within(initiativeMilestones.updatedAt)))
      .orderBy(asc(initiativeMilestones.position), asc(initiativeMilestones.id));
    for (const ms of milestones) {
      const i = byId.get(ms.initiativeId)!;
      items.push({ kind: 'milestone', title: `${title(i)}: ${pick(locale, ms.titleDa, ms.titleEn).text}`, path: pathOf(i) });
    }
    return items;
  }
  if (sub.topic === 'events') {
    const rows = await db
      .select({ slug: events.slug, titleDa: events.titleDa, titleEn: events.titleEn })
      .from(events)
      .where(and(eq(events.state, 'published'), isNotNull(events.publishedAt), within(events.publishedAt), gte(events.endsAt, to)))
      .orderBy(asc(events.startsAt), asc(events.id));
    return rows.map((e) => ({ kind: 'event', title: pick(locale, e.titleDa, e.titleEn).text, path: localePath(locale, `/arrangementer/${e.slug}`) }));
  }
  const waves = await db
    .select({ titleDa: surveys.titleDa, titleEn: surveys.titleEn, waveDa: surveys.waveDa, waveEn: surveys.waveEn })
    .from(surveys)
    .where(and(eq(surveys.status, 'closed'), eq(surveys.resultsPublished, true), isNotNull(surveys.resultsPublishedAt), within(surveys.resultsPublishedAt)))
    .orderBy(asc(surveys.id));
  return waves.map((w) => ({
    kind: 'results',
    title: `${pick(locale, w.titleDa, w.titleEn).text} (${pick(locale, w.waveDa, w.waveEn).text})`,
    path: localePath(locale, '/resultater'),
  }));
}

/** The digest's subject and text (the unsubscribe footer is added when sending). */
export function composeDigest(locale: Locale, what: string, items: readonly DigestItem[], origin: string): { subject: string; body: string } {
  const m = messages(locale).subscriptions.mail;
  const lines = items.flatMap((item) => [`• ${m.items[item.kind]}: ${item.title}`, `  ${new URL(item.path, origin).href}`]);
  return { subject: m.digestSubject(items.length), body: [m.digestIntro(what), '', ...lines].join('\n') };
}

/**
 * The latest digest time at or before `now`: `hour`:00 Copenhagen time
 * today, or yesterday when that is still to come.
 */
export function lastDigestTime(now: Date, hour: number): Date {
  const dayOf = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(d);
  const at = (day: string) => fromCopenhagenLocal(`${day}T${String(hour).padStart(2, '0')}:00`)!;
  const today = at(dayOf(now));
  return today <= now ? today : at(dayOf(new Date(now.getTime() - 24 * 3_600_000)));
}

export interface DigestRun {
  /** Confirmed subscriptions whose digest was due. */
  due: number;
  /** Digests queued (those with news). */
  queued: number;
}

/**
 * Queues the due digests: for each confirmed subscription whose window
 * started before the latest digest time (every confirmed one with `force`),
 * the news in [its start, now) as one mail, and the window moved to now, in
 * one transaction per subscriber. The move is conditional, so two instances
 * running at once queue each digest once.
 */
export async function runDigest(db: Queryable, options: { hour: number; now?: Date; force?: boolean; origin: string }): Promise<DigestRun> {
  const now = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  const before = options.force ? now : lastDigestTime(now, options.hour);
  const due = await db
    .select()
    .from(subscriptions)
    .where(and(isNotNull(subscriptions.confirmedAt), isNotNull(subscriptions.digestFrom), lt(subscriptions.digestFrom, before)))
    .orderBy(asc(subscriptions.id));
  let queued = 0;
  for (const sub of due) {
    const from = sub.digestFrom!;
    const items = await collectNews(db, sub, from, now);
    const what = items.length > 0 ? await describeTarget(db, targetOf(sub), sub.locale) : undefined;
    const mail = what !== undefined ? composeDigest(sub.locale, what, items, options.origin) : undefined;
    const done = await transaction(db, async (tx) => {
      const moved = await tx
        .update(subscriptions)
        .set({ digestFrom: now })
        .where(and(eq(subscriptions.id, sub.id), eq(subscriptions.digestFrom, from)))
        .returning({ id: subscriptions.id });
      if (moved.length === 0 || !mail) return false;
      await tx.insert(subscriptionMails).values({ subscriptionId: sub.id, kind: 'digest', subject: mail.subject, body: mail.body, nextAttemptAt: new Date() });
      return true;
    });
    if (done) queued++;
  }
  return { due: due.length, queued };
}
