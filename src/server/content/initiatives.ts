/**
 * Initiatives (indsatser): the partnership's general safety measures, their
 * partners, areas, milestones (with the progress they add up to) and dated
 * progress updates, which can be corrected (the earlier wording stays
 * visible) or withdrawn (with a reason shown in their place). Staff writes
 * are audited.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  areas,
  initiativeAreas,
  initiativePartners,
  initiatives,
  initiativeMilestones,
  initiativeUpdates,
  initiativeUpdateVersions,
  partners,
  type Area,
  type Initiative,
  type InitiativeStatus,
  type InitiativeUpdate,
  type InitiativeMilestone,
  type InitiativeUpdateVersion,
  type Partner,
} from '../../../db/schema.ts';
import type { InitiativeInput, MilestoneInput, UpdateInput } from '../../lib/editor-forms.ts';
import { slugify } from '../../lib/localized.ts';
import { describeChange, recordAudit } from '../staff/audit.ts';
import { listAreas } from '../partnership/areas.ts';
import type { Queryable } from '../db/connection.ts';
import { groupConcat, rawRow } from '../db/raw.ts';
import { inList } from '../db/in-list.ts';
import { transaction } from '../db/transaction.ts';

export interface InitiativeDetail {
  initiative: Initiative;
  partners: Partner[];
  areas: Area[];
  updates: InitiativeUpdate[];
  /** Earlier wordings of corrected updates, by update id, oldest first. */
  versions: Map<number, InitiativeUpdateVersion[]>;
  milestones: InitiativeMilestone[];
}

/** How far an initiative has come: its milestones done, of those not dropped. */
export function progressOf(milestones: readonly Pick<InitiativeMilestone, 'state'>[]): { done: number; of: number } | undefined {
  const counted = milestones.filter((m) => m.state !== 'dropped');
  return counted.length === 0 ? undefined : { done: counted.filter((m) => m.state === 'done').length, of: counted.length };
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

export type UpdateChange = 'ok' | 'not_found' | 'retracted';

/** Corrects an update: the earlier wording is kept and shown as such. A withdrawn update cannot be corrected. */
export async function editInitiativeUpdate(db: Queryable, initiativeId: number, updateId: number, input: UpdateInput, actorId: number | null): Promise<UpdateChange> {
  return transaction(db, async (tx) => {
    const [before] = await tx
      .select()
      .from(initiativeUpdates)
      .where(and(eq(initiativeUpdates.id, updateId), eq(initiativeUpdates.initiativeId, initiativeId)))
      .limit(1);
    if (!before) return 'not_found';
    if (before.retractedAt) return 'retracted';
    if (before.happenedOn === input.happenedOn && before.textDa === input.textDa && before.textEn === input.textEn) return 'ok';
    await tx.insert(initiativeUpdateVersions).values({ updateId, happenedOn: before.happenedOn, textDa: before.textDa, textEn: before.textEn });
    await tx.update(initiativeUpdates).set({ ...input, editedAt: new Date() }).where(eq(initiativeUpdates.id, updateId));
    await tx.update(initiatives).set({ updatedAt: new Date() }).where(eq(initiatives.id, initiativeId));
    await recordAudit(tx, { userId: actorId, action: 'initiative.edit_update', entityType: 'initiative', entityId: initiativeId, summary: `update #${updateId} corrected` });
    return 'ok';
  });
}

/** Withdraws an update: its text leaves the public page, which says when and why in its place. */
export async function retractInitiativeUpdate(db: Queryable, initiativeId: number, updateId: number, reason: string, actorId: number | null): Promise<UpdateChange> {
  return transaction(db, async (tx) => {
    const [before] = await tx
      .select()
      .from(initiativeUpdates)
      .where(and(eq(initiativeUpdates.id, updateId), eq(initiativeUpdates.initiativeId, initiativeId)))
      .limit(1);
    if (!before) return 'not_found';
    if (before.retractedAt) return 'retracted';
    await tx.update(initiativeUpdates).set({ retractedAt: new Date(), retractionReason: reason }).where(eq(initiativeUpdates.id, updateId));
    await tx.update(initiatives).set({ updatedAt: new Date() }).where(eq(initiatives.id, initiativeId));
    await recordAudit(tx, { userId: actorId, action: 'initiative.retract_update', entityType: 'initiative', entityId: initiativeId, summary: `update #${updateId} withdrawn: ${reason.slice(0, 60)}` });
    return 'ok';
  });
}

/** Adds a milestone at the end of the initiative's list. */
export async function addMilestone(db: Queryable, initiativeId: number, input: MilestoneInput, actorId: number | null): Promise<InitiativeMilestone> {
  return transaction(db, async (tx) => {
    const existing = await tx.select({ position: initiativeMilestones.position }).from(initiativeMilestones).where(eq(initiativeMilestones.initiativeId, initiativeId));
    const position = existing.reduce((max, m) => Math.max(max, m.position + 1), 0);
    const [row] = await tx.insert(initiativeMilestones).values({ initiativeId, ...input, position }).returning();
    await tx.update(initiatives).set({ updatedAt: new Date() }).where(eq(initiatives.id, initiativeId));
    await recordAudit(tx, { userId: actorId, action: 'initiative.add_milestone', entityType: 'initiative', entityId: initiativeId, summary: `${input.state}: ${input.titleDa.slice(0, 60)}` });
    return row!;
  });
}

/** Changes a milestone (its words, day or state); a milestone is dropped rather than deleted, so its history stays. */
export async function updateMilestone(db: Queryable, initiativeId: number, milestoneId: number, input: MilestoneInput, actorId: number | null): Promise<boolean> {
  return transaction(db, async (tx) => {
    const [before] = await tx
      .select()
      .from(initiativeMilestones)
      .where(and(eq(initiativeMilestones.id, milestoneId), eq(initiativeMilestones.initiativeId, initiativeId)))
      .limit(1);
    if (!before) return false;
    await tx.update(initiativeMilestones).set({ ...input, updatedAt: new Date() }).where(eq(initiativeMilestones.id, milestoneId));
    await tx.update(initiatives).set({ updatedAt: new Date() }).where(eq(initiatives.id, initiativeId));
    await recordAudit(tx, {
      userId: actorId,
      action: 'initiative.update_milestone',
      entityType: 'initiative',
      entityId: initiativeId,
      summary: `milestone #${milestoneId}: ${before.state} → ${input.state}`,
    });
    return true;
  });
}

async function detail(db: Queryable, initiative: Initiative): Promise<InitiativeDetail> {
  return (await details(db, [initiative]))[0]!;
}

/**
 * Initiatives with their partners, areas and updates: three queries for the
 * whole list (not three per initiative), and areas from listAreas' kept rows
 * rather than reading every area's boundary again for each initiative.
 */
async function details(db: Queryable, rows: readonly Initiative[]): Promise<InitiativeDetail[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const partnerRows = await db
    .select({ initiativeId: initiativePartners.initiativeId, p: partners })
    .from(initiativePartners)
    .innerJoin(partners, eq(partners.id, initiativePartners.partnerId))
    .where(inList(db, initiativePartners.initiativeId, ids))
    .orderBy(asc(partners.displayOrder), asc(partners.id));
  const areaLinks = await db
    .select({ initiativeId: initiativeAreas.initiativeId, areaId: initiativeAreas.areaId })
    .from(initiativeAreas)
    .where(inList(db, initiativeAreas.initiativeId, ids));
  const allAreas = await listAreas(db);
  const updateRows = await db
    .select()
    .from(initiativeUpdates)
    .where(inList(db, initiativeUpdates.initiativeId, ids))
    .orderBy(desc(initiativeUpdates.happenedOn), desc(initiativeUpdates.id));
  const edited = updateRows.filter((u) => u.editedAt !== null).map((u) => u.id);
  const versionRows =
    edited.length === 0
      ? []
      : await db.select().from(initiativeUpdateVersions).where(inList(db, initiativeUpdateVersions.updateId, edited)).orderBy(asc(initiativeUpdateVersions.replacedAt), asc(initiativeUpdateVersions.id));
  const versions = new Map<number, InitiativeUpdateVersion[]>();
  for (const v of versionRows) versions.set(v.updateId, [...(versions.get(v.updateId) ?? []), v]);
  const milestoneRows = await db
    .select()
    .from(initiativeMilestones)
    .where(inList(db, initiativeMilestones.initiativeId, ids))
    .orderBy(asc(initiativeMilestones.position), asc(initiativeMilestones.id));
  return rows.map((initiative) => {
    const linked = new Set(areaLinks.filter((l) => l.initiativeId === initiative.id).map((l) => l.areaId));
    return {
      initiative,
      partners: partnerRows.filter((r) => r.initiativeId === initiative.id).map((r) => r.p),
      // listAreas is ordered by display order, as the join was.
      areas: allAreas.filter((a) => linked.has(a.id)),
      updates: updateRows.filter((u) => u.initiativeId === initiative.id),
      versions,
      milestones: milestoneRows.filter((m) => m.initiativeId === initiative.id),
    };
  });
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
  return details(db, rows);
}

/**
 * A stamp of everything the initiatives list (/indsatser) shows besides the
 * areas (listAreas has its own): the published initiatives' shown fields
 * themselves (not their change time, which is whole seconds: two edits
 * within one would look alike), which partners and areas each is tied to,
 * and the partners' names and order. Each text is written with its length
 * first, so no two different contents give the same stamp. One small query;
 * /indsatser's pages are kept while it is unchanged
 * (src/server/platform/page-cache.ts).
 */
export async function initiativesVersion(db: Queryable): Promise<string> {
  // Spelled so that SQLite and PostgreSQL give the same text.
  const text = (column: string) => sql.raw(`coalesce(cast(length(${column}) as text) || ':' || ${column}, '-')`);
  const value = (column: string) => sql.raw(`coalesce(cast(${column} as text), '-')`);
  const joined = (parts: SQL[]) => sql.join(parts, sql` || ':' || `);
  const shown = joined([
    value('id'),
    ...['slug', 'status', 'track', 'starts_on', 'ends_on', 'title_da', 'title_en', 'summary_da', 'summary_en'].map(text),
    value('published_at'),
  ]);
  const named = joined([value('id'), ...['slug', 'name_da', 'name_en'].map(text), value('display_order')]);
  const row = await rawRow<{ i: string | null; p: string | null; a: string | null; n: string | null }>(
    db,
    sql`select
      (select ${groupConcat(db, shown, ',')} from ${initiatives} where state = 'published') as i,
      (select ${groupConcat(db, sql`cast(initiative_id as text) || ':' || cast(partner_id as text)`, ',')} from ${initiativePartners} where initiative_id in (select id from ${initiatives} where state = 'published')) as p,
      (select ${groupConcat(db, sql`cast(initiative_id as text) || ':' || cast(area_id as text)`, ',')} from ${initiativeAreas} where initiative_id in (select id from ${initiatives} where state = 'published')) as a,
      (select ${groupConcat(db, named, ',')} from ${partners}) as n`,
  );
  return JSON.stringify([row?.i ?? '', row?.p ?? '', row?.a ?? '', row?.n ?? '']);
}

/** Every initiative, drafts included, for the staff list. */
export async function listAllInitiatives(db: Queryable): Promise<Initiative[]> {
  return db.select().from(initiatives).orderBy(desc(initiatives.updatedAt), desc(initiatives.id));
}
