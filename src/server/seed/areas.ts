/**
 * The reference areas seeded into an empty database: approximate polygons
 * drawn from known points (see db/seed/README.md). They are labelled
 * approximate, and an admin can replace them with official boundaries.
 */
import type { AreaGeometry, AreaKind, NewArea } from '../../../db/schema.ts';
import collection from '../../../db/seed/areas-approx.geo.json' with { type: 'json' };

interface SeedFeature {
  properties: { slug: string; name_da: string; name_en: string; kind: string; approximate: boolean };
  geometry: AreaGeometry;
}

export function seedAreaRows(): NewArea[] {
  return (collection.features as unknown as SeedFeature[]).map((f, i) => ({
    slug: f.properties.slug,
    nameDa: f.properties.name_da,
    nameEn: f.properties.name_en,
    kind: f.properties.kind as AreaKind,
    displayOrder: i,
    geometry: f.geometry,
    approximate: f.properties.approximate,
  }));
}
