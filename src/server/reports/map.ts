/**
 * The public map of concern reports: counts of moderated reports per H3
 * hexagon (resolution 9, about 0.1 km²) and per area. Exact points,
 * descriptions and typed places never leave this module. A count is shown
 * only through releaseFilteredCounts (src/lib/disclosure/index.ts): at least K, and
 * not below K by differencing two filter choices; area totals also go through
 * suppressAreaTotals, so a hidden hexagon cannot be worked out from them.
 */
import { cellToBoundary, cellToLatLng, latLngToCell } from 'h3-js';
import { REPORTER_TYPES, type Area, type AreaGeometry, type ReporterType } from '../../../db/schema.ts';
import { addKeys, DEFAULT_NOISE, releaseFilteredCounts, suppressAreaTotals, type Filter, type NoiseParameters, type FilterDimension, type FilteredRelease } from '../../lib/disclosure/index.ts';
import type { NamedPlace, PlaceBook, Point } from '../../lib/places.ts';
import { listPlaces } from '../partnership/places.ts';
import { projectGeometries, type ProjectedMap } from '../../lib/svg-map.ts';
import type { Queryable } from '../db/connection.ts';
import { latestRelease, MAP_RESOLUTION, NO_CELL, RELEASED_STATUSES, type Release, type ReleasedReports } from '../disclosure/releases.ts';

export { MAP_RESOLUTION };
/** Statuses after a moderator has looked at a report: only these are counted or published. */
export const MODERATED_STATUSES = RELEASED_STATUSES;
/** "All time", or a calendar year (Copenhagen): periods partition time, so none hides inside another. */
export const ALL_PERIODS = 'all';

export interface MapFilter {
  categorySlug?: string | undefined;
  /** ALL_PERIODS or a year such as "2026". */
  period: string;
  reporterType?: ReporterType | undefined;
}

export interface MapCell {
  /** The H3 hexagon. */
  cell: string;
  /** The published count (src/lib/disclosure). */
  n: number;
  /** Ring of [lat, lon] corners (from cellToBoundary). */
  boundary: [number, number][];
  centre: Point;
  /** The named place nearest the hexagon's centre: how the table describes it. */
  place: NamedPlace;
  /** An area the cell's reports lie in (see buildFromRecords: never chosen by counts). */
  areaId: number;
}

export interface AreaTotal {
  areaId: number;
  total: { suppressed: false; n: number } | { suppressed: true };
}

export interface ReportMap {
  cells: MapCell[];
  areas: AreaTotal[];
  /** The day of the release these figures come from. */
  releasedOn: string;
}

/** The H3 cell of a point at the map's resolution. */
export function reportCell(point: Point): string {
  return latLngToCell(point.lat, point.lon, MAP_RESOLUTION);
}

/** The years a filter can choose: from the first released report's year to the release's year, newest first. */
export function releaseYears(release: Release): readonly string[] {
  let years = yearsOf.get(release);
  if (!years) {
    const last = Number(release.madeOn.slice(0, 4));
    const first = Math.min(release.records.firstYear() ?? last, last);
    years = Object.freeze(Array.from({ length: last - first + 1 }, (_, i) => String(last - i)));
    yearsOf.set(release, years);
  }
  return years;
}
/**
 * A release never changes once read (latestRelease keeps it), so its years are
 * worked out once. The list is shared by every caller, hence frozen: a caller
 * that reversed it in place once turned every later list upside down.
 */
const yearsOf = new WeakMap<Release, readonly string[]>();

/** The years of the newest release (see releaseYears). */
export async function mapYears(db: Queryable, now = new Date()): Promise<readonly string[]> {
  return releaseYears(await latestRelease(db, now));
}

/** Reads the filter from query parameters, allow-listed (unknown values are ignored). */
export function parseMapFilter(params: URLSearchParams, categorySlugs: readonly string[], years: readonly string[]): MapFilter {
  const category = params.get('kategori') ?? '';
  const period = params.get('periode') ?? '';
  const reporter = params.get('melder') ?? '';
  return {
    categorySlug: categorySlugs.includes(category) ? category : undefined,
    period: years.includes(period) ? period : ALL_PERIODS,
    reporterType: (REPORTER_TYPES as readonly string[]).includes(reporter) ? (reporter as ReporterType) : undefined,
  };
}

/** A record of the release, by its index (ReleasedReports: the release is kept column by column). */
type MapRecord = number;

/**
 * The public map under a filter, from the newest release: every count goes
 * through releaseFilteredCounts (K, no count below K by differencing one
 * filter choice against another, and the cell key noise), and area totals
 * also through suppressAreaTotals (no hidden hexagon recoverable from its
 * area's total).
 */
export async function buildReportMap(db: Queryable, filter: MapFilter, areaIds: readonly number[], k: number, now = new Date()): Promise<ReportMap> {
  return (await cachedReportMap(db, areaIds, k, now)).build(filter);
}

const prepared = new WeakMap<object, { key: string; places: PlaceBook; map: PreparedReportMap }>();

/**
 * The prepared map of the newest release, kept until a newer release, K,
 * the areas or the named places (which label the hexagons) change: a view of /kort is then a lookup (one indexed query for
 * the release's id, and the prepared filter's result).
 */
export async function cachedReportMap(db: Queryable, areaIds: readonly number[], k: number, now = new Date()): Promise<PreparedReportMap> {
  const release = await latestRelease(db, now);
  const key = JSON.stringify([release.id, release.madeOn, areaIds, k]);
  const places = await listPlaces(db);
  const kept = prepared.get(db);
  if (kept?.key === key && kept.places === places) return kept.map;
  const map = prepareReportMap(release, areaIds, k, places);
  prepared.set(db, { key, places, map });
  return map;
}

/**
 * The SVG frame of a built map with the given areas: the areas and the
 * hexagons projected together (so both share one frame). Kept per built map
 * and areas list (both are kept objects while nothing changes), so a view of
 * /kort does not project the same shapes again.
 */
export function projectReportMap(map: ReportMap, areas: readonly Area[]): ProjectedMap {
  const kept = projections.get(map);
  if (kept?.areas === areas) return kept.projection;
  const hexagons: AreaGeometry[] = map.cells.map((c) => ({
    type: 'Polygon',
    coordinates: [[...c.boundary, c.boundary[0]!].map(([lat, lon]) => [lon, lat])],
  }));
  const projection = projectGeometries([...areas.map((a) => a.geometry), ...hexagons]);
  projections.set(map, { areas, projection });
  return projection;
}
const projections = new WeakMap<ReportMap, { areas: readonly Area[]; projection: ProjectedMap }>();

/** A release's reports, ready to build the map for any filter. */
export interface PreparedReportMap {
  releasedOn: string;
  build(filter: MapFilter): ReportMap;
}

/**
 * Computes the releases for every filter combination at once and keeps each
 * filter's built map (there are few: categories × years × reporter types),
 * so a page that needs the map for several filters, or many visitors, pay
 * for it once per release.
 */
export function prepareReportMap(release: Release, areaIds: readonly number[], k: number, places: PlaceBook, noise: NoiseParameters = DEFAULT_NOISE): PreparedReportMap {
  const records = release.records;
  const all = records.indices();
  const dimensions: FilterDimension<MapRecord>[] = [
    { name: 'category', values: records.presentCategories(), of: (i) => records.category(i) },
    { name: 'year', values: releaseYears(release), of: (i) => records.year(i) },
    { name: 'reporter', values: REPORTER_TYPES, of: (i) => records.reporterType(i) },
  ];
  // Typed places have no real point: counted in their area, never in a hexagon.
  const byCell = releaseFilteredCounts(all.filter((i) => records.cell(i) !== NO_CELL), (i) => records.cell(i), (i) => records.key(i), dimensions, k, noise);
  const byArea = releaseFilteredCounts(all, (i) => String(records.areaId(i)), (i) => records.key(i), dimensions, k, noise);
  const built = new Map<string, ReportMap>();
  return {
    releasedOn: release.madeOn,
    build: (filter) => {
      const id = JSON.stringify([filter.categorySlug ?? '', filter.period, filter.reporterType ?? '']);
      let map = built.get(id);
      if (!map) {
        map = { ...buildFromRecords(records, all, byCell, byArea, filter, areaIds, k, places, noise), releasedOn: release.madeOn };
        built.set(id, map);
      }
      return map;
    },
  };
}

function buildFromRecords(
  records: ReleasedReports,
  all: readonly MapRecord[],
  byCell: FilteredRelease,
  byArea: FilteredRelease,
  filter: MapFilter,
  areaIds: readonly number[],
  k: number,
  places: PlaceBook,
  noise: NoiseParameters,
): Omit<ReportMap, 'releasedOn'> {
  const f: Filter = {
    category: filter.categorySlug,
    year: filter.period === ALL_PERIODS ? undefined : filter.period,
    reporter: filter.reporterType,
  };
  const matching = all.filter(
    (i) =>
      (!f['category'] || records.category(i) === f['category']) && (!f['year'] || records.year(i) === f['year']) && (!f['reporter'] || records.reporterType(i) === f['reporter']),
  );
  // Each hexagon under the filter, with the report of the smallest (random) record key: the
  // hexagon's area is that report's, a fixed choice that says nothing about how many of its
  // reports lie in which area, as "most of them" would.
  const perCell = new Map<string, MapRecord>();
  for (const i of matching) {
    const cell = records.cell(i);
    if (cell === NO_CELL) continue;
    const first = perCell.get(cell);
    if (first === undefined || records.key(i) < records.key(first)) perCell.set(cell, i);
  }
  const shownCells = new Map<string, number>();
  for (const cell of perCell.keys()) {
    const n = byCell.shown(cell, f);
    if (n !== undefined) shownCells.set(cell, n);
  }

  const areaTotals = new Map<number, { n: number; hidden: number; ck: number }>(areaIds.map((id) => [id, { n: 0, hidden: 0, ck: 0 }]));
  for (const i of matching) {
    const areaId = records.areaId(i);
    const t = areaTotals.get(areaId) ?? { n: 0, hidden: 0, ck: 0 };
    t.n += 1;
    t.ck = addKeys(t.ck, records.key(i));
    if (!shownCells.has(records.cell(i))) t.hidden += 1;
    areaTotals.set(areaId, t);
  }
  const suppressed = suppressAreaTotals(
    [...areaTotals].map(([id, t]) => ({ key: String(id), n: t.n, hidden: t.hidden, ck: t.ck })),
    k,
    noise,
  );

  const cells: MapCell[] = [...shownCells]
    .map(([cell, n]) => {
      const [lat, lon] = cellToLatLng(cell);
      const areaId = records.areaId(perCell.get(cell)!);
      return {
        cell,
        n,
        boundary: cellToBoundary(cell) as [number, number][],
        centre: { lat, lon },
        place: places.nearest({ lat, lon }),
        areaId,
      };
    })
    .sort((a, b) => b.n - a.n || a.cell.localeCompare(b.cell));
  return {
    cells,
    areas: suppressed.map((s) => {
      // Both rules must allow it: this filter's own row, and no differencing against other filters.
      const released = s.suppressed || s.n === 0 ? (s.suppressed ? undefined : 0) : byArea.shown(s.key, f);
      return {
        areaId: Number(s.key),
        total: released === undefined ? { suppressed: true } : { suppressed: false, n: released },
      };
    }),
  };
}
