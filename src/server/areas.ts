/** Areas: the named places surveys, reports and goals are tied to. */
import { asc, eq, sql } from 'drizzle-orm';
import { areas, type Area, type AreaGeometry, type NewArea } from '../../db/schema.ts';
import { areaGeometrySchema, findAreaForPoint, type LatLon } from '../lib/geo.ts';
import { recordAudit } from './audit.ts';
import type { Queryable } from './db/connection.ts';

/**
 * All areas, target area first, in display order. Every report post looks up
 * its area in these boundaries, and reading and parsing them each time was a
 * visible share of a post's cost; they change only when staff replace a
 * boundary, so they are kept per database until the rows' ids, change times
 * or boundary lengths differ (checked with one small query, so a change made
 * by another instance or a CLI is seen at once).
 */
export function listAreas(db: Queryable): Area[] {
  const key = db.get<{ key: string | null }>(
    sql`select group_concat(id || ':' || coalesce(updated_at, 0) || ':' || length(geometry) || ':' || display_order) as key from ${areas}`,
  )?.key ?? '';
  const hit = kept.get(db);
  if (hit?.key === key) return hit.rows;
  const rows = db.select().from(areas).orderBy(asc(areas.displayOrder), asc(areas.id)).all();
  kept.set(db, { key, rows });
  return rows;
}
const kept = new WeakMap<Queryable, { key: string; rows: Area[] }>();

/** The area a point falls in, or undefined when it is outside every area. */
export function areaForPoint(db: Queryable, point: LatLon): Area | undefined {
  return findAreaForPoint(listAreas(db), point);
}

export function insertAreas(db: Queryable, rows: NewArea[]): void {
  if (rows.length > 0) db.insert(areas).values(rows).run();
}

export type GeometryUpload = { ok: true; geometry: AreaGeometry } | { ok: false; reason: 'json' | 'shape' };

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
  return parsed.success ? { ok: true, geometry: parsed.data as AreaGeometry } : { ok: false, reason: 'shape' };
}

/** Replaces an area's boundary with an official one (no longer approximate); audited. */
export function replaceAreaGeometry(db: Queryable, areaId: number, geometry: AreaGeometry, actorId: number | null): boolean {
  return db.transaction((tx) => {
    const before = tx.select().from(areas).where(eq(areas.id, areaId)).get();
    if (!before) return false;
    tx.update(areas).set({ geometry, approximate: false, updatedAt: new Date() }).where(eq(areas.id, areaId)).run();
    const points = (g: AreaGeometry) => JSON.stringify(g.coordinates).split('],[').length;
    recordAudit(tx, {
      userId: actorId,
      action: 'area.replace_geometry',
      entityType: 'area',
      entityId: areaId,
      summary: `${before.slug}: ${before.approximate ? 'approximate' : 'official'} (${points(before.geometry)} points) → official (${points(geometry)} points)`,
    });
    return true;
  });
}
