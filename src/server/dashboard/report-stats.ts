/**
 * Report statistics for the authority dashboard: moderated reports of one
 * calendar year counted by category, month, status and area, by time of day
 * and weekday, a heat map of H3 cells, and the handling time from received
 * to handled.
 *
 * Privacy: every count goes through src/lib/disclosure/index.ts.
 * - The two-way tables go through suppressTable (K, and no suppressed count
 *   recoverable from shown cells and totals). Tables that publish the same
 *   totals (every area's total for the year, the year's total) are
 *   suppressed together: a total hidden in one is forced hidden in the
 *   others, until they agree. A total hidden in one table and shown in
 *   another would not be hidden.
 * - The public map (/kort) already publishes, for a year, each area's total
 *   and each area's count per category; whatever it hides is forced hidden
 *   here too, so the dashboard never shows what the public page withholds.
 * - Heat-map cells: staff who can moderate reports (and so see the points
 *   anyway) see every cell with its count; everyone else sees exactly the
 *   cells the public map shows for the year (releaseFilteredCounts).
 * - Filters cannot be differenced: a year is a calendar year (years are
 *   disjoint; there is no "all time" or sliding window), and choosing an
 *   area shows that area's column of the year's full tables, never a table
 *   computed for the area alone. The time-of-day × weekday table is for all
 *   areas only, for the same reason.
 * What is not attempted: a joint audit of every published table at once
 * (a suppressed total shared by two tables is protected within each).
 */
import { and, asc, eq, gte, inArray, lte, max, sql } from 'drizzle-orm';
import { cellToBoundary, cellToLatLng } from 'h3-js';
import { reportCategories, reports, reportUpdates, TIMES_OF_DAY, type Area, type ReportCategory, type Role } from '../../../db/schema.ts';
import {
  addKeys,
  MIN_K,
  suppressTable,
  type ForcedSuppression,
  type ShownCell,
  type ShownTotal,
  type SuppressedTable,
  type TableRowCounts,
} from '../../lib/disclosure/index.ts';
import type { BarDatum, LineSeries } from '../../lib/charts/geometry.ts';
import { SUPPRESSED, type DataTable, type TableValue } from '../../lib/data-table.ts';
import { INTL_LOCALE, messages, type Locale } from '../../lib/i18n/index.ts';
import { can } from '../../lib/permissions.ts';
import { placeName, type NamedPlace, type PlaceBook } from '../../lib/places.ts';
import { listPlaces } from '../partnership/places.ts';
import { projectGeometries, type HexMapView } from '../../lib/svg-map.ts';
import { listAreas } from '../partnership/areas.ts';
import { copenhagenDay } from '../../lib/time.ts';
import type { Queryable } from '../db/connection.ts';
import { cachedReportMap, mapYears, MODERATED_STATUSES, reportCell, type PreparedReportMap } from '../reports/map.ts';
import type { GeoJsonBuilder, TableBuilder, TableContext } from './tables.ts';

/** The weekday columns: ISO 1–7 (Monday 1), and reports that name no day. */
export const WEEKDAY_KEYS = ['1', '2', '3', '4', '5', '6', '7', 'none'] as const;

export interface ReportStatsFilter {
  /** A calendar year, e.g. "2026". */
  year: string;
  /** The chosen area, or undefined for all areas. */
  area: Area | undefined;
  /** The years that can be chosen, newest first. */
  years: readonly string[];
  areas: Area[];
}

/**
 * Reads `?year=YYYY&area=slug`, allow-listed: an unknown year or area is
 * ignored. Without a year, the newest year with moderated reports.
 */
export async function readReportStatsFilter(db: Queryable, params: URLSearchParams, now = new Date()): Promise<ReportStatsFilter> {
  const years = await mapYears(db, now);
  const areas = await listAreas(db);
  const [row] = await db
    .select({ on: max(reports.createdOn) })
    .from(reports)
    .where(inArray(reports.status, [...MODERATED_STATUSES]))
    .limit(1);
  const latest = row?.on;
  const asked = params.get('year') ?? '';
  const fallback = latest && years.includes(latest.slice(0, 4)) ? latest.slice(0, 4) : years[0]!;
  return {
    year: years.includes(asked) ? asked : fallback,
    area: areas.find((a) => a.slug === (params.get('area') ?? '')),
    years,
    areas,
  };
}

/** The query string that reproduces a filter (for export links). */
export function reportStatsQuery(filter: ReportStatsFilter): string {
  return new URLSearchParams({ year: filter.year, ...(filter.area ? { area: filter.area.slug } : {}) }).toString();
}

/** One hexagon of the heat map. */
export interface HeatCell {
  cell: string;
  n: number;
  /** Fewer than K reports: only in the view of staff who can moderate reports. */
  belowK: boolean;
  /** The area most of the cell's reports lie in. */
  areaId: number;
  place: NamedPlace;
  /** Ring of [lat, lon] corners. */
  boundary: [number, number][];
}

export type ShownMedian = { suppressed: true } | { suppressed: false; days: number } | null;

export interface ThroughputRow {
  /** An area's slug, or undefined for all areas. */
  areaSlug: string | undefined;
  /** Handled reports received in the year: the cell of the status table. */
  handled: ShownTotal;
  /** Median days from received to handled; null when none were handled. */
  median: ShownMedian;
}

/** What the reports page shows (the half-year table is the displacement monitor's). */
export interface ReportStats extends Omit<YearTables, 'byHalfYear'> {
  year: string;
  area: Area | undefined;
  areas: Area[];
  k: number;
  throughput: ThroughputRow[];
  heatmap: { cells: HeatCell[]; includesBelowK: boolean };
}

interface StatRecord {
  id: number;
  /** The report's record key (src/lib/disclosure/perturbation.ts). */
  cellKey: number;
  lat: number;
  lon: number;
  areaId: number;
  categoryId: number;
  timeOfDay: string;
  weekday: number | null;
  status: string;
  createdOn: string;
}

/** Counts records into rows × columns, every combination present (zeros included), each cell with its cell key. */
function crossCount(
  records: readonly StatRecord[],
  rowKeys: readonly string[],
  rowOf: (r: StatRecord) => string,
  columnKeys: readonly string[],
  columnOf: (r: StatRecord) => string,
): TableRowCounts[] {
  const counts = new Map<string, { n: number; ck: number }>();
  for (const r of records) {
    const key = `${rowOf(r)}\u0000${columnOf(r)}`;
    const c = counts.get(key) ?? { n: 0, ck: 0 };
    counts.set(key, { n: c.n + 1, ck: addKeys(c.ck, r.cellKey) });
  }
  return rowKeys.map((row) => ({
    key: row,
    cells: columnKeys.map((column) => {
      const c = counts.get(`${row}\u0000${column}`);
      return { key: column, n: c?.n ?? 0, ck: c?.ck ?? 0 };
    }),
  }));
}

interface LinkedTable {
  rows: TableRowCounts[];
  force?: ForcedSuppression;
  /** The name of a total that another table publishes too (e.g. `area:indre-norrebro`). */
  columnLink?: (column: string) => string;
  totalLink?: string;
}

/**
 * Suppresses tables that share totals so that they agree: a shared total
 * hidden in one is forced hidden in all, and the tables are suppressed again
 * until nothing more is hidden. Suppression only ever grows, so this ends.
 */
function suppressLinked(tables: readonly LinkedTable[], k: number): SuppressedTable[] {
  const hidden = new Set<string>();
  for (;;) {
    const before = hidden.size;
    const results = tables.map((t) => {
      const columns = t.rows[0]?.cells.map((c) => c.key) ?? [];
      const linkedColumns = t.columnLink ? columns.filter((c) => hidden.has(t.columnLink!(c))) : [];
      const result = suppressTable(t.rows, k, {
        ...t.force,
        columnTotals: [...(t.force?.columnTotals ?? []), ...linkedColumns],
        total: t.force?.total === true || (t.totalLink !== undefined && hidden.has(t.totalLink)),
      });
      if (t.columnLink) for (const c of result.columnTotals) if (c.suppressed) hidden.add(t.columnLink(c.key));
      if (t.totalLink !== undefined && result.total.suppressed) hidden.add(t.totalLink);
      return result;
    });
    if (hidden.size === before) return results;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Whole days between two Copenhagen dates (YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The year's counts, suppressed together (see the module comment). */
export interface YearTables {
  categories: ReportCategory[];
  /** Rows: category slugs; columns: area slugs. */
  byCategory: SuppressedTable;
  /** Rows: months 'YYYY-MM'; columns: area slugs. */
  byMonth: SuppressedTable;
  /** Rows: moderated statuses; columns: area slugs. */
  byStatus: SuppressedTable;
  /** Rows: times of day; columns: WEEKDAY_KEYS. All areas. */
  timePattern: SuppressedTable;
  /** Rows: 'H1', 'H2'; columns: area slugs. Shown by the displacement monitor. */
  byHalfYear: SuppressedTable;
}

interface YearData extends YearTables {
  records: StatRecord[];
  publicCells: HeatCellSource[];
}

async function loadYear(db: Queryable, year: string, areas: readonly Area[], k: number, now: Date, prepared?: PreparedReportMap): Promise<YearData> {
  const areaSlug = new Map(areas.map((a) => [a.id, a.slug]));
  const areaIds = areas.map((a) => a.id);
  const records: StatRecord[] = await db
    .select({
      id: reports.id,
      cellKey: reports.cellKey,
      lat: reports.lat,
      lon: reports.lon,
      areaId: reports.areaId,
      categoryId: reports.categoryId,
      timeOfDay: reports.timeOfDay,
      weekday: reports.weekday,
      status: reports.status,
      createdOn: reports.createdOn,
    })
    .from(reports)
    .where(and(inArray(reports.status, [...MODERATED_STATUSES]), gte(reports.createdOn, `${year}-01-01`), lte(reports.createdOn, `${year}-12-31`)));
  const used = new Set(records.map((r) => r.categoryId));
  // Retired categories appear only in the years they were used.
  const categories = (
    await db
      .select()
      .from(reportCategories)
      .orderBy(asc(reportCategories.displayOrder), asc(reportCategories.id))
  ).filter((c) => c.active || used.has(c.id));
  const categorySlug = new Map(categories.map((c) => [c.id, c.slug]));
  const areaKeys = areas.map((a) => a.slug);
  const areaOf = (r: StatRecord): string => areaSlug.get(r.areaId) ?? '';

  // What the public map withholds for this year is withheld here too, except
  // zeros: the public map hides a zero total with its row, but a zero reveals no one.
  const present = new Set(records.flatMap((r) => [`${r.areaId}`, `${r.categoryId}\u0000${r.areaId}`]));
  const publicMap = prepared ?? (await cachedReportMap(db, areaIds, k, now));
  const publicYear = publicMap.build({ period: year });
  const publicHiddenAreas = publicYear.areas.filter((a) => a.total.suppressed && present.has(`${a.areaId}`)).map((a) => areaSlug.get(a.areaId) ?? '');
  const publicHiddenCells = new Set<string>();
  for (const c of categories.filter((x) => used.has(x.id))) {
    for (const a of publicMap.build({ categorySlug: c.slug, period: year }).areas) {
      if (a.total.suppressed && present.has(`${c.id}\u0000${a.areaId}`)) publicHiddenCells.add(`${c.slug}\u0000${areaSlug.get(a.areaId)}`);
    }
  }

  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const areaLink = (slug: string): string => `area:${slug}`;
  const byArea = (rowKeys: readonly string[], rowOf: (r: StatRecord) => string): LinkedTable => ({
    rows: crossCount(records, rowKeys, rowOf, areaKeys, areaOf),
    force: { columnTotals: publicHiddenAreas },
    columnLink: areaLink,
    totalLink: 'year',
  });
  const [byCategory, byMonth, byStatus, timePattern, byHalfYear] = suppressLinked(
    [
      {
        ...byArea(
          categories.map((c) => c.slug),
          (r) => categorySlug.get(r.categoryId) ?? '',
        ),
        force: { columnTotals: publicHiddenAreas, cells: (row, column) => publicHiddenCells.has(`${row}\u0000${column}`) },
      },
      byArea(months, (r) => r.createdOn.slice(0, 7)),
      byArea(MODERATED_STATUSES, (r) => r.status),
      {
        rows: crossCount(records, TIMES_OF_DAY, (r) => r.timeOfDay, WEEKDAY_KEYS, (r) => (r.weekday === null ? 'none' : String(r.weekday))),
        totalLink: 'year',
      },
      // Half-years are suppressed with the rest: a hidden half-year must not be the year's total minus the other half.
      byArea(['H1', 'H2'], (r) => (r.createdOn.slice(5, 7) <= '06' ? 'H1' : 'H2')),
    ],
    k,
  );
  return {
    categories,
    byCategory: byCategory!,
    byMonth: byMonth!,
    byStatus: byStatus!,
    timePattern: timePattern!,
    byHalfYear: byHalfYear!,
    records,
    publicCells: publicYear.cells,
  };
}

/**
 * The year's suppressed tables (for the displacement monitor, which needs the
 * half-years). Pass the public map prepared once when asking for several years.
 */
export async function suppressYearTables(db: Queryable, year: string, areas: readonly Area[], k: number, now = new Date(), prepared?: PreparedReportMap): Promise<YearTables> {
  const data = await loadYear(db, year, areas, k, now, prepared);
  return {
    categories: data.categories,
    byCategory: data.byCategory,
    byMonth: data.byMonth,
    byStatus: data.byStatus,
    timePattern: data.timePattern,
    byHalfYear: data.byHalfYear,
  };
}

/** Every figure of the report statistics for a year, with the privacy rules applied. */
export async function computeReportStats(db: Queryable, filter: ReportStatsFilter, k: number, role: Role, now = new Date()): Promise<ReportStats> {
  const data = await loadYear(db, filter.year, filter.areas, k, now);
  return {
    year: filter.year,
    area: filter.area,
    areas: filter.areas,
    k,
    categories: data.categories,
    byCategory: data.byCategory,
    byMonth: data.byMonth,
    byStatus: data.byStatus,
    timePattern: data.timePattern,
    throughput: await throughputRows(db, filter.year, data.records, data.byStatus, filter.areas, k),
    heatmap: heatCells(data.records, data.publicCells, role, k, await listPlaces(db)),
  };
}

/**
 * Median days from received (the report's day) to handled (the day of its
 * first "handled" update), per area and for all areas, for reports received
 * in the year and handled now. The count is the status table's, so it is
 * suppressed exactly as there; the median is shown only for at least K.
 */
async function throughputRows(db: Queryable, year: string, records: readonly StatRecord[], byStatus: SuppressedTable, areas: readonly Area[], k: number): Promise<ThroughputRow[]> {
  // The first "handled" update of every report of the year that is handled now: joined on the
  // same condition as the year's records, not a list of their ids (a year of a large city has
  // more handled reports than a query may have parameters).
  const firstHandled = new Map<number, Date>();
  const rows = await db
    .select({ reportId: reportUpdates.reportId, at: sql<Date>`min(${reportUpdates.createdAt})`.mapWith(reportUpdates.createdAt) })
    .from(reportUpdates)
    .innerJoin(reports, eq(reports.id, reportUpdates.reportId))
    .where(and(eq(reportUpdates.status, 'handled'), eq(reports.status, 'handled'), gte(reports.createdOn, `${year}-01-01`), lte(reports.createdOn, `${year}-12-31`)))
    .groupBy(reportUpdates.reportId);
  for (const r of rows) firstHandled.set(r.reportId, r.at);
  // Days from received to handled, worked out once per report (the areas' rows and the total share them).
  const daysOf = new Map<number, number>();
  for (const r of records) {
    const at = r.status === 'handled' ? firstHandled.get(r.id) : undefined;
    if (at !== undefined) daysOf.set(r.id, Math.max(0, daysBetween(r.createdOn, copenhagenDay(at))));
  }
  const days = (r: StatRecord): number | undefined => daysOf.get(r.id);
  const handledRow = byStatus.rows.find((r) => r.key === 'handled');
  const K = Math.max(MIN_K, k);
  const shownMedian = (count: ShownTotal, values: number[]): ShownMedian => {
    if (count.suppressed) return { suppressed: true };
    if (count.n === 0) return null;
    // A shown count is at least K; fewer measured values means some lack their "handled" update.
    return values.length < K ? { suppressed: true } : { suppressed: false, days: median(values) };
  };
  const perArea = areas.map((a): ThroughputRow => {
    const cell = handledRow?.cells.find((c) => c.key === a.slug);
    const count: ShownTotal = !cell || cell.suppressed ? { suppressed: true } : { suppressed: false, n: cell.n };
    const values = records.filter((r) => r.status === 'handled' && r.areaId === a.id).flatMap((r) => days(r) ?? []);
    return { areaSlug: a.slug, handled: count, median: shownMedian(count, values) };
  });
  const allCount: ShownTotal = handledRow?.total ?? { suppressed: false, n: 0 };
  const all = records.filter((r) => r.status === 'handled').flatMap((r) => days(r) ?? []);
  return [...perArea, { areaSlug: undefined, handled: allCount, median: shownMedian(allCount, all) }];
}

/**
 * The heat map's cells: every cell with its raw count for staff who can
 * moderate reports; for everyone else the public map's cells for the year.
 */
function heatCells(records: readonly StatRecord[], publicCells: readonly HeatCellSource[], role: Role, k: number, places: PlaceBook): ReportStats['heatmap'] {
  if (!can(role, 'reports.moderate')) {
    return {
      cells: publicCells.map((c) => ({ cell: c.cell, n: c.n, belowK: false, areaId: c.areaId, place: c.place, boundary: c.boundary })),
      includesBelowK: false,
    };
  }
  const perCell = new Map<string, Map<number, number>>();
  for (const r of records) {
    const cell = reportCell(r);
    const perArea = perCell.get(cell) ?? new Map<number, number>();
    perArea.set(r.areaId, (perArea.get(r.areaId) ?? 0) + 1);
    perCell.set(cell, perArea);
  }
  const K = Math.max(MIN_K, k);
  const cells = [...perCell].map(([cell, perArea]): HeatCell => {
    const [lat, lon] = cellToLatLng(cell);
    const n = [...perArea.values()].reduce((s, x) => s + x, 0);
    return {
      cell,
      n,
      belowK: n < K,
      areaId: [...perArea].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0],
      place: places.nearest({ lat, lon }),
      boundary: cellToBoundary(cell) as [number, number][],
    };
  });
  return { cells: cells.sort((a, b) => b.n - a.n || a.cell.localeCompare(b.cell)), includesBelowK: true };
}

type HeatCellSource = Pick<HeatCell, 'cell' | 'n' | 'areaId' | 'place' | 'boundary'>;

/* ------------------------------------------------------------ presentation */

const valueOf = (x: ShownCell | ShownTotal | undefined): TableValue => (x === undefined || x.suppressed ? SUPPRESSED : x.n);

function areaName(area: Area, locale: Locale): string {
  return locale === 'da' ? area.nameDa : area.nameEn;
}

/** "januar 2026" (long) or "jan." (short) for 'YYYY-MM'. */
export function monthLabel(locale: Locale, month: string, style: 'long' | 'short' = 'long'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const options: Intl.DateTimeFormatOptions = style === 'long' ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], options).format(new Date(Date.UTC(y, m - 1, 1)));
}

interface TwoWaySpec {
  id: string;
  title: string;
  rowHeading: string;
  rowLabel: (key: string) => string;
  columnLabel: (key: string) => string;
  /** The columns to include (an area's slice), all by default; a slice has no row-total column. */
  only?: string;
  note?: string;
}

/** A suppressed two-way table as a DataTable: rows, then a total row; a total column unless sliced. */
function twoWayTable(t: SuppressedTable, spec: TwoWaySpec, totalLabel: string): DataTable {
  const keys = (t.rows[0]?.cells ?? t.columnTotals).map((c) => c.key).filter((c) => spec.only === undefined || c === spec.only);
  const withTotal = spec.only === undefined;
  const line = (label: string, cells: readonly ShownCell[], total: ShownTotal): Record<string, TableValue> => ({
    label,
    ...Object.fromEntries(keys.map((key) => [key, valueOf(cells.find((c) => c.key === key))])),
    ...(withTotal ? { total: valueOf(total) } : {}),
  });
  return {
    counts: 'reports',
    id: spec.id,
    title: spec.title,
    columns: [
      { key: 'label', label: spec.rowHeading, kind: 'text' },
      ...keys.map((key) => ({ key, label: spec.columnLabel(key), kind: 'count' as const })),
      ...(withTotal ? [{ key: 'total', label: totalLabel, kind: 'count' as const }] : []),
    ],
    rows: [...t.rows.map((r) => line(spec.rowLabel(r.key), r.cells, r.total)), line(totalLabel, t.columnTotals, t.total)],
    ...(spec.note ? { note: spec.note } : {}),
  };
}

export interface ReportStatsTables {
  byCategory: DataTable;
  byMonth: DataTable;
  byStatus: DataTable;
  timePattern: DataTable;
  throughput: DataTable;
  heatmap: DataTable;
}

/** The statistics as the page's tables, which are also the exports. */
export function reportStatsTables(stats: ReportStats, locale: Locale): ReportStatsTables {
  const all = messages(locale);
  const m = all.dashboardReports;
  const r = all.reports;
  const only = stats.area?.slug;
  const areaLabel = (slug: string): string => {
    const a = stats.areas.find((x) => x.slug === slug);
    return a ? areaName(a, locale) : slug;
  };
  const categoryLabel = (slug: string): string => {
    const c = stats.categories.find((x) => x.slug === slug);
    return c ? (locale === 'da' ? c.nameDa : (c.nameEn ?? c.nameDa)) : slug;
  };
  const weekdayLabel = (key: string): string => (key === 'none' ? m.timePattern.noWeekday : (r.weekdays[Number(key) - 1] ?? key));
  const shownMedian = (x: ShownMedian): TableValue => (x === null ? null : x.suppressed ? SUPPRESSED : x.days);
  const throughputRows = stats.throughput.filter((t) => (only === undefined ? true : t.areaSlug === only));
  const cells = stats.heatmap.cells.filter((c) => stats.area === undefined || c.areaId === stats.area.id);
  return {
    byCategory: twoWayTable(
      stats.byCategory,
      { id: 'reports-by-category', title: m.byCategory.table(stats.year), rowHeading: m.columns.category, rowLabel: categoryLabel, columnLabel: areaLabel, ...(only ? { only } : {}) },
      m.total,
    ),
    byMonth: twoWayTable(
      stats.byMonth,
      { id: 'reports-by-month', title: m.byMonth.table(stats.year), rowHeading: m.columns.month, rowLabel: (x) => monthLabel(locale, x), columnLabel: areaLabel, ...(only ? { only } : {}) },
      m.total,
    ),
    byStatus: twoWayTable(
      stats.byStatus,
      {
        id: 'reports-by-status',
        title: m.throughput.statusTable(stats.year),
        rowHeading: m.columns.status,
        rowLabel: (x) => r.statuses[x as keyof typeof r.statuses] ?? x,
        columnLabel: areaLabel,
        ...(only ? { only } : {}),
      },
      m.total,
    ),
    timePattern: twoWayTable(
      stats.timePattern,
      {
        id: 'reports-time-pattern',
        title: m.timePattern.table(stats.year),
        rowHeading: m.columns.timeOfDay,
        rowLabel: (x) => r.timesOfDay[x as keyof typeof r.timesOfDay] ?? x,
        columnLabel: weekdayLabel,
        note: m.timePattern.allAreas,
      },
      m.total,
    ),
    throughput: {
      counts: 'reports',
      id: 'reports-throughput',
      title: m.throughput.table(stats.year),
      columns: [
        { key: 'area', label: m.columns.area, kind: 'text' },
        { key: 'handled', label: m.columns.handled, kind: 'count' },
        { key: 'median', label: m.columns.medianDays, kind: 'decimal' },
      ],
      rows: throughputRows.map((t) => ({
        area: t.areaSlug === undefined ? m.allAreas : areaLabel(t.areaSlug),
        handled: valueOf(t.handled),
        median: shownMedian(t.median),
      })),
      note: m.throughput.note(stats.k),
    },
    heatmap: {
      counts: 'reports',
      id: 'reports-heatmap',
      title: m.heatmap.table(stats.year),
      columns: [
        { key: 'place', label: m.columns.place, kind: 'text' },
        { key: 'area', label: m.columns.area, kind: 'text' },
        { key: 'reports', label: m.columns.reports, kind: 'count' },
        ...(stats.heatmap.includesBelowK ? [{ key: 'belowK', label: m.columns.belowK, kind: 'text' as const }] : []),
        { key: 'cell', label: m.columns.cell, kind: 'text' },
      ],
      rows: cells.map((c) => ({
        place: placeName(c.place, locale),
        area: areaLabel(stats.areas.find((a) => a.id === c.areaId)?.slug ?? ''),
        reports: c.n,
        ...(stats.heatmap.includesBelowK ? { belowK: c.belowK ? m.yes : m.no } : {}),
        cell: c.cell,
      })),
      note: stats.heatmap.includesBelowK ? m.heatmap.moderatorRule(stats.k) : m.heatmap.analystRule(stats.k),
    },
  };
}

/** The heat map as GeoJSON (lon/lat polygons), with the same cells as its table. */
export function heatmapGeoJson(stats: ReportStats, locale: Locale): object {
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  return {
    type: 'FeatureCollection',
    features: stats.heatmap.cells
      .filter((c) => stats.area === undefined || c.areaId === stats.area.id)
      .map((c) => ({
        type: 'Feature',
        id: c.cell,
        geometry: { type: 'Polygon', coordinates: [[...c.boundary, c.boundary[0]!].map(([lat, lon]) => [round(lon), round(lat)])] },
        properties: {
          cell: c.cell,
          reports: c.n,
          area: stats.areas.find((a) => a.id === c.areaId)?.slug ?? null,
          place: placeName(c.place, locale),
          ...(stats.heatmap.includesBelowK ? { belowK: c.belowK } : {}),
          year: stats.year,
        },
      })),
  };
}

export interface ReportStatsCharts {
  categoryBars: BarDatum[];
  months: string[];
  monthSeries: LineSeries[];
  timeBars: BarDatum[];
  weekdayBars: BarDatum[];
  throughputBars: BarDatum[];
}

const toValue = (x: ShownCell | ShownTotal | undefined): number | null => (x === undefined || x.suppressed ? null : x.n);

/** Ranks bars: largest first, suppressed last (their size is not known). */
function ranked(bars: BarDatum[]): BarDatum[] {
  return [...bars].sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
}

/** The charts' data, from the same suppressed tables. */
export function reportStatsCharts(stats: ReportStats, locale: Locale): ReportStatsCharts {
  const all = messages(locale);
  const r = all.reports;
  const m = all.dashboardReports;
  const only = stats.area?.slug;
  const categoryName = (c: ReportCategory): string => (locale === 'da' ? c.nameDa : (c.nameEn ?? c.nameDa));
  const shownAreas = stats.areas.filter((a) => only === undefined || a.slug === only);
  return {
    // Categories with no reports are left out of the chart (the table lists them with 0).
    categoryBars: ranked(
      stats.byCategory.rows
        .map((row) => {
          const c = stats.categories.find((x) => x.slug === row.key);
          return { key: row.key, label: c ? categoryName(c) : row.key, value: only ? toValue(row.cells.find((x) => x.key === only)) : toValue(row.total) };
        })
        .filter((b) => b.value !== 0),
    ),
    months: stats.byMonth.rows.map((row) => row.key),
    // At most six series stay distinguishable; the seeded areas are three.
    monthSeries: shownAreas.slice(0, 6).map((a) => ({
      key: a.slug,
      label: areaName(a, locale),
      points: stats.byMonth.rows.map((row) => ({ x: row.key, value: toValue(row.cells.find((x) => x.key === a.slug)) })),
    })),
    timeBars: stats.timePattern.rows.map((row) => ({ key: row.key, label: r.timesOfDay[row.key as keyof typeof r.timesOfDay] ?? row.key, value: toValue(row.total) })),
    weekdayBars: stats.timePattern.columnTotals.map((c) => ({
      key: c.key,
      label: c.key === 'none' ? m.timePattern.noWeekday : (r.weekdays[Number(c.key) - 1] ?? c.key),
      value: toValue(c),
    })),
    throughputBars: stats.throughput
      .filter((t) => t.areaSlug !== undefined && (only === undefined || t.areaSlug === only) && t.median !== null)
      .map((t) => {
        const a = stats.areas.find((x) => x.slug === t.areaSlug)!;
        return { key: a.slug, label: areaName(a, locale), value: t.median === null || t.median.suppressed ? null : t.median.days };
      }),
  };
}

export interface HeatmapView extends HexMapView {
  areas: (HexMapView['areas'][number] & { slug: string })[];
}

/** The heat map drawn as SVG paths: areas and hexagons projected in one frame (as on /kort). */
export function heatmapView(stats: ReportStats, locale: Locale): HeatmapView {
  const m = messages(locale).dashboardReports.heatmap;
  const cells = stats.heatmap.cells.filter((c) => stats.area === undefined || c.areaId === stats.area.id);
  const hexagons = cells.map((c) => ({ type: 'Polygon' as const, coordinates: [[...c.boundary, c.boundary[0]!].map(([lat, lon]) => [lon, lat])] }));
  const map = projectGeometries([...stats.areas.map((a) => a.geometry), ...hexagons]);
  const most = Math.max(1, ...cells.map((c) => c.n));
  return {
    width: map.width,
    height: map.height,
    areas: stats.areas.map((a, i) => ({ slug: a.slug, kind: a.kind, name: areaName(a, locale), d: map.shapes[i]!.d, label: map.shapes[i]!.label })),
    cells: cells.map((c, i) => {
      const place = placeName(c.place, locale);
      return {
        cell: c.cell,
        d: map.shapes[stats.areas.length + i]!.d,
        opacity: (0.3 + (0.6 * c.n) / most).toFixed(2),
        belowK: c.belowK,
        title: c.belowK ? m.hexTitleBelowK(place, c.n) : m.hexTitle(place, c.n),
      };
    }),
  };
}

/* ------------------------------------------------------------ exports */

async function statsFor(ctx: TableContext): Promise<ReportStats> {
  return computeReportStats(ctx.db, await readReportStatsFilter(ctx.db, ctx.params), ctx.k, ctx.role);
}

/** The page's tables by id, for the export endpoint; built exactly as the page builds them. */
export const tables: Record<string, TableBuilder> = {
  'reports-by-category': async (ctx) => reportStatsTables(await statsFor(ctx), ctx.locale).byCategory,
  'reports-by-month': async (ctx) => reportStatsTables(await statsFor(ctx), ctx.locale).byMonth,
  'reports-by-status': async (ctx) => reportStatsTables(await statsFor(ctx), ctx.locale).byStatus,
  'reports-time-pattern': async (ctx) => reportStatsTables(await statsFor(ctx), ctx.locale).timePattern,
  'reports-throughput': async (ctx) => reportStatsTables(await statsFor(ctx), ctx.locale).throughput,
  'reports-heatmap': async (ctx) => reportStatsTables(await statsFor(ctx), ctx.locale).heatmap,
};

/** The heat map's cells as GeoJSON, by the same rule for the requesting role. */
export const geojson: Record<string, GeoJsonBuilder> = {
  'reports-heatmap': async (ctx) => heatmapGeoJson(await statsFor(ctx), ctx.locale),
};
