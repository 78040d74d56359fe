/**
 * Sign-up for events, cancelling an event, and the minutes or walk findings
 * published after it (README "Events: sign-up, cancellation and minutes").
 *
 * Residents sign up without an account: a number of people and, when mail is
 * configured, an optional e-mail address for a confirmation with the cancel
 * link and for a notice if the event is cancelled. The cancel link's token
 * is stored only as its SHA-256. The count per event is a counter in
 * event_registrations, raised with one conditional statement (capacity,
 * open, not cancelled), so concurrent sign-ups on any number of instances
 * never take more places than there are; a CHECK is the last guard.
 * Sign-ups (with their addresses) are deleted after the event by the
 * retention job, at once when the event is cancelled (once the notices are
 * queued), or when the resident cancels; the count stays.
 *
 * Editors' actions (sign-up settings, cancelling, minutes) are checked for
 * the permission here as well as on the page, and audited.
 */
import { createHash } from 'node:crypto';
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import {
  eventMinutes,
  eventNotices,
  eventRegistrations,
  events,
  eventSignups,
  users,
  type Event,
  type EventMinutes,
  type EventRegistration,
} from '../../../db/schema.ts';
import type { Locale } from '../../lib/i18n/index.ts';
import { can } from '../../lib/permissions.ts';
import { listPlaces } from '../partnership/places.ts';
import { MIN_K } from '../../lib/disclosure/suppression.ts';
import { randomToken } from '../staff/auth/random.ts';
import { recordAudit } from '../staff/audit.ts';
import type { Queryable } from '../db/connection.ts';
import { eraseRemnants } from '../db/remnants.ts';
import { transaction } from '../db/transaction.ts';
import { derivedKey, sealAddress } from '../privacy/sealed.ts';

/** The most people one sign-up may be for (a household or a small group; larger groups contact the organiser). */
export const EVENT_SIGNUP_MAX_PEOPLE = 6;
/** The largest capacity an editor may set. */
export const EVENT_CAPACITY_MAX = 10_000;
/** The longest public cancellation note (per language). */
export const CANCEL_NOTE_MAX = 1000;
/** The longest minutes text (per language), as the schema's CHECK. */
export const MINUTES_MAX = 20_000;
/** The most named places minutes may be linked to. */
export const MINUTES_PLACES_MAX = 30;
/** The longest e-mail address accepted (RFC 5321's path limit). */
export const EMAIL_MAX = 254;

/** SHA-256 (hex) of a cancel token: what the database keeps. */
export function hashSignupToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token as issued (52 lower-case base32 characters); anything else is never looked up. */
export function isSignupTokenShape(token: string): boolean {
  return /^[a-z2-7]{52}$/.test(token);
}

export async function findRegistration(db: Queryable, eventId: number): Promise<EventRegistration | undefined> {
  const [row] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId)).limit(1);
  return row;
}

/**
 * Whether the public may see how many places are left (README "Privacy"):
 * only once at least K people have signed up, since capacity minus places
 * left is the number signed up. Below K the page says only that there are
 * places. The threshold is the disclosure engine's (PRIVACY_K, never below
 * MIN_K); editors see the exact count on the staff page, to plan the room.
 */
export function placesLeftShown(signedUp: number, k: number): boolean {
  return signedUp >= Math.max(MIN_K, k);
}

/** Places left (null: no limit). */
export function placesLeft(r: Pick<EventRegistration, 'capacity' | 'signedUp'>): number | null {
  return r.capacity === null ? null : Math.max(0, r.capacity - r.signedUp);
}

/**
 * What the public page offers for sign-up:
 * - `none`: the editors did not turn sign-up on;
 * - `open`: the form (with `left` places, null for no limit; `leftShown`: whether the number may be shown, placesLeftShown);
 * - `full`: every place is taken;
 * - `closed`: the editors closed it, or the event has started, ended or is cancelled.
 */
export type SignupAvailability =
  | { kind: 'none' }
  | { kind: 'open'; left: number | null; leftShown: boolean; signedUp: number }
  | { kind: 'full'; signedUp: number }
  | { kind: 'closed'; signedUp: number };

export function signupAvailability(event: Pick<Event, 'startsAt' | 'cancelledAt'>, r: EventRegistration | undefined, k: number, now = new Date()): SignupAvailability {
  if (!r) return { kind: 'none' };
  if (!r.open || event.cancelledAt !== null || event.startsAt <= now) return { kind: 'closed', signedUp: r.signedUp };
  const left = placesLeft(r);
  if (left === 0) return { kind: 'full', signedUp: r.signedUp };
  return { kind: 'open', left, leftShown: placesLeftShown(r.signedUp, k), signedUp: r.signedUp };
}

export interface NewSignup {
  eventId: number;
  people: number;
  email: string | null;
  locale: Locale;
  /**
   * The form's one-time submission value (SUBMISSION_PATTERN): the cancel
   * token is derived from it (signupTokenFor), so a repeat of the same form
   * (double click, resend) finds the first sign-up instead of making a second.
   */
  submission?: string | undefined;
}

/** A form's submission value: random, 16–64 URL-safe characters. */
export const SUBMISSION_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * The cancel token of the sign-up a form makes: an HMAC of the event and the
 * form's submission value under a key derived from the throttle secret
 * (src/server/privacy/sealed.ts), as long and as unguessable as a random token. Only
 * its hash is stored, as for a random one.
 */
export function signupTokenFor(eventId: number, submission: string): string {
  return encodeBase32LowerCaseNoPadding(hmac(SHA256, derivedKey('tryghed event signup token'), new TextEncoder().encode(`${eventId}:${submission}`)));
}

/** The sign-up a form already made (same event and submission value), if any. */
export async function findRepeatedSignup(db: Queryable, eventId: number, submission: string): Promise<{ token: string; signupId: number } | undefined> {
  const token = signupTokenFor(eventId, submission);
  const [row] = await db
    .select({ id: eventSignups.id })
    .from(eventSignups)
    .where(and(eq(eventSignups.eventId, eventId), eq(eventSignups.tokenHash, hashSignupToken(token))))
    .limit(1);
  return row ? { token, signupId: row.id } : undefined;
}

/**
 * Why a sign-up was refused (nothing is stored):
 * - `unknown`: no such published event;
 * - `closed`: sign-up is off or closed, or the event has started or ended;
 * - `cancelled`: the event is cancelled;
 * - `full`: fewer places left than people asked for (`left` says how many, `signedUp` how many have signed up);
 * - `people`: the number of people is outside 1–EVENT_SIGNUP_MAX_PEOPLE.
 */
export type SignupRefusal = 'unknown' | 'closed' | 'cancelled' | 'full' | 'people';
/** `repeated`: the same form was sent before; `token` is that sign-up's and nothing changed. */
export type SignupResult = { ok: true; token: string; signupId: number; repeated?: boolean } | { ok: false; reason: SignupRefusal; left?: number; signedUp?: number };

/**
 * Signs up `people` for an event in one transaction: the counter is raised
 * only where there is room (one conditional statement, which PostgreSQL
 * re-checks on the row a concurrent sign-up changed), then the sign-up and,
 * with an address, its confirmation are stored. Returns the cancel token
 * (shown once; only its hash is kept).
 */
export async function signUp(db: Queryable, input: NewSignup, now = new Date()): Promise<SignupResult> {
  if (!Number.isInteger(input.people) || input.people < 1 || input.people > EVENT_SIGNUP_MAX_PEOPLE) return { ok: false, reason: 'people' };
  const submission = input.submission !== undefined && SUBMISSION_PATTERN.test(input.submission) ? input.submission : undefined;
  const token = submission ? signupTokenFor(input.eventId, submission) : randomToken(32);
  const repeat = async () => (submission ? await findRepeatedSignup(db, input.eventId, submission) : undefined);
  const earlier = await repeat();
  if (earlier) return { ok: true, ...earlier, repeated: true };
  try {
    return await insertSignup(db, input, token, now);
  } catch (e) {
    // The same form sent twice at the same moment: the second insert meets the first's token hash.
    const first = await repeat();
    if (first) return { ok: true, ...first, repeated: true };
    throw e;
  }
}

async function insertSignup(db: Queryable, input: NewSignup, token: string, now: Date): Promise<SignupResult> {
  return transaction(db, async (tx): Promise<SignupResult> => {
    const [event] = await tx
      .select({ id: events.id, startsAt: events.startsAt, cancelledAt: events.cancelledAt })
      .from(events)
      .where(and(eq(events.id, input.eventId), eq(events.state, 'published')))
      .limit(1);
    if (!event) return { ok: false, reason: 'unknown' };
    if (event.cancelledAt !== null) return { ok: false, reason: 'cancelled' };
    if (event.startsAt <= now) return { ok: false, reason: 'closed' };
    const raised = await tx
      .update(eventRegistrations)
      .set({ signedUp: sql`${eventRegistrations.signedUp} + ${input.people}` })
      .where(
        and(
          eq(eventRegistrations.eventId, input.eventId),
          eq(eventRegistrations.open, true),
          or(isNull(eventRegistrations.capacity), lte(sql`${eventRegistrations.signedUp} + ${input.people}`, eventRegistrations.capacity)),
        ),
      )
      .returning({ signedUp: eventRegistrations.signedUp });
    if (raised.length === 0) {
      const r = await findRegistration(tx, input.eventId);
      if (!r || !r.open) return { ok: false, reason: 'closed' };
      return { ok: false, reason: 'full', left: placesLeft(r) ?? 0, signedUp: r.signedUp };
    }
    const [signup] = await tx
      .insert(eventSignups)
      .values({ eventId: input.eventId, people: input.people, email: input.email === null ? null : sealAddress(input.email), tokenHash: hashSignupToken(token), locale: input.locale })
      .returning({ id: eventSignups.id });
    if (!signup) throw new Error('sign-up not inserted');
    if (input.email !== null) {
      await tx.insert(eventNotices).values({
        eventId: input.eventId,
        signupId: signup.id,
        kind: 'confirmation',
        email: sealAddress(input.email),
        locale: input.locale,
        cancelToken: token,
        nextAttemptAt: new Date(),
      });
    }
    return { ok: true, token, signupId: signup.id };
  });
}

export interface SignupView {
  people: number;
  /** Whether an address was given (never the address itself). */
  hasEmail: boolean;
  event: Event;
}

/** The sign-up a cancel link belongs to, with its event; undefined for an unknown, malformed or already cancelled token. */
export async function findSignupByToken(db: Queryable, token: string): Promise<SignupView | undefined> {
  if (!isSignupTokenShape(token)) return undefined;
  const [row] = await db
    .select({ people: eventSignups.people, email: eventSignups.email, event: events })
    .from(eventSignups)
    .innerJoin(events, eq(events.id, eventSignups.eventId))
    .where(eq(eventSignups.tokenHash, hashSignupToken(token)))
    .limit(1);
  return row ? { people: row.people, hasEmail: row.email !== null, event: row.event } : undefined;
}

/**
 * Why a resident's cancellation was refused: `unknown` (a forged, malformed
 * or already used link: nothing to cancel), or `started` (the event has
 * begun; the sign-up goes with the others after the event).
 */
export type CancelSignupResult = { ok: true; event: Event; people: number } | { ok: false; reason: 'unknown' | 'started' };

/**
 * Cancels the sign-up the token belongs to: the row (with its address and
 * any unsent confirmation) is deleted and the counter lowered, in one
 * transaction. The delete is conditional, so a replayed link lowers nothing.
 */
export async function cancelSignup(db: Queryable, token: string, now = new Date()): Promise<CancelSignupResult> {
  if (!isSignupTokenShape(token)) return { ok: false, reason: 'unknown' };
  const hash = hashSignupToken(token);
  const result = await transaction(db, async (tx): Promise<CancelSignupResult> => {
    const [found] = await tx
      .select({ eventId: eventSignups.eventId, event: events })
      .from(eventSignups)
      .innerJoin(events, eq(events.id, eventSignups.eventId))
      .where(eq(eventSignups.tokenHash, hash))
      .limit(1);
    if (!found) return { ok: false, reason: 'unknown' };
    if (found.event.startsAt <= now) return { ok: false, reason: 'started' };
    const [gone] = await tx.delete(eventSignups).where(eq(eventSignups.tokenHash, hash)).returning({ people: eventSignups.people });
    if (!gone) return { ok: false, reason: 'unknown' };
    await tx
      .update(eventRegistrations)
      .set({ signedUp: sql`case when ${eventRegistrations.signedUp} >= ${gone.people} then ${eventRegistrations.signedUp} - ${gone.people} else 0 end` })
      .where(eq(eventRegistrations.eventId, found.eventId));
    return { ok: true, event: found.event, people: gone.people };
  });
  // The sign-up held an address: leave no copy in SQLite's write-ahead log.
  if (result.ok) eraseRemnants(db);
  return result;
}

/** Refusals of editors' actions; nothing is stored when one is returned. */
export type EditorRefusal = 'forbidden' | 'not_found' | 'below_count' | 'cancelled' | 'ended' | 'not_ended' | 'already_cancelled' | 'not_published';
export type EditorResult<T = object> = ({ ok: true } & T) | { ok: false; reason: EditorRefusal };

class Refused extends Error {
  readonly reason: EditorRefusal;
  constructor(reason: EditorRefusal) {
    super(reason);
    this.reason = reason;
  }
}

/** Runs an editor's action in one transaction, after checking the account may edit content; a refusal rolls it back. */
async function editorAction<T extends object>(db: Queryable, actorId: number, fn: (tx: Queryable) => Promise<T>): Promise<EditorResult<T>> {
  try {
    return await transaction(db, async (tx) => {
      const [actor] = await tx.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, actorId)).limit(1);
      if (!actor || actor.disabledAt !== null || !can(actor.role, 'content.edit')) throw new Refused('forbidden');
      return { ok: true as const, ...(await fn(tx)) };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  }
}

async function eventFor(tx: Queryable, eventId: number): Promise<Event> {
  const [event] = await tx.select().from(events).where(eq(events.id, eventId)).limit(1);
  if (!event) throw new Refused('not_found');
  return event;
}

export interface SignupSettings {
  /** Residents can sign up. */
  open: boolean;
  /** Null: no limit. */
  capacity: number | null;
}

/**
 * Turns sign-up on or off for an event and sets its capacity (never below
 * the number already signed up: the update is conditional on it). Audited.
 */
export async function setSignupSettings(db: Queryable, eventId: number, settings: SignupSettings, actorId: number): Promise<EditorResult> {
  return editorAction(db, actorId, async (tx) => {
    const event = await eventFor(tx, eventId);
    if (event.cancelledAt !== null && settings.open) throw new Refused('cancelled');
    const before = await findRegistration(tx, eventId);
    if (!before) {
      await tx.insert(eventRegistrations).values({ eventId, open: settings.open, capacity: settings.capacity });
    } else {
      const changed = await tx
        .update(eventRegistrations)
        .set({ open: settings.open, capacity: settings.capacity, updatedAt: new Date() })
        .where(
          and(
            eq(eventRegistrations.eventId, eventId),
            settings.capacity === null ? undefined : lte(eventRegistrations.signedUp, settings.capacity),
          ),
        )
        .returning({ eventId: eventRegistrations.eventId });
      if (changed.length === 0) throw new Refused('below_count');
    }
    const describe = (s: { open: boolean; capacity: number | null } | undefined) =>
      s ? `${s.open ? 'open' : 'closed'}, capacity ${s.capacity ?? 'none'}` : 'off';
    await recordAudit(tx, { userId: actorId, action: 'event.signup_settings', entityType: 'event', entityId: eventId, summary: `${describe(before)} → ${describe(settings)}` });
    return {};
  });
}

export interface CancelNote {
  noteDa: string | null;
  noteEn: string | null;
}

/**
 * Cancels an event that has not ended (final): the public page and the
 * calendars say so, sign-up closes, a cancellation notice is queued for
 * every sign-up with an address, and the sign-ups are deleted (the count
 * stays). One transaction; audited with the number of notices queued.
 * The registration row is locked first, so a sign-up committing meanwhile
 * is either refused or seen here and notified.
 */
export async function cancelEvent(db: Queryable, eventId: number, note: CancelNote, actorId: number, now = new Date()): Promise<EditorResult<{ notices: number }>> {
  const result = await editorAction(db, actorId, async (tx) => {
    const event = await eventFor(tx, eventId);
    if (event.cancelledAt !== null) throw new Refused('already_cancelled');
    if (event.endsAt <= now) throw new Refused('ended');
    await tx.update(eventRegistrations).set({ open: false, updatedAt: now }).where(eq(eventRegistrations.eventId, eventId));
    const changed = await tx
      .update(events)
      .set({ cancelledAt: now, cancelNoteDa: note.noteDa, cancelNoteEn: note.noteEn, updatedAt: now })
      .where(and(eq(events.id, eventId), isNull(events.cancelledAt)))
      .returning({ id: events.id });
    if (changed.length === 0) throw new Refused('already_cancelled');
    const contacts = await tx
      .select({ email: eventSignups.email, locale: eventSignups.locale })
      .from(eventSignups)
      .where(and(eq(eventSignups.eventId, eventId), isNotNull(eventSignups.email)));
    for (const c of contacts) {
      await tx.insert(eventNotices).values({ eventId, kind: 'cancellation', email: c.email!, locale: c.locale, nextAttemptAt: new Date() });
    }
    // The addresses now live only in the outbox until sent; unsent confirmations go with their sign-ups.
    await tx.delete(eventSignups).where(eq(eventSignups.eventId, eventId));
    await recordAudit(tx, {
      userId: actorId,
      action: 'event.cancel',
      entityType: 'event',
      entityId: eventId,
      summary: `cancelled; ${contacts.length} notice(s) queued${note.noteDa ? `; note: ${note.noteDa}` : ''}`,
    });
    return { notices: contacts.length };
  });
  if (result.ok) eraseRemnants(db);
  return result;
}

export interface MinutesInput {
  bodyDa: string;
  bodyEn: string | null;
  /** Named place ids (src/lib/places.ts), each once. */
  places: string[];
}

export async function findMinutes(db: Queryable, eventId: number): Promise<EventMinutes | undefined> {
  const [row] = await db.select().from(eventMinutes).where(eq(eventMinutes.eventId, eventId)).limit(1);
  return row;
}

/**
 * Publishes (or corrects) the minutes or walk findings of an event that has
 * ended; they are public at once on the event's page. Unknown place ids are
 * refused by the caller's parser and again here. Audited.
 */
export async function saveMinutes(db: Queryable, eventId: number, input: MinutesInput, actorId: number, now = new Date()): Promise<EditorResult> {
  const known = await listPlaces(db);
  if (input.places.some((id) => !known.find(id))) throw new Error('unknown place id');
  return editorAction(db, actorId, async (tx) => {
    const event = await eventFor(tx, eventId);
    if (event.endsAt > now) throw new Refused('not_ended');
    if (event.cancelledAt !== null) throw new Refused('cancelled');
    const before = await findMinutes(tx, eventId);
    if (before) {
      await tx.update(eventMinutes).set({ ...input, updatedAt: now }).where(eq(eventMinutes.eventId, eventId));
    } else {
      await tx.insert(eventMinutes).values({ eventId, ...input, publishedAt: now });
    }
    await recordAudit(tx, {
      userId: actorId,
      action: before ? 'event.minutes_update' : 'event.minutes_publish',
      entityType: 'event',
      entityId: eventId,
      summary: `${[...input.bodyDa].length} characters; places: ${input.places.join(', ') || 'none'}`,
    });
    return {};
  });
}

/** Takes the minutes down (e.g. published on the wrong event). Audited. */
export async function removeMinutes(db: Queryable, eventId: number, actorId: number): Promise<EditorResult> {
  return editorAction(db, actorId, async (tx) => {
    await eventFor(tx, eventId);
    const gone = await tx.delete(eventMinutes).where(eq(eventMinutes.eventId, eventId)).returning({ eventId: eventMinutes.eventId });
    if (gone.length === 0) throw new Refused('not_found');
    await recordAudit(tx, { userId: actorId, action: 'event.minutes_remove', entityType: 'event', entityId: eventId, summary: 'minutes removed' });
    return {};
  });
}

/** Sign-ups of events that have ended (the retention job deletes them; exported for its rule). */
export function signupsOfEndedEvents(now: Date) {
  return sql`exists (select 1 from ${events} where ${eq(events.id, eventSignups.eventId)} and ${lte(events.endsAt, now)})`;
}

