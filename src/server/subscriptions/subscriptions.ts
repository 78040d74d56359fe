/**
 * Residents' e-mail subscriptions (README "Subscriptions"): to an area's new
 * initiatives and updates, to one initiative, to new events, or to published
 * survey results. Double opt-in, one-click unsubscribe, one digest a day
 * (src/server/subscriptions/mail.ts sends the mails).
 *
 * What is kept, and how:
 * - the address, sealed with AES-256-GCM under a key derived from the
 *   throttle secret (never in the database), so a copy of the database does
 *   not hold readable addresses; deleted with the row on unsubscribing;
 * - a keyed hash of the address and topic (`lookup_key`), so a second request
 *   for the same finds the row without reading any address;
 * - the SHA-256 of the confirmation token; the token itself is only in the
 *   confirmation mail (and in its outbox row until that is sent);
 * - no unsubscribe token at all: the link carries the row's random id and an
 *   HMAC of it with a key derived from the same secret, recomputed when used
 *   (as Rails' MessageVerifier does for Decidim's newsletters);
 * - times residents cause at midnight UTC only (expiry, confirmation), like
 *   drafts; no creation time, client key or device.
 * Replacing the throttle secret therefore ends every subscription: the
 * addresses can no longer be read (the next delivery deletes such rows) and
 * the unsubscribe links no longer verify.
 */
import { nameIn } from '../../lib/localized.ts';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { and, eq, isNull } from 'drizzle-orm';
import { areas, initiatives, subscriptionMails, subscriptions, type Subscription, type SubscriptionTopic } from '../../../db/schema.ts';
import { localePath, messages, type Locale } from '../../lib/i18n/index.ts';
import { pick } from '../../lib/localized.ts';
import { dayBoundary } from '../../lib/time.ts';
import { randomBytes } from '../staff/auth/random.ts';
import type { Queryable } from '../db/connection.ts';
import { eraseRemnants } from '../db/remnants.ts';
import { transaction } from '../db/transaction.ts';
import { derivedKey, openBytes, sealBytes } from '../privacy/sealed.ts';
import { keyed } from '../platform/throttle.ts';

/** What a subscription follows, as the forms and the module speak of it. */
export type SubscriptionTarget =
  | { topic: 'area'; areaId: number }
  | { topic: 'initiative'; initiativeId: number }
  | { topic: 'events' }
  | { topic: 'results' };

/** The longest address accepted (RFC 5321's path limit). */
export const SUBSCRIPTION_EMAIL_MAX = 254;

/** Keys derived from the throttle secret (src/server/privacy/sealed.ts), in memory only. */
const SEAL_PURPOSE = 'tryghed subscriptions address key';
const lookupKeyBytes = () => derivedKey('tryghed subscriptions lookup key');
const unsubscribeKey = () => derivedKey('tryghed subscriptions unsubscribe key');

/** The address as compared: trimmed and lower-cased (mail servers treat the local part case-blind in practice). */
export function normaliseAddress(email: string): string {
  return email.trim().toLowerCase();
}

function targetKey(target: SubscriptionTarget): string {
  if (target.topic === 'area') return `area:${target.areaId}`;
  if (target.topic === 'initiative') return `initiative:${target.initiativeId}`;
  return target.topic;
}

/** The keyed hash a subscription is found by: one row per address and topic. */
export function lookupKey(email: string, target: SubscriptionTarget): string {
  return keyed(lookupKeyBytes(), `${normaliseAddress(email)}|${targetKey(target)}`);
}

function sealSubscriber(email: string): Buffer {
  return sealBytes(SEAL_PURPOSE, normaliseAddress(email));
}

/** The address of a subscription, or undefined when it cannot be opened (the throttle secret was replaced). */
export function openSubscriber(sealed: Uint8Array): string | undefined {
  return openBytes(SEAL_PURPOSE, sealed);
}

/** The SHA-256 of a confirmation token (base64url), as stored. */
export function hashConfirmToken(token: string): string {
  return encodeBase64urlNoPadding(sha256(new TextEncoder().encode(token)));
}

const CONFIRM_TOKEN = /^[A-Za-z0-9_-]{43}$/;
const UNSUBSCRIBE_TOKEN = /^([1-9a-z][0-9a-z]{0,10})-([A-Za-z0-9_-]{43})$/;

/** Whether a path segment can be a confirmation token at all (anything else is unknown without a query). */
export function isConfirmTokenShape(token: string): boolean {
  return CONFIRM_TOKEN.test(token);
}

/** The unsubscribe link's token for a subscription: its id and an HMAC of it. */
export function unsubscribeToken(id: number): string {
  return `${id.toString(36)}-${keyed(unsubscribeKey(), `unsubscribe ${id}`)}`;
}

/** The subscription id an unsubscribe token names, when its MAC is right; undefined for anything forged or mistyped. */
export function verifyUnsubscribeToken(token: string): number | undefined {
  const match = UNSUBSCRIBE_TOKEN.exec(token);
  if (!match) return undefined;
  const id = Number.parseInt(match[1]!, 36);
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const expected = keyed(unsubscribeKey(), `unsubscribe ${id}`);
  // Both are 43 characters of base64url: compare without an early exit.
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (match[2]!.charCodeAt(i) || 0);
  return diff === 0 ? id : undefined;
}

/** The confirmation page's link (Danish or English). */
export function confirmPath(locale: Locale, token: string): string {
  return localePath(locale, `/abonnement/bekraeft/${token}`);
}

/** The unsubscribe page's link, also the List-Unsubscribe target (RFC 8058). */
export function unsubscribePath(locale: Locale, id: number): string {
  return localePath(locale, `/abonnement/afmeld/${unsubscribeToken(id)}`);
}

/** What a subscription follows, in words, or undefined when its area or initiative is gone or unpublished. */
export async function describeTarget(db: Queryable, target: SubscriptionTarget, locale: Locale): Promise<string | undefined> {
  const w = messages(locale).subscriptions.what;
  if (target.topic === 'events') return w.events;
  if (target.topic === 'results') return w.results;
  if (target.topic === 'area') {
    const [area] = await db.select({ nameDa: areas.nameDa, nameEn: areas.nameEn }).from(areas).where(eq(areas.id, target.areaId)).limit(1);
    return area ? w.area(nameIn(locale, area)) : undefined;
  }
  const [initiative] = await db
    .select({ titleDa: initiatives.titleDa, titleEn: initiatives.titleEn })
    .from(initiatives)
    .where(and(eq(initiatives.id, target.initiativeId), eq(initiatives.state, 'published')))
    .limit(1);
  return initiative ? w.initiative(pick(locale, initiative.titleDa, initiative.titleEn).text) : undefined;
}

/** The target of a stored subscription. */
export function targetOf(row: Pick<Subscription, 'topic' | 'areaId' | 'initiativeId'>): SubscriptionTarget {
  const topic: SubscriptionTopic = row.topic;
  if (topic === 'area') return { topic, areaId: row.areaId! };
  if (topic === 'initiative') return { topic, initiativeId: row.initiativeId! };
  return { topic };
}

/** Finds the area or published initiative a form names by slug (the forms post slugs, never ids). */
export async function resolveTarget(db: Queryable, topic: string, slugs: { area: string; initiative: string }): Promise<SubscriptionTarget | 'unknown' | 'missing_area' | 'missing_topic'> {
  if (topic === 'events' || topic === 'results') return { topic };
  if (topic === 'area') {
    if (slugs.area === '') return 'missing_area';
    // A retired area takes no new subscribers (those who follow it keep their mails).
    const [area] = await db.select({ id: areas.id }).from(areas).where(and(eq(areas.slug, slugs.area), isNull(areas.retiredAt))).limit(1);
    return area ? { topic, areaId: area.id } : 'unknown';
  }
  if (topic === 'initiative') {
    const [initiative] = await db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(and(eq(initiatives.slug, slugs.initiative), eq(initiatives.state, 'published')))
      .limit(1);
    return initiative ? { topic, initiativeId: initiative.id } : 'unknown';
  }
  return topic === '' ? 'missing_topic' : 'unknown';
}

export interface SubscribeRequest {
  email: string;
  target: SubscriptionTarget;
  /** The language of the page, and so of the mails. */
  locale: Locale;
  /** For the absolute confirmation link. */
  origin: string;
  now?: Date;
}

/**
 * Asks for a subscription, in one transaction: a new unconfirmed row and its
 * confirmation mail; for an unconfirmed one, a new link (the old one stops
 * working); for a confirmed one, a mail saying so. The caller shows the same
 * answer in every case, so the page never tells whether an address is
 * subscribed. False when what is followed no longer exists.
 */
export async function requestSubscription(db: Queryable, input: SubscribeRequest): Promise<boolean> {
  const now = input.now ?? new Date();
  const what = await describeTarget(db, input.target, input.locale);
  if (what === undefined) return false;
  // A confirmed subscription is answered in its own language, which may differ from this page's.
  const [kept] = await db.select({ locale: subscriptions.locale }).from(subscriptions).where(eq(subscriptions.lookupKey, lookupKey(input.email, input.target))).limit(1);
  const ownWhat = kept && kept.locale !== input.locale ? await describeTarget(db, input.target, kept.locale) : undefined;
  const m = messages(input.locale).subscriptions.mail;
  const token = encodeBase64urlNoPadding(randomBytes(32));
  const confirmUrl = new URL(confirmPath(input.locale, token), input.origin).href;
  const key = lookupKey(input.email, input.target);
  await transaction(db, async (tx) => {
    const [existing] = await tx
      .select({ id: subscriptions.id, confirmedAt: subscriptions.confirmedAt, locale: subscriptions.locale })
      .from(subscriptions)
      .where(eq(subscriptions.lookupKey, key))
      .limit(1);
    if (existing?.confirmedAt) {
      // In the subscription's own language, like its digests and their unsubscribe footer.
      const own = messages(existing.locale).subscriptions.mail;
      await tx.insert(subscriptionMails).values({ subscriptionId: existing.id, kind: 'already', subject: own.alreadySubject, body: own.alreadyBody(ownWhat ?? what), nextAttemptAt: new Date() });
      return;
    }
    const fresh = { confirmHash: hashConfirmToken(token), expiresAt: dayBoundary(now, 2), locale: input.locale, addressSealed: sealSubscriber(input.email) };
    let id: number;
    if (existing) {
      id = existing.id;
      await tx.update(subscriptions).set(fresh).where(eq(subscriptions.id, id));
      // The earlier link is void: a confirmation mail still waiting would carry it.
      await tx.delete(subscriptionMails).where(eq(subscriptionMails.subscriptionId, id));
    } else {
      const t = input.target;
      const [row] = await tx
        .insert(subscriptions)
        .values({
          topic: t.topic,
          areaId: t.topic === 'area' ? t.areaId : null,
          initiativeId: t.topic === 'initiative' ? t.initiativeId : null,
          lookupKey: key,
          ...fresh,
        })
        // Two requests for the same address and topic at once (PostgreSQL): the other one stores it and sends the link.
        .onConflictDoNothing({ target: subscriptions.lookupKey })
        .returning({ id: subscriptions.id });
      if (!row) return;
      id = row.id;
    }
    await tx.insert(subscriptionMails).values({ subscriptionId: id, kind: 'confirm', subject: m.confirmSubject, body: m.confirmBody(what, confirmUrl), nextAttemptAt: new Date() });
  });
  return true;
}

/** What a confirmation link leads to. */
export type ConfirmLookup =
  | { kind: 'pending'; target: SubscriptionTarget; locale: Locale }
  | { kind: 'already' }
  | { kind: 'expired' }
  | { kind: 'unknown' };

async function findByConfirmToken(db: Queryable, token: string): Promise<Subscription | undefined> {
  if (!isConfirmTokenShape(token)) return undefined;
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.confirmHash, hashConfirmToken(token))).limit(1);
  return row;
}

/** For the confirmation page's GET: what the link would confirm, without changing anything (link scanners only look). */
export async function lookUpConfirmation(db: Queryable, token: string, now = new Date()): Promise<ConfirmLookup> {
  const row = await findByConfirmToken(db, token);
  if (!row) return { kind: 'unknown' };
  if (row.confirmedAt) return { kind: 'already' };
  if (row.expiresAt && row.expiresAt <= now) return { kind: 'expired' };
  return { kind: 'pending', target: targetOf(row), locale: row.locale };
}

export type ConfirmResult = { kind: 'confirmed'; target: SubscriptionTarget } | { kind: 'already' } | { kind: 'expired' } | { kind: 'unknown' };

/**
 * Confirms (the page's POST). An expired link deletes its row (address and
 * all); a second confirmation changes nothing. The confirmation and the
 * digest's start are stored as the day (midnight UTC), not the moment.
 */
export async function confirmSubscription(db: Queryable, token: string, now = new Date()): Promise<ConfirmResult> {
  const result = await transaction(db, async (tx): Promise<ConfirmResult> => {
    const row = await findByConfirmToken(tx, token);
    if (!row) return { kind: 'unknown' };
    if (row.confirmedAt) return { kind: 'already' };
    if (row.expiresAt && row.expiresAt <= now) {
      await tx.delete(subscriptions).where(eq(subscriptions.id, row.id));
      return { kind: 'expired' };
    }
    const day = dayBoundary(now);
    const done = await tx
      .update(subscriptions)
      .set({ confirmedAt: day, expiresAt: null, digestFrom: day })
      .where(and(eq(subscriptions.id, row.id), isNull(subscriptions.confirmedAt)))
      .returning({ id: subscriptions.id });
    if (done.length === 0) return { kind: 'already' };
    // The confirmation mail (with its link) is no longer needed if it is still waiting.
    await tx.delete(subscriptionMails).where(and(eq(subscriptionMails.subscriptionId, row.id), eq(subscriptionMails.kind, 'confirm')));
    return { kind: 'confirmed', target: targetOf(row) };
  });
  if (result.kind === 'expired') eraseRemnants(db);
  return result;
}

/** For the unsubscribe page's GET: what the link would cancel, or undefined for a forged, mistyped or used link. */
export async function lookUpUnsubscribe(db: Queryable, token: string): Promise<{ target: SubscriptionTarget } | undefined> {
  const id = verifyUnsubscribeToken(token);
  if (id === undefined) return undefined;
  const [row] = await db.select({ topic: subscriptions.topic, areaId: subscriptions.areaId, initiativeId: subscriptions.initiativeId }).from(subscriptions).where(eq(subscriptions.id, id)).limit(1);
  return row ? { target: targetOf(row) } : undefined;
}

/**
 * Unsubscribes (a POST from the page, or a mail client's one-click POST):
 * deletes the row, its address and its waiting mails. False when the link is
 * forged, mistyped or already used.
 */
export async function unsubscribe(db: Queryable, token: string): Promise<boolean> {
  const id = verifyUnsubscribeToken(token);
  if (id === undefined) return false;
  const deleted = await db.delete(subscriptions).where(eq(subscriptions.id, id)).returning({ id: subscriptions.id });
  if (deleted.length === 0) return false;
  // secure_delete zeroes the row; leave no copy of it in SQLite's write-ahead log.
  eraseRemnants(db);
  return true;
}
