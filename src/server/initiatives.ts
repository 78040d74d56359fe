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
import { transaction } from './db/transaction.ts';

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
async function uniqueSlug(db: Queryable, title: string, exceptId?: number): Promise<string> {
  const base = slugify(title) || 'indsats';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const [row] = await db.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.slug, slug)).limit(1);
    if (!row || row.id === exceptId) return slug;
  }
}

async function setLinks(db: Queryable, id: number, input: Pick<InitiativeInput, 'partnerIds' | 'areaIds'>): Promise<void> {
  await db.delete(initiativePartners).where(eq(initiativePartners.initiativeId, id));
  await db.delete(initiativeAreas).where(eq(initiativeAreas.initiativeId, id));
  const partnerIds = [...new Set(input.partnerIds)];
  const areaIds = [...new Set(input.areaIds)];
  if (partnerIds.length) await db.insert(initiativePartners).values(partnerIds.map((partnerId) => ({ initiativeId: id, partnerId })));
  if (areaIds.length) await db.insert(initiativeAreas).values(areaIds.map((areaId) => ({ initiativeId: id, areaId })));
}

function fields(input: InitiativeInput) {
  const { partnerIds: _p, areaIds: _a, ...rest } = input;
  return rest;
}

export async function createInitiative(db: Queryable, input: InitiativeInput, actorId: number | null): Promise<Initiative> {
  return transaction(db, async (tx) => {
    const [row] = await tx
      .insert(initiatives)
      .values({ ...fields(input), slug: await uniqueSlug(tx, input.titleDa), state: 'draft' })
      .returning();
    if (!row) throw new Error('initiative not inserted');
    await setLinks(tx, row.id, input);
    await recordAudit(tx, { userId: actorId, action: 'initiative.create', entityType: 'initiative', entityId: row.id, summary: row.titleDa });
    return row;
  });
}

export async function updateInitiative(db: Queryable, id: number, input: InitiativeInput, actorId: number | null): Promise<Initiative | undefined> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(initiatives).where(eq(initiatives.id, id)).limit(1);
    if (!before) return undefined;
    const [row] = await tx
      .update(initiatives)
      .set({ ...fields(input), updatedAt: new Date() })
      .where(eq(initiatives.id, id))
      .returning();
    await setLinks(tx, id, input);
    await recordAudit(tx, {
      userId: actorId,
      action: 'initiative.update',
      entityType: 'initiative',
      entityId: id,
      summary: describeChange(before, fields(input)) || 'partners/areas',
    });
    return row;
  });
}

export async function setInitiativeState(db: Queryable, id: number, state: 'draft' | 'published', actorId: number | null): Promise<boolean> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(initiatives).where(eq(initiatives.id, id)).limit(1);
    if (!before) return false;
    await tx.update(initiatives)
      .set({ state, publishedAt: state === 'published' ? (before.publishedAt ?? new Date()) : before.publishedAt, updatedAt: new Date() })
      .where(eq(initiatives.id, id));
    await recordAudit(tx, {
      userId: actorId,
      action: state === 'published' ? 'initiative.publish' : 'initiative.unpublish',
      entityType: 'initiative',
      entityId: id,
      summary: `${before.state} → ${state}`,
    });
    return true;
  });
}

export async function addInitiativeUpdate(
  db: Queryable,
  initiativeId: number,
  input: { happenedOn: string; textDa: string; textEn: string | null },
  actorId: number | null,
): Promise<InitiativeUpdate> {
  return transaction(db, async (tx) => {
    const [row] = await tx.insert(initiativeUpdates).values({ initiativeId, ...input }).returning();
    await tx.update(initiatives).set({ updatedAt: new Date() }).where(eq(initiatives.id, initiativeId));
    await recordAudit(tx, {
      userId: actorId,
      action: 'initiative.add_update',
      entityType: 'initiative',
      entityId: initiativeId,
      summary: `${input.happenedOn}: ${input.textDa.slice(0, 60)}`,
    });
    return row!;
  });
}

async function detail(db: Queryable, initiative: Initiative): Promise<InitiativeDetail> {
  const id = initiative.id;
  const partnerRows = await db
    .select({ p: partners })
    .from(initiativePartners)
    .innerJoin(partners, eq(partners.id, initiativePartners.partnerId))
    .where(eq(initiativePartners.initiativeId, id))
    .orderBy(asc(partners.displayOrder));
  const areaRows = await db
    .select({ a: areas })
    .from(initiativeAreas)
    .innerJoin(areas, eq(areas.id, initiativeAreas.areaId))
    .where(eq(initiativeAreas.initiativeId, id))
    .orderBy(asc(areas.displayOrder));
  const updates = await db
    .select()
    .from(initiativeUpdates)
    .where(eq(initiativeUpdates.initiativeId, id))
    .orderBy(desc(initiativeUpdates.happenedOn), desc(initiativeUpdates.id));
  return {
    initiative,
    partners: partnerRows.map((r) => r.p),
    areas: areaRows.map((r) => r.a),
    updates,
  };
}

/** A published initiative by slug, with everything its public page shows. */
export async function findPublishedInitiative(db: Queryable, slug: string): Promise<InitiativeDetail | undefined> {
  const [row] = await db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.slug, slug), eq(initiatives.state, 'published')))
    .limit(1);
  return row ? detail(db, row) : undefined;
}

/** Any initiative by id (staff). */
export async function findInitiative(db: Queryable, id: number): Promise<InitiativeDetail | undefined> {
  const [row] = await db.select().from(initiatives).where(eq(initiatives.id, id)).limit(1);
  return row ? detail(db, row) : undefined;
}

/** Published initiatives matching the filter, newest first, each with partners and areas. */
export async function listPublishedInitiatives(db: Queryable, filter: InitiativeFilter = {}): Promise<InitiativeDetail[]> {
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
  const rows = await db
    .select()
    .from(initiatives)
    .where(and(...where))
    .orderBy(desc(initiatives.publishedAt), desc(initiatives.id));
  const list: InitiativeDetail[] = [];
  for (const row of rows) list.push(await detail(db, row));
  return list;
}

/** Every initiative, drafts included, for the staff list. */
export async function listAllInitiatives(db: Queryable): Promise<Initiative[]> {
  return db.select().from(initiatives).orderBy(desc(initiatives.updatedAt), desc(initiatives.id));
}
