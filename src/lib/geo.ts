/**
 * Pure geometry rules: which area a point lies in, and what a valid area
 * boundary is. Coordinates are WGS84; GeoJSON order is [longitude, latitude].
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { z } from 'zod';
import type { AreaGeometry } from '../../db/schema.ts';

export interface LatLon {
  lat: number;
  lon: number;
}

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z
  .array(position)
  .min(4)
  .refine((r) => {
    const first = r[0];
    const last = r[r.length - 1];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'A polygon ring must be closed (first and last position equal).');

/** An area boundary as accepted from an upload: a GeoJSON Polygon or MultiPolygon. */
export const areaGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

/** True when the point lies inside the geometry (on the boundary counts as inside). */
export function containsPoint(geometry: AreaGeometry, point: LatLon): boolean {
  return booleanPointInPolygon([point.lon, point.lat], geometry);
}

/**
 * The first area (in the given order) that contains the point, or undefined
 * when the point is outside every area. Callers pass areas in display order so
 * that a point on a shared border is assigned predictably (the target area first).
 */
export function findAreaForPoint<T extends { geometry: AreaGeometry }>(
  areas: readonly T[],
  point: LatLon,
): T | undefined {
  return areas.find((a) => containsPoint(a.geometry, point));
}

/** The bounding box [minLon, minLat, maxLon, maxLat] of several geometries. */
export function boundingBox(geometries: readonly AreaGeometry[]): [number, number, number, number] {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const g of geometries) {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const polygon of polygons)
      for (const r of polygon)
        for (const [lon, lat] of r) {
          if (lon === undefined || lat === undefined) continue;
          minLon = Math.min(minLon, lon);
          minLat = Math.min(minLat, lat);
          maxLon = Math.max(maxLon, lon);
          maxLat = Math.max(maxLat, lat);
        }
  }
  return [minLon, minLat, maxLon, maxLat];
}
