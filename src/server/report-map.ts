/**
 * The public map of concern reports: counts of moderated reports per H3
 * hexagon (resolution 9, about 0.1 km²) and per area. Exact points,
 * descriptions and typed places never leave this module; a hexagon below K
 * is dropped (cellsAtLeastK) and area totals go through suppressAreaTotals,
 * so a hidden hexagon cannot be worked out from an area total.
 */
import { and, eq, gte, inArray, type SQL } from 'drizzle-orm';
import { cellToBoundary, cellToLatLng, latLngToCell } from 'h3-js';
import { REPORTER_TYPES, reportCategories, reports, type ReporterType, type ReportStatus } from '../../db/schema.ts';
import { cellsAtLeastK, suppressAreaTotals, type MapCellCount } from '../lib/aggregate.ts';
import { nearestPlace, type NamedPlace, type Point } from '../lib/places.ts';
import { copenhagenDay } from './comments.ts';
import type { Queryable } from './db/connection.ts';

/** H3 resolution of the map's hexagons. */
export const MAP_RESOLUTION = 9;
/** Statuses after a moderator has looked at a report: only these are counted or published. */
export const MODERATED_STATUSES: readonly ReportStatus[] = ['forwarded', 'in_progress', 'handled', 'not_possible'];
export const MAP_PERIODS = ['30d', '12m', 'all'] as const;
export type MapPeriod = (typeof MAP_PERIODS)[number];

export interface MapFilter {
  categorySlug?: string | undefined;
  period: MapPeriod;
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

/** The first day (YYYY-MM-DD, Copenhagen) a period includes; undefined for all time. */
export function periodStart(period: MapPeriod, now = new Date()): string | undefined {
  if (period === 'all') return undefined;
  const from = new Date(now);
  if (period === '30d') from.setUTCDate(from.getUTCDate() - 30);
  else from.setUTCFullYear(from.getUTCFullYear() - 1);
  return copenhagenDay(from);
}

/** Reads the filter from query parameters, allow-listed (unknown values are ignored). */
export function parseMapFilter(params: URLSearchParams, categorySlugs: readonly string[]): MapFilter {
  const category = params.get('kategori') ?? '';
  const period = params.get('periode') ?? '';
  const reporter = params.get('melder') ?? '';
  return {
    categorySlug: categorySlugs.includes(category) ? category : undefined,
    period: (MAP_PERIODS as readonly string[]).includes(period) ? (period as MapPeriod) : '12m',
    reporterType: (REPORTER_TYPES as readonly string[]).includes(reporter) ? (reporter as ReporterType) : undefined,
  };
}

/** Counts moderated reports per hexagon and per area, with the privacy rules applied. */
export function buildReportMap(db: Queryable, filter: MapFilter, areaIds: readonly number[], k: number, now = new Date()): ReportMap {
  const where: SQL[] = [inArray(reports.status, [...MODERATED_STATUSES])];
  const from = periodStart(filter.period, now);
  if (from) where.push(gte(reports.createdOn, from));
  if (filter.reporterType) where.push(eq(reports.reporterType, filter.reporterType));
  if (filter.categorySlug) where.push(eq(reportCategories.slug, filter.categorySlug));
  const rows = db
    .select({ lat: reports.lat, lon: reports.lon, areaId: reports.areaId })
    .from(reports)
    .innerJoin(reportCategories, eq(reportCategories.id, reports.categoryId))
    .where(and(...where))
    .all();

  // cell → area → count
  const byCell = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const cell = reportCell(r);
    const perArea = byCell.get(cell) ?? new Map<number, number>();
    perArea.set(r.areaId, (perArea.get(r.areaId) ?? 0) + 1);
    byCell.set(cell, perArea);
  }
  const counts = [...byCell].map(([cell, perArea]) => ({ cell, n: [...perArea.values()].reduce((s, n) => s + n, 0) }));
  const shown = cellsAtLeastK(counts, k);
  const shownSet = new Set(shown.map((c) => c.cell));

  const areaTotals = new Map<number, { n: number; hidden: number }>(areaIds.map((id) => [id, { n: 0, hidden: 0 }]));
  for (const [cell, perArea] of byCell) {
    for (const [areaId, n] of perArea) {
      const t = areaTotals.get(areaId) ?? { n: 0, hidden: 0 };
      t.n += n;
      if (!shownSet.has(cell)) t.hidden += n;
      areaTotals.set(areaId, t);
    }
  }
  const entries = [...areaTotals];
  const suppressed = suppressAreaTotals(
    entries.map(([id, t]) => ({ key: String(id), n: t.n, hidden: t.hidden })),
    k,
  );

  const cells: MapCell[] = shown
    .map((c) => {
      const [lat, lon] = cellToLatLng(c.cell);
      const perArea = [...byCell.get(c.cell)!].sort((a, b) => b[1] - a[1]);
      return {
        cell: c.cell,
        n: c.n,
        boundary: cellToBoundary(c.cell) as [number, number][],
        centre: { lat, lon },
        place: nearestPlace({ lat, lon }),
        areaId: perArea[0]![0],
      };
    })
    .sort((a, b) => b.n - a.n || a.cell.localeCompare(b.cell));
  return {
    cells,
    areas: suppressed.map((s) => ({
      areaId: Number(s.key),
      total: s.suppressed ? { suppressed: true } : { suppressed: false, n: s.n },
    })),
  };
}
