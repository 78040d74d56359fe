/** Events (arrangementer): citizen meetings, safety walks and office hours. Staff writes are audited. */
import { and, asc, desc, eq, gte } from 'drizzle-orm';
import { areas, events, partners, type Area, type Event, type EventKind, type Partner } from '../../db/schema.ts';
import { slugify } from '../lib/localized.ts';
import { describeChange, recordAudit } from './audit.ts';
import type { Queryable } from './db/connection.ts';

export interface EventInput {
  kind: EventKind;
  titleDa: string;
  titleEn: string | null;
  descriptionDa: string;
  descriptionEn: string | null;
  place: string;
  lat: number | null;
  lon: number | null;
  startsAt: Date;
  endsAt: Date;
  areaId: number | null;
  partnerId: number | null;
  initiativeId: number | null;
}

export interface EventDetail {
  event: Event;
  area: Area | null;
  partner: Partner | null;
}

function uniqueSlug(db: Queryable, title: string, startsAt: Date, exceptId?: number): string {
  const base = `${slugify(title) || 'arrangement'}-${startsAt.toISOString().slice(0, 10)}`;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const row = db.select({ id: events.id }).from(events).where(eq(events.slug, slug)).get();
    if (!row || row.id === exceptId) return slug;
  }
}

export function createEvent(db: Queryable, input: EventInput, actorId: number | null): Event {
  return db.transaction((tx) => {
    const row = tx
      .insert(events)
      .values({ ...input, slug: uniqueSlug(tx, input.titleDa, input.startsAt), state: 'draft' })
      .returning()
      .get();
    recordAudit(tx, { userId: actorId, action: 'event.create', entityType: 'event', entityId: row.id, summary: row.titleDa });
    return row;
  });
}

export function updateEvent(db: Queryable, id: number, input: EventInput, actorId: number | null): Event | undefined {
  return db.transaction((tx) => {
    const before = tx.select().from(events).where(eq(events.id, id)).get();
    if (!before) return undefined;
    const row = tx.update(events).set({ ...input, updatedAt: new Date() }).where(eq(events.id, id)).returning().get();
    recordAudit(tx, { userId: actorId, action: 'event.update', entityType: 'event', entityId: id, summary: describeChange(before, { ...input }) });
    return row;
  });
}

export function setEventState(db: Queryable, id: number, state: 'draft' | 'published', actorId: number | null): boolean {
  return db.transaction((tx) => {
    const before = tx.select().from(events).where(eq(events.id, id)).get();
    if (!before) return false;
    tx.update(events)
      .set({ state, publishedAt: state === 'published' ? (before.publishedAt ?? new Date()) : before.publishedAt, updatedAt: new Date() })
      .where(eq(events.id, id))
      .run();
    recordAudit(tx, {
      userId: actorId,
      action: state === 'published' ? 'event.publish' : 'event.unpublish',
      entityType: 'event',
      entityId: id,
      summary: `${before.state} → ${state}`,
    });
    return true;
  });
}

function withRelations(db: Queryable, event: Event): EventDetail {
  return {
    event,
    area: event.areaId ? (db.select().from(areas).where(eq(areas.id, event.areaId)).get() ?? null) : null,
    partner: event.partnerId ? (db.select().from(partners).where(eq(partners.id, event.partnerId)).get() ?? null) : null,
  };
}

/** Published events; upcoming ones (ending after `from`) first in time order, or all when `from` is omitted. */
export function listPublishedEvents(db: Queryable, options: { from?: Date } = {}): EventDetail[] {
  const where = options.from
    ? and(eq(events.state, 'published'), gte(events.endsAt, options.from))
    : eq(events.state, 'published');
  return db.select().from(events).where(where).orderBy(asc(events.startsAt)).all().map((e) => withRelations(db, e));
}

/** Published events that have ended, newest first. */
export function listPastEvents(db: Queryable, now: Date, limit = 20): EventDetail[] {
  return db
    .select()
    .from(events)
    .where(and(eq(events.state, 'published')))
    .orderBy(desc(events.startsAt))
    .all()
    .filter((e) => e.endsAt < now)
    .slice(0, limit)
    .map((e) => withRelations(db, e));
}

export function findPublishedEvent(db: Queryable, slug: string): EventDetail | undefined {
  const row = db.select().from(events).where(and(eq(events.slug, slug), eq(events.state, 'published'))).get();
  return row ? withRelations(db, row) : undefined;
}

export function findEvent(db: Queryable, id: number): EventDetail | undefined {
  const row = db.select().from(events).where(eq(events.id, id)).get();
  return row ? withRelations(db, row) : undefined;
}

export function listAllEvents(db: Queryable): Event[] {
  return db.select().from(events).orderBy(desc(events.startsAt)).all();
}

/** Published events belonging to an initiative. */
export function listEventsForInitiative(db: Queryable, initiativeId: number): Event[] {
  return db
    .select()
    .from(events)
    .where(and(eq(events.initiativeId, initiativeId), eq(events.state, 'published')))
    .orderBy(asc(events.startsAt))
    .all();
}
