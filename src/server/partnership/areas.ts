/** Areas: the named places surveys, reports and goals are tied to. */
import { asc, desc, eq, sql } from 'drizzle-orm';
import { areas, type Area, type AreaGeometry, type AreaKind, type NewArea } from '../../../db/schema.ts';
import { areaGeometryProblem, areaGeometrySchema, findAreaForPoint, roundGeometry, type GeometryProblem, type LatLon } from '../../lib/geo.ts';
import { recordAudit } from '../staff/audit.ts';
import type { Queryable } from '../db/connection.ts';
import { groupConcat, rawRow } from '../db/raw.ts';
import { transaction } from '../db/transaction.ts';

/**
 * All areas, target area first, in display order. Every report post looks up
 * its area in these boundaries, and reading and parsing them each time was a
 * visible share of a post's cost; they change only when admins add an area,
 * rename it, change its kind, retire it or replace a boundary, so they are kept until
 * the rows' ids, change times, boundary lengths, order, kinds or names differ (checked with one small query, so a change made by
 * another instance or a CLI is seen at once, and a transaction gets the kept
 * rows too).
 */
export async function listAreas(db: Queryable): Promise<Area[]> {
  // Spelled so that SQLite and PostgreSQL give the same text.
  const signature = sql`cast(id as text) || ':' || coalesce(cast(updated_at as text), '') || ':' || cast(length(cast(geometry as text)) as text) || ':' || cast(display_order as text) || ':' || kind || ':' || name_da || ':' || name_en || ':' || coalesce(cast(retired_at as text), '')`;
  const key = (await rawRow<{ key: string | null }>(
    db,
    sql`select ${groupConcat(db, signature, ',')} as key from ${areas}`,
  ))?.key ?? '';
  if (kept?.key === key) return kept.rows;
  // Read after the key: if a change lands in between, the kept key is the
  // older one and the next call reads again, so kept rows are never staler
  // than their key.
  const rows = await db.select().from(areas).orderBy(asc(areas.displayOrder), asc(areas.id));
  kept = { key, rows };
  generation += 1;
  return rows;
}
let kept: { key: string; rows: Area[] } | undefined;
let generation = 0;

/**
 * A number that changes whenever listAreas reads the areas anew (any change
 * its key sees, also two within the same second): what kept pages are
 * stamped with (page-cache.ts), so they are never staler than listAreas.
 */
export async function areasVersion(db: Queryable): Promise<number> {
  await listAreas(db);
  return generation;
}

/**
 * The areas in use (not retired), in display order: what new reports,
 * surveys, initiatives, events and subscriptions may be tied to, and the
 * outlines the public maps draw. Everything that shows history (the
 * dashboard, results, feeds, the staff queue) reads listAreas instead.
 */
export async function listCurrentAreas(db: Queryable): Promise<Area[]> {
  return currentAreas(await listAreas(db));
}

/**
 * The areas in use. The same array for the same rows, so that what pages work
 * out from it can be kept by its identity (placeChoices in places.ts).
 */
export function currentAreas(rows: readonly Area[]): Area[] {
  let current = inUse.get(rows);
  if (!current) {
    current = rows.filter((a) => a.retiredAt === null);
    inUse.set(rows, current);
  }
  return current;
}
const inUse = new WeakMap<readonly Area[], Area[]>();

/** For an edit form: the areas in use, plus retired ones the thing already has (so saving does not drop them). */
export function areasToOffer(rows: readonly Area[], chosen: Iterable<number | null>): Area[] {
  const keep = new Set(chosen);
  return rows.filter((a) => a.retiredAt === null || keep.has(a.id));
}

/** The area in use that a point falls in, or undefined when it is outside every one. */
export async function areaForPoint(db: Queryable, point: LatLon): Promise<Area | undefined> {
  return findAreaForPoint(await listCurrentAreas(db), point);
}

export async function insertAreas(db: Queryable, rows: NewArea[]): Promise<void> {
  if (rows.length > 0) await db.insert(areas).values(rows);
}

export type GeometryUpload = { ok: true; geometry: AreaGeometry } | { ok: false; reason: 'json' | 'shape' | GeometryProblem };

/**
 * Reads an uploaded GeoJSON boundary: a Polygon or MultiPolygon geometry, a
 * Feature with one, or a FeatureCollection with exactly one feature.
 */
export function parseGeometryUpload(text: string): GeometryUpload {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'json' };
  }
  let candidate = data as { type?: string; geometry?: unknown; features?: { geometry?: unknown }[] };
  if (candidate?.type === 'FeatureCollection' && candidate.features?.length === 1) candidate = candidate.features[0] as typeof candidate;
  const geometry = candidate?.type === 'Feature' ? candidate.geometry : candidate;
  const parsed = areaGeometrySchema.safeParse(geometry);
  if (!parsed.success) return { ok: false, reason: 'shape' };
  // Valid GeoJSON is not yet a usable boundary: see areaGeometryProblem (src/lib/geo.ts).
  const rounded = roundGeometry(parsed.data as AreaGeometry);
  const problem = areaGeometryProblem(rounded);
  return problem ? { ok: false, reason: problem } : { ok: true, geometry: rounded };
}

/** Replaces an area's boundary with an official one (no longer approximate); audited. */
export async function replaceAreaGeometry(db: Queryable, areaId: number, geometry: AreaGeometry, actorId: number | null): Promise<boolean> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(areas).where(eq(areas.id, areaId)).limit(1);
    if (!before) return false;
    await tx.update(areas).set({ geometry, approximate: false, updatedAt: new Date() }).where(eq(areas.id, areaId));
    const points = (g: AreaGeometry) => JSON.stringify(g.coordinates).split('],[').length;
    await recordAudit(tx, {
      userId: actorId,
      action: 'area.replace_geometry',
      entityType: 'area',
      entityId: areaId,
      summary: `${before.slug}: ${before.approximate ? 'approximate' : 'official'} (${points(before.geometry)} points) → official (${points(geometry)} points)`,
    });
    return true;
  });
}

/** A new area as an admin gives it: the boundary from an uploaded GeoJSON (parseGeometryUpload). */
export interface NewAreaInput {
  slug: string;
  nameDa: string;
  nameEn: string;
  kind: AreaKind;
  geometry: AreaGeometry;
}

/**
 * Adds an area (a new watched neighbourhood, say, where the pressure may
 * move): last in display order, so a point inside two areas still belongs
 * to the one that was there first. Everything that lists areas (the map,
 * /meld, the displacement monitor, surveys, goals, the dashboard, feeds)
 * reads them from here and follows at once. Audited. `slug_taken` when the
 * slug is in use.
 */
export async function addArea(db: Queryable, input: NewAreaInput, actorId: number): Promise<{ ok: true; id: number } | { ok: false; reason: 'slug_taken' }> {
  return transaction(db, async (tx) => {
    const [taken] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.slug, input.slug)).limit(1);
    if (taken) return { ok: false, reason: 'slug_taken' } as const;
    const [last] = await tx.select({ order: areas.displayOrder }).from(areas).orderBy(desc(areas.displayOrder)).limit(1);
    const [row] = await tx
      .insert(areas)
      .values({ ...input, displayOrder: (last?.order ?? 0) + 1, approximate: false, updatedAt: new Date() })
      .returning({ id: areas.id });
    if (!row) throw new Error('area not inserted');
    await recordAudit(tx, { userId: actorId, action: 'area.add', entityType: 'area', entityId: row.id, summary: `${input.slug} (${input.kind})` });
    return { ok: true, id: row.id } as const;
  });
}

/** Renames an area or changes its kind (target or adjacent: watched for displacement); audited. False when there is no such area. */
export async function editArea(db: Queryable, areaId: number, change: { nameDa: string; nameEn: string; kind: AreaKind }, actorId: number): Promise<boolean> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(areas).where(eq(areas.id, areaId)).limit(1);
    if (!before) return false;
    await tx.update(areas).set({ ...change, updatedAt: new Date() }).where(eq(areas.id, areaId));
    const parts = [
      before.nameDa !== change.nameDa ? `${before.nameDa} → ${change.nameDa}` : '',
      before.nameEn !== change.nameEn ? `${before.nameEn} → ${change.nameEn}` : '',
      before.kind !== change.kind ? `${before.kind} → ${change.kind}` : '',
    ].filter(Boolean);
    await recordAudit(tx, { userId: actorId, action: 'area.edit', entityType: 'area', entityId: areaId, summary: `${before.slug}: ${parts.join('; ') || 'unchanged'}` });
    return true;
  });
}

export type RetireRefusal = 'not_found' | 'already' | 'last_target';

/**
 * Retires an area: it is no longer offered for anything new, and a point
 * inside it is no longer placed in it (a report there is refused as outside
 * the covered areas, as anywhere else the partnership does not work). Its
 * reports, answers and goals stay, so the series and the status reports
 * keep their history. The last target area in use cannot be retired: the
 * partnership's goal needs one. Audited.
 */
export async function retireArea(db: Queryable, areaId: number, actorId: number, now = new Date()): Promise<{ ok: true } | { ok: false; reason: RetireRefusal }> {
  return transaction(db, async (tx) => {
    const all = await tx.select().from(areas);
    const area = all.find((a) => a.id === areaId);
    if (!area) return { ok: false, reason: 'not_found' } as const;
    if (area.retiredAt !== null) return { ok: false, reason: 'already' } as const;
    if (area.kind === 'target' && !all.some((a) => a.id !== areaId && a.kind === 'target' && a.retiredAt === null)) {
      return { ok: false, reason: 'last_target' } as const;
    }
    await tx.update(areas).set({ retiredAt: now, updatedAt: now }).where(eq(areas.id, areaId));
    await recordAudit(tx, { userId: actorId, action: 'area.retire', entityType: 'area', entityId: areaId, summary: `${area.slug} (${area.kind})` });
    return { ok: true } as const;
  });
}

/** Takes a retired area into use again (a mistake, or the pressure came back); audited. False when it is not retired. */
export async function reinstateArea(db: Queryable, areaId: number, actorId: number): Promise<boolean> {
  return transaction(db, async (tx) => {
    const [area] = await tx.select().from(areas).where(eq(areas.id, areaId)).limit(1);
    if (!area || area.retiredAt === null) return false;
    await tx.update(areas).set({ retiredAt: null, updatedAt: new Date() }).where(eq(areas.id, areaId));
    await recordAudit(tx, { userId: actorId, action: 'area.reinstate', entityType: 'area', entityId: areaId, summary: area.slug });
    return true;
  });
}
