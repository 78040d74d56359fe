import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../db/schema.ts';
import { areaGeometrySchema, boundingBox, containsPoint, findAreaForPoint } from '../../src/lib/geo.ts';
import { projectGeometries } from '../../src/lib/svg-map.ts';

const square: AreaGeometry = {
  type: 'Polygon',
  coordinates: [[[12, 55], [13, 55], [13, 56], [12, 56], [12, 55]]],
};
const east: AreaGeometry = {
  type: 'Polygon',
  coordinates: [[[13, 55], [14, 55], [14, 56], [13, 56], [13, 55]]],
};

describe('containsPoint', () => {
  it('uses GeoJSON [lon, lat] order', () => {
    expect(containsPoint(square, { lat: 55.5, lon: 12.5 })).toBe(true);
    expect(containsPoint(square, { lat: 12.5, lon: 55.5 })).toBe(false);
  });
});

describe('findAreaForPoint', () => {
  const areas = [
    { slug: 'a', geometry: square },
    { slug: 'b', geometry: east },
  ];
  it('returns the area that contains the point', () => {
    expect(findAreaForPoint(areas, { lat: 55.5, lon: 13.5 })?.slug).toBe('b');
  });
  it('a point on a shared border goes to the first area in order', () => {
    expect(findAreaForPoint(areas, { lat: 55.5, lon: 13 })?.slug).toBe('a');
  });
  it('a point outside every area has no area', () => {
    expect(findAreaForPoint(areas, { lat: 50, lon: 10 })).toBeUndefined();
  });
});

describe('areaGeometrySchema', () => {
  it('accepts a closed polygon and a multipolygon', () => {
    expect(areaGeometrySchema.safeParse(square).success).toBe(true);
    expect(areaGeometrySchema.safeParse({ type: 'MultiPolygon', coordinates: [square.coordinates] }).success).toBe(true);
  });
  it('refuses open rings, out-of-range coordinates and other geometry types', () => {
    expect(areaGeometrySchema.safeParse({ type: 'Polygon', coordinates: [[[12, 55], [13, 55], [13, 56], [12, 56]]] }).success).toBe(false);
    expect(areaGeometrySchema.safeParse({ type: 'Polygon', coordinates: [[[200, 55], [13, 55], [13, 56], [200, 55]]] }).success).toBe(false);
    expect(areaGeometrySchema.safeParse({ type: 'Point', coordinates: [12, 55] }).success).toBe(false);
  });
});

describe('boundingBox and projectGeometries', () => {
  it('the bounding box spans all geometries', () => {
    expect(boundingBox([square, east])).toEqual([12, 55, 14, 56]);
  });
  it('north is up and the map keeps proportions at its latitude', () => {
    const map = projectGeometries([square], 100, 0);
    // The ring starts at the south-west corner: left edge, bottom of the map.
    const [, x, y] = /^M([\d.]+) ([\d.]+)/.exec(map.shapes[0]?.d ?? '') ?? [];
    expect(Number(x)).toBe(0);
    expect(Number(y)).toBeCloseTo(map.height, 0);
    // 1° of longitude at 55.5° N is cos(55.5°) ≈ 0.566 of 1° of latitude.
    expect(map.height).toBeCloseTo(100 / Math.cos((55.5 * Math.PI) / 180), -1);
  });
});
