/**
 * What the maps draw under the areas when no tile server is configured: the
 * lakes (OpenStreetMap, ODbL: see SOURCES.md), a few main streets, and the
 * named places residents choose from, so a resident can find their corner.
 * No I/O: the map island bundles this, and the server-drawn SVG maps use it.
 */
import type { Locale } from '../i18n/index.ts';
import lakesFile from './lakes-osm.json' with { type: 'json' };
import { STREET_LINES, type StreetLine } from './streets.ts';

export { STREET_LINES, type StreetLine };

export interface Lake {
  /** Danish name (lakes keep their Danish names in English too); undefined for an unnamed pond. */
  name: string | undefined;
  /** The outer ring, GeoJSON order [longitude, latitude]. */
  ring: [number, number][];
}

/**
 * Names for the file's polygons, by position (the file has none): the lakes
 * run south to north along the areas' south-east edge; the ponds lie in the
 * parks east of them.
 */
const LAKE_NAMES: readonly (string | undefined)[] = [
  'Skt. Jørgens Sø',
  'Ørstedsparken',
  'Peblinge Sø',
  'Sortedams Sø',
  undefined,
  'Botanisk Have',
  'Botanisk Have',
  'Østre Anlæg',
  'Østre Anlæg',
  'Østre Anlæg',
  'Sortedams Sø',
  'Østre Anlæg',
];

type LakeFile = { features: { geometry: { type: 'Polygon'; coordinates: [number, number][][] } }[] };

export const LAKES: readonly Lake[] = (lakesFile as unknown as LakeFile).features.map((f, i) => ({ name: LAKE_NAMES[i], ring: f.geometry.coordinates[0]! }));

/** The lakes whose name is written on the map: the three large ones, once each (on their largest part). */
export const LABELLED_LAKES: readonly string[] = ['Skt. Jørgens Sø', 'Peblinge Sø', 'Sortedams Sø'];

/** Shown wherever the lakes are drawn (ODbL). */
export const BASEMAP_ATTRIBUTION: Record<Locale, string> = {
  da: 'Kortdata © OpenStreetMap-bidragydere (ODbL)',
  en: 'Map data © OpenStreetMap contributors (ODbL)',
  ar: 'بيانات الخريطة © مساهمو \u2068OpenStreetMap\u2069 (\u2068ODbL\u2069)',
  tr: 'Harita verileri © OpenStreetMap katkıda bulunanları (ODbL)',
  so: 'Xogta khariidadda © ka-qaybgalayaasha OpenStreetMap (ODbL)',
  ur: 'نقشے کا ڈیٹا © \u2068OpenStreetMap\u2069 کے معاونین (\u2068ODbL\u2069)',
};
