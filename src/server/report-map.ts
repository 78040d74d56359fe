/**
 * The public map of concern reports: counts of moderated reports per H3
 * hexagon (resolution 9, about 0.1 km²) and per area. Exact points,
 * descriptions and typed places never leave this module. A count is shown
 * only through releaseFilteredCounts (src/lib/aggregate.ts): at least K, and
 * not below K by differencing two filter choices; area totals also go through
 * suppressAreaTotals, so a hidden hexagon cannot be worked out from them.
 */
import { count, eq, inArray, max, min } from 'drizzle-orm';
import { cellToBoundary, cellToLatLng, latLngToCell } from 'h3-js';
import { REPORTER_TYPES, reportCategories, reports, reportUpdates, type ReporterType, type ReportStatus } from '../../db/schema.ts';
import { releaseFilteredCounts, suppressAreaTotals, type Filter, type FilterDimension, type FilteredRelease, type MapCellCount } from '../lib/aggregate.ts';
import { nearestPlace, type NamedPlace, type Point } from '../lib/places.ts';
import { copenhagenDay } from './comments.ts';
import type { Queryable } from './db/connection.ts';

/** H3 resolution of the map's hexagons. */
export const MAP_RESOLUTION = 9;
/** Statuses after a moderator has looked at a report: only these are counted or published. */
export const MODERATED_STATUSES: readonly ReportStatus[] = ['forwarded', 'in_progress', 'handled', 'not_possible'];
/** "All time", or a calendar year (Copenhagen): periods partition time, so none hides inside another. */
export const ALL_PERIODS = 'all';

export interface MapFilter {
  categorySlug?: string | undefined;
  /** ALL_PERIODS or a year such as "2026". */
  period: string;
  reporterType?: ReporterType | undefined;
}

export interface MapCell extends MapCellCount {
  /** Ring of [lat, lon] corners (from cellToBoundary). */
  boundary: [number, number][];
  centre: Point;
  /** The named place nearest the hexagon's centre: how the table describes it. */
  place: NamedPlace;
  /** The area most of the cell's reports lie in. */
  areaId: number;
}

export interface AreaTotal {
  areaId: number;
  total: { suppressed: false; n: number } | { suppressed: true };
}

export interface ReportMap {
  cells: MapCell[];
  areas: AreaTotal[];
}

/** The H3 cell of a point at the map's resolution. */
export function reportCell(point: Point): string {
  return latLngToCell(point.lat, point.lon, MAP_RESOLUTION);
}

/** The years a filter can choose: from the first moderated report's year to this year, newest first. */
export async function mapYears(db: Queryable, now = new Date()): Promise<string[]> {
  const [row] = await db
    .select({ on: min(reports.createdOn) })
    .from(reports)
    .where(inArray(reports.status, [...MODERATED_STATUSES]))
    .limit(1);
  const first = row?.on;
  const last = Number(copenhagenDay(now).slice(0, 4));
  const from = first ? Math.min(Number(first.slice(0, 4)), last) : last;
  return Array.from({ length: last - from + 1 }, (_, i) => String(last - i));
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

interface MapRecord {
  cell: string;
  areaId: number;
  category: string;
  year: string;
  reporterType: string;
}

/**
 * Counts moderated reports per hexagon and per area, with the privacy rules
 * applied: every count goes through releaseFilteredCounts (K, and no count
 * below K by differencing one filter choice against another), and area
 * totals also through suppressAreaTotals (no hidden hexagon recoverable
 * from its area's total).
 */
export async function buildReportMap(db: Queryable, filter: MapFilter, areaIds: readonly number[], k: number, now = new Date()): Promise<ReportMap> {
  return (await cachedReportMap(db, areaIds, k, now)).build(filter);
}

const prepared = new WeakMap<object, { key: string; map: PreparedReportMap }>();

/**
 * The prepared map, kept until something it counts changes. Only moderation
 * changes what the map counts, and every moderation step (status, merge)
 * writes a report update, so the newest update's and report's ids, with the
 * categories, K, the areas and the year, say whether the kept map is still right.
 * Without this, every view of /kort would reload and re-hexagon every report.
 * The key is read before the reports, so a map kept by a slower concurrent
 * caller is never newer than its key says: at worst it is prepared again.
 */
export async function cachedReportMap(db: Queryable, areaIds: readonly number[], k: number, now = new Date()): Promise<PreparedReportMap> {
  const stamp = [
    // Ids are random (README "Privacy"): the count tells that an update was added.
    (await db.select({ n: count(), last: max(reportUpdates.id) }).from(reportUpdates).limit(1))[0],
    // Moderated reports written straight in (seeding, imports) change it too;
    // a new report waiting for moderation does not, as the map does not count it.
    (await db.select({ n: count(), last: max(reports.id) }).from(reports).where(inArray(reports.status, [...MODERATED_STATUSES])).limit(1))[0],
  ];
  const [categoriesStamp] = await db.select({ n: count(), last: max(reportCategories.id) }).from(reportCategories).limit(1);
  const key = JSON.stringify([stamp, categoriesStamp, areaIds, k, copenhagenDay(now).slice(0, 4)]);
  const kept = prepared.get(db);
  if (kept?.key === key) return kept.map;
  const map = await prepareReportMap(db, areaIds, k, now);
  prepared.set(db, { key, map });
  return map;
}

/** The moderated reports and their releases, ready to build the map for any filter. */
export interface PreparedReportMap {
  build(filter: MapFilter): ReportMap;
}

/**
 * Loads the moderated reports once (with their H3 cells) and computes the
 * releases for every filter combination at once, so a page that needs the
 * map for several filters (the dashboard, one per category) pays for the
 * loading and the hexagons only once.
 */
export async function prepareReportMap(db: Queryable, areaIds: readonly number[], k: number, now = new Date()): Promise<PreparedReportMap> {
  const rows = await db
    .select({ lat: reports.lat, lon: reports.lon, areaId: reports.areaId, category: reportCategories.slug, createdOn: reports.createdOn, reporterType: reports.reporterType })
    .from(reports)
    .innerJoin(reportCategories, eq(reportCategories.id, reports.categoryId))
    .where(inArray(reports.status, [...MODERATED_STATUSES]));
  const records: MapRecord[] = rows.map((r) => ({ cell: reportCell(r), areaId: r.areaId, category: r.category, year: r.createdOn.slice(0, 4), reporterType: r.reporterType }));

  const dimensions: FilterDimension<MapRecord>[] = [
    { name: 'category', values: [...new Set(records.map((r) => r.category))], of: (r) => r.category },
    { name: 'year', values: await mapYears(db, now), of: (r) => r.year },
    { name: 'reporter', values: REPORTER_TYPES, of: (r) => r.reporterType },
  ];
  const byCell = releaseFilteredCounts(records, (r) => r.cell, dimensions, k);
  const byArea = releaseFilteredCounts(records, (r) => String(r.areaId), dimensions, k);
  return { build: (filter) => buildFromRecords(records, byCell, byArea, filter, areaIds, k) };
}

function buildFromRecords(
  records: readonly MapRecord[],
  byCell: FilteredRelease,
  byArea: FilteredRelease,
  filter: MapFilter,
  areaIds: readonly number[],
  k: number,
): ReportMap {
  const f: Filter = {
    category: filter.categorySlug,
    year: filter.period === ALL_PERIODS ? undefined : filter.period,
    reporter: filter.reporterType,
  };
  const matching = records.filter(
    (r) => (!f['category'] || r.category === f['category']) && (!f['year'] || r.year === f['year']) && (!f['reporter'] || r.reporterType === f['reporter']),
  );
  // cell → area → count, under the filter
  const perCell = new Map<string, Map<number, number>>();
  for (const r of matching) {
    const perArea = perCell.get(r.cell) ?? new Map<number, number>();
    perArea.set(r.areaId, (perArea.get(r.areaId) ?? 0) + 1);
    perCell.set(r.cell, perArea);
  }
  const shownCells = new Map<string, number>();
  for (const cell of perCell.keys()) {
    const n = byCell.shown(cell, f);
    if (n !== undefined) shownCells.set(cell, n);
  }

  const areaTotals = new Map<number, { n: number; hidden: number }>(areaIds.map((id) => [id, { n: 0, hidden: 0 }]));
  for (const [cell, perArea] of perCell) {
    for (const [areaId, n] of perArea) {
      const t = areaTotals.get(areaId) ?? { n: 0, hidden: 0 };
      t.n += n;
      if (!shownCells.has(cell)) t.hidden += n;
      areaTotals.set(areaId, t);
    }
  }
  const suppressed = suppressAreaTotals(
    [...areaTotals].map(([id, t]) => ({ key: String(id), n: t.n, hidden: t.hidden })),
    k,
  );

  const cells: MapCell[] = [...shownCells]
    .map(([cell, n]) => {
      const [lat, lon] = cellToLatLng(cell);
      const perArea = [...perCell.get(cell)!].sort((a, b) => b[1] - a[1]);
      return {
        cell,
        n,
        boundary: cellToBoundary(cell) as [number, number][],
        centre: { lat, lon },
        place: nearestPlace({ lat, lon }),
        areaId: perArea[0]![0],
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
