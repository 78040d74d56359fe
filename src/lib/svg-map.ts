/**
 * A server-rendered SVG outline map of the areas: no JavaScript, no tiles,
 * printable. Longitude is scaled by cos(latitude) so shapes keep their
 * proportions at Copenhagen's latitude (an equirectangular projection is
 * accurate enough across a few kilometres).
 */
import type { AreaGeometry, AreaKind } from './domain.ts';
import { boundingBox } from './geo.ts';

export interface ProjectedShape {
  /** SVG path data for the geometry. */
  d: string;
  /** A point to put the label on: the centre of the shape's bounding box. */
  label: { x: number; y: number };
}

/**
 * A hexagon map ready to draw (src/components/map/HexMap.astro): the areas'
 * outlines and the cells, projected into one frame, with the text each
 * carries.
 */
export interface HexMapView {
  width: number;
  height: number;
  areas: { kind: AreaKind; name: string; d: string; label: { x: number; y: number } }[];
  /** `opacity` shades the cell by its count; a cell `belowK` (shown to moderators only) is hatched instead. */
  cells: { cell: string; d: string; opacity: string; belowK: boolean; title: string }[];
}

export interface ProjectedMap {
  width: number;
  height: number;
  shapes: ProjectedShape[];
  /** A [longitude, latitude] point in the same frame (for lines and labels drawn over the shapes). */
  project(lon: number, lat: number): { x: number; y: number };
}

export function projectGeometries(geometries: readonly AreaGeometry[], width = 600, padding = 10): ProjectedMap {
  const [minLon, minLat, maxLon, maxLat] = boundingBox(geometries);
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = (maxLon - minLon) * kx || 1;
  const spanY = maxLat - minLat || 1;
  const scale = (width - 2 * padding) / spanX;
  const height = Math.round(spanY * scale + 2 * padding);
  const px = (lon: number) => round(padding + (lon - minLon) * kx * scale);
  const py = (lat: number) => round(padding + (maxLat - lat) * scale);

  const shapes = geometries.map((g) => {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const d = polygons
      .flatMap((polygon) =>
        polygon.map((ring) => ring.map(([lon = 0, lat = 0], i) => `${i === 0 ? 'M' : 'L'}${px(lon)} ${py(lat)}`).join(' ') + ' Z'),
      )
      .join(' ');
    const [a, b, c, e] = boundingBox([g]);
    return { d, label: { x: px((a + c) / 2), y: py((b + e) / 2) } };
  });
  return { width, height, shapes, project: (lon, lat) => ({ x: px(lon), y: py(lat) }) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** SVG path data for a line or ring of [longitude, latitude] points in a projected map's frame. */
export function pathOf(map: ProjectedMap, points: readonly (readonly [number, number])[], closed = false): string {
  const d = points
    .map(([lon, lat], i) => {
      const { x, y } = map.project(lon, lat);
      return `${i === 0 ? 'M' : 'L'}${x} ${y}`;
    })
    .join(' ');
  return closed ? `${d} Z` : d;
}
