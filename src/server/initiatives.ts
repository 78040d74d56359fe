/**
 * Initiatives (indsatser): the partnership's general safety measures, their
 * partners, areas and dated progress updates. Staff writes are audited.
 */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import {
  areas,
  initiativeAreas,
  initiativePartners,
  initiatives,
  initiativeUpdates,
  partners,
  type Area,
  type Initiative,
  type InitiativeStatus,
  type InitiativeUpdate,
  type Partner,
  type Track,
} from '../../db/schema.ts';
import { slugify } from '../lib/localized.ts';
import { describeChange, recordAudit } from './audit.ts';
import type { Queryable } from './db/connection.ts';

export interface InitiativeInput {
  titleDa: string;
  titleEn: string | null;
  summaryDa: string;
  summaryEn: string | null;
  bodyDa: string;
  bodyEn: string | null;
  track: Track;
  status: InitiativeStatus;
  startsOn: string | null;
  endsOn: string | null;
  partnerIds: number[];
  areaIds: number[];
}

export interface InitiativeDetail {
  initiative: Initiative;
  partners: Partner[];
  areas: Area[];
  updates: InitiativeUpdate[];
}

export interface InitiativeFilter {
  areaSlug?: string | undefined;
  partnerSlug?: string | undefined;
  status?: InitiativeStatus | undefined;
}

/** A free slug for a title: `title`, then `title-2`, `title-3` … */
function uniqueSlug(db: Queryable, title: string, exceptId?: number): string {
  const base = slugify(title) || 'indsats';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const row = db.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.slug, slug)).get();
    if (!row || row.id === exceptId) return slug;
  }
}

function setLinks(db: Queryable, id: number, input: Pick<InitiativeInput, 'partnerIds' | 'areaIds'>): void {
  db.delete(initiativePartners).where(eq(initiativePartners.initiativeId, id)).run();
  db.delete(initiativeAreas).where(eq(initiativeAreas.initiativeId, id)).run();
  const partnerIds = [...new Set(input.partnerIds)];
  const areaIds = [...new Set(input.areaIds)];
  if (partnerIds.length) db.insert(initiativePartners).values(partnerIds.map((partnerId) => ({ initiativeId: id, partnerId }))).run();
  if (areaIds.length) db.insert(initiativeAreas).values(areaIds.map((areaId) => ({ initiativeId: id, areaId }))).run();
}

function fields(input: InitiativeInput) {
  const { partnerIds: _p, areaIds: _a, ...rest } = input;
  return rest;
}

export function createInitiative(db: Queryable, input: InitiativeInput, actorId: number | null): Initiative {
  return db.transaction((tx) => {
    const row = tx
      .insert(initiatives)
      .values({ ...fields(input), slug: uniqueSlug(tx, input.titleDa), state: 'draft' })
      .returning()
      .get();
    setLinks(tx, row.id, input);
    recordAudit(tx, { userId: actorId, action: 'initiative.create', entityType: 'initiative', entityId: row.id, summary: row.titleDa });
    return row;
  });
}

export function updateInitiative(db: Queryable, id: number, input: InitiativeInput, actorId: number | null): Initiative | undefined {
  return db.transaction((tx) => {
    const before = tx.select().from(initiatives).where(eq(initiatives.id, id)).get();
    if (!before) return undefined;
    const row = tx
      .update(initiatives)
      .set({ ...fields(input), updatedAt: new Date() })
      .where(eq(initiatives.id, id))
      .returning()
      .get();
    setLinks(tx, id, input);
    recordAudit(tx, {
      userId: actorId,
      action: 'initiative.update',
      entityType: 'initiative',
      entityId: id,
      summary: describeChange(before, fields(input)) || 'partners/areas',
    });
    return row;
  });
}

export function setInitiativeState(db: Queryable, id: number, state: 'draft' | 'published', actorId: number | null): boolean {
  return db.transaction((tx) => {
    const before = tx.select().from(initiatives).where(eq(initiatives.id, id)).get();
    if (!before) return false;
    tx.update(initiatives)
      .set({ state, publishedAt: state === 'published' ? (before.publishedAt ?? new Date()) : before.publishedAt, updatedAt: new Date() })
      .where(eq(initiatives.id, id))
      .run();
    recordAudit(tx, {
      userId: actorId,
      action: state === 'published' ? 'initiative.publish' : 'initiative.unpublish',
      entityType: 'initiative',
      entityId: id,
      summary: `${before.state} → ${state}`,
    });
    return true;
  });
}

export function addInitiativeUpdate(
  db: Queryable,
  initiativeId: number,
  input: { happenedOn: string; textDa: string; textEn: string | null },
  actorId: number | null,
): InitiativeUpdate {
  return db.transaction((tx) => {
    const row = tx.insert(initiativeUpdates).values({ initiativeId, ...input }).returning().get();
    tx.update(initiatives).set({ updatedAt: new Date() }).where(eq(initiatives.id, initiativeId)).run();
    recordAudit(tx, {
      userId: actorId,
      action: 'initiative.add_update',
      entityType: 'initiative',
      entityId: initiativeId,
      summary: `${input.happenedOn}: ${input.textDa.slice(0, 60)}`,
    });
    return row;
  });
}

function detail(db: Queryable, initiative: Initiative): InitiativeDetail {
  const id = initiative.id;
  return {
    initiative,
    partners: db
      .select({ p: partners })
      .from(initiativePartners)
      .innerJoin(partners, eq(partners.id, initiativePartners.partnerId))
      .where(eq(initiativePartners.initiativeId, id))
      .orderBy(asc(partners.displayOrder))
      .all()
      .map((r) => r.p),
    areas: db
      .select({ a: areas })
      .from(initiativeAreas)
      .innerJoin(areas, eq(areas.id, initiativeAreas.areaId))
      .where(eq(initiativeAreas.initiativeId, id))
      .orderBy(asc(areas.displayOrder))
      .all()
      .map((r) => r.a),
    updates: db
      .select()
      .from(initiativeUpdates)
      .where(eq(initiativeUpdates.initiativeId, id))
      .orderBy(desc(initiativeUpdates.happenedOn), desc(initiativeUpdates.id))
      .all(),
  };
}

/** A published initiative by slug, with everything its public page shows. */
export function findPublishedInitiative(db: Queryable, slug: string): InitiativeDetail | undefined {
  const row = db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.slug, slug), eq(initiatives.state, 'published')))
    .get();
  return row ? detail(db, row) : undefined;
}

/** Any initiative by id (staff). */
export function findInitiative(db: Queryable, id: number): InitiativeDetail | undefined {
  const row = db.select().from(initiatives).where(eq(initiatives.id, id)).get();
  return row ? detail(db, row) : undefined;
}

/** Published initiatives matching the filter, newest first, each with partners and areas. */
export function listPublishedInitiatives(db: Queryable, filter: InitiativeFilter = {}): InitiativeDetail[] {
  const where: SQL[] = [eq(initiatives.state, 'published')];
  if (filter.status) where.push(eq(initiatives.status, filter.status));
  if (filter.areaSlug) {
    const ids = db
      .select({ id: initiativeAreas.initiativeId })
      .from(initiativeAreas)
      .innerJoin(areas, eq(areas.id, initiativeAreas.areaId))
      .where(eq(areas.slug, filter.areaSlug));
    where.push(inArray(initiatives.id, ids));
  }
  if (filter.partnerSlug) {
    const ids = db
      .select({ id: initiativePartners.initiativeId })
      .from(initiativePartners)
      .innerJoin(partners, eq(partners.id, initiativePartners.partnerId))
      .where(eq(partners.slug, filter.partnerSlug));
    where.push(inArray(initiatives.id, ids));
  }
  return db
    .select()
    .from(initiatives)
    .where(and(...where))
    .orderBy(desc(initiatives.publishedAt), desc(initiatives.id))
    .all()
    .map((row) => detail(db, row));
}

/** Every initiative, drafts included, for the staff list. */
export function listAllInitiatives(db: Queryable): Initiative[] {
  return db.select().from(initiatives).orderBy(desc(initiatives.updatedAt), desc(initiatives.id)).all();
}
