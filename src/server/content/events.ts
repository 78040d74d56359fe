/** Events (arrangementer): citizen meetings, safety walks and office hours. Staff writes are audited. */
import { and, asc, desc, eq, gte } from 'drizzle-orm';
import { areas, events, partners, type Area, type Event, type Partner } from '../../../db/schema.ts';
import type { EventInput } from '../../lib/editor-forms.ts';
import { slugify } from '../../lib/localized.ts';
import { describeChange, recordAudit } from '../staff/audit.ts';
import type { Queryable } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';

export interface EventDetail {
  event: Event;
  area: Area | null;
  partner: Partner | null;
}

async function uniqueSlug(db: Queryable, title: string, startsAt: Date, exceptId?: number): Promise<string> {
  const base = `${slugify(title) || 'arrangement'}-${startsAt.toISOString().slice(0, 10)}`;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const [row] = await db.select({ id: events.id }).from(events).where(eq(events.slug, slug)).limit(1);
    if (!row || row.id === exceptId) return slug;
  }
}

export async function createEvent(db: Queryable, input: EventInput, actorId: number | null): Promise<Event> {
  return transaction(db, async (tx) => {
    const [row] = await tx
      .insert(events)
      .values({ ...input, slug: await uniqueSlug(tx, input.titleDa, input.startsAt), state: 'draft' })
      .returning();
    if (!row) throw new Error('event not inserted');
    await recordAudit(tx, { userId: actorId, action: 'event.create', entityType: 'event', entityId: row.id, summary: row.titleDa });
    return row;
  });
}

export async function updateEvent(db: Queryable, id: number, input: EventInput, actorId: number | null): Promise<Event | undefined> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(events).where(eq(events.id, id)).limit(1);
    if (!before) return undefined;
    const [row] = await tx.update(events).set({ ...input, updatedAt: new Date() }).where(eq(events.id, id)).returning();
    await recordAudit(tx, { userId: actorId, action: 'event.update', entityType: 'event', entityId: id, summary: describeChange(before, { ...input }) });
    return row;
  });
}

export async function setEventState(db: Queryable, id: number, state: 'draft' | 'published', actorId: number | null): Promise<boolean> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(events).where(eq(events.id, id)).limit(1);
    if (!before) return false;
    await tx.update(events)
      .set({ state, publishedAt: state === 'published' ? (before.publishedAt ?? new Date()) : before.publishedAt, updatedAt: new Date() })
      .where(eq(events.id, id));
    await recordAudit(tx, {
      userId: actorId,
      action: state === 'published' ? 'event.publish' : 'event.unpublish',
      entityType: 'event',
      entityId: id,
      summary: `${before.state} → ${state}`,
    });
    return true;
  });
}

async function withRelations(db: Queryable, event: Event): Promise<EventDetail> {
  const [area] = event.areaId ? await db.select().from(areas).where(eq(areas.id, event.areaId)).limit(1) : [];
  const [partner] = event.partnerId ? await db.select().from(partners).where(eq(partners.id, event.partnerId)).limit(1) : [];
  return {
    event,
    area: area ?? null,
    partner: partner ?? null,
  };
}

/** Each event with its area and partner, in the same order. */
async function allWithRelations(db: Queryable, list: readonly Event[]): Promise<EventDetail[]> {
  const out: EventDetail[] = [];
  for (const e of list) out.push(await withRelations(db, e));
  return out;
}

/** Published events; upcoming ones (ending after `from`) first in time order, or all when `from` is omitted. */
export async function listPublishedEvents(db: Queryable, options: { from?: Date } = {}): Promise<EventDetail[]> {
  const where = options.from
    ? and(eq(events.state, 'published'), gte(events.endsAt, options.from))
    : eq(events.state, 'published');
  return allWithRelations(db, await db.select().from(events).where(where).orderBy(asc(events.startsAt)));
}

/** Published events that have ended, newest first. */
export async function listPastEvents(db: Queryable, now: Date, limit = 20): Promise<EventDetail[]> {
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.state, 'published')))
    .orderBy(desc(events.startsAt));
  return allWithRelations(db, rows.filter((e) => e.endsAt < now).slice(0, limit));
}

export async function findPublishedEvent(db: Queryable, slug: string): Promise<EventDetail | undefined> {
  const [row] = await db.select().from(events).where(and(eq(events.slug, slug), eq(events.state, 'published'))).limit(1);
  return row ? withRelations(db, row) : undefined;
}

export async function findEvent(db: Queryable, id: number): Promise<EventDetail | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, id)).limit(1);
  return row ? withRelations(db, row) : undefined;
}

export async function listAllEvents(db: Queryable): Promise<Event[]> {
  return db.select().from(events).orderBy(desc(events.startsAt));
}

/** Published events belonging to an initiative. */
export async function listEventsForInitiative(db: Queryable, initiativeId: number): Promise<Event[]> {
  return db
    .select()
    .from(events)
    .where(and(eq(events.initiativeId, initiativeId), eq(events.state, 'published')))
    .orderBy(asc(events.startsAt));
}
