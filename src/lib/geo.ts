/**
 * Pure geometry rules: which area a point lies in, and what a valid area
 * boundary is. Coordinates are WGS84; GeoJSON order is [longitude, latitude].
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { z } from 'zod';
import type { AreaGeometry } from './domain.ts';

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

/** An uploaded boundary must lie inside this box around Copenhagen (WGS84: [west, south, east, north]). */
export const COPENHAGEN_BBOX = [12.4, 55.55, 12.75, 55.8] as const;
/** At most this many positions in all: every /meld page carries the boundaries. */
export const MAX_AREA_VERTICES = 2_000;
/** A ring smaller than this (m²) is degenerate: a line, a point or a sliver. */
export const MIN_RING_AREA_M2 = 100;

export type GeometryProblem = 'too_many_vertices' | 'outside' | 'degenerate' | 'self_intersecting';

/** Coordinates rounded to 6 decimals (about 0.1 m): enough for a boundary, and a third of the bytes. */
export function roundGeometry(geometry: AreaGeometry): AreaGeometry {
  const round = (p: number[]) => p.map((v) => Math.round(v * 1e6) / 1e6);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(round)) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map((r) => r.map(round))) };
}

/** Area of a ring in m² (equirectangular projection around its first point: fine at city scale). */
function ringAreaM2(ring: readonly number[][]): number {
  const lat0 = ((ring[0]?.[1] ?? 0) * Math.PI) / 180;
  const mx = 111_320 * Math.cos(lat0);
  const my = 110_540;
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += x1! * mx * (y2! * my) - x2! * mx * (y1! * my);
  }
  return Math.abs(sum) / 2;
}

function orientation(a: number[], b: number[], c: number[]): number {
  const v = (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: number[], b: number[], p: number[]): boolean {
  return Math.min(a[0]!, b[0]!) <= p[0]! && p[0]! <= Math.max(a[0]!, b[0]!) && Math.min(a[1]!, b[1]!) <= p[1]! && p[1]! <= Math.max(a[1]!, b[1]!);
}

function segmentsIntersect(a: number[], b: number[], c: number[], d: number[]): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/** Whether two edges of a closed ring cross or touch, other than neighbours at their shared corner. */
function ringSelfIntersects(ring: readonly number[][]): boolean {
  const n = ring.length - 1; // edges; the last position repeats the first
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) continue; // neighbours share a corner
      if (segmentsIntersect(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return true;
    }
  }
  return false;
}

/**
 * What is wrong with an uploaded boundary, or null: too many positions,
 * anything outside Copenhagen (a whole-world polygon included), a ring with
 * fewer than three distinct corners or next to no area, or a ring whose edges
 * cross (a figure eight).
 */
export function areaGeometryProblem(geometry: AreaGeometry): GeometryProblem | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings = polygons.flat();
  if (rings.reduce((n, r) => n + r.length, 0) > MAX_AREA_VERTICES) return 'too_many_vertices';
  const [west, south, east, north] = COPENHAGEN_BBOX;
  for (const ring of rings) for (const [lon, lat] of ring) if (lon! < west || lon! > east || lat! < south || lat! > north) return 'outside';
  for (const ring of rings) if (ringSelfIntersects(ring)) return 'self_intersecting';
  for (const ring of rings) {
    if (new Set(ring.map((p) => `${p[0]},${p[1]}`)).size < 3 || ringAreaM2(ring) < MIN_RING_AREA_M2) return 'degenerate';
  }
  return null;
}
