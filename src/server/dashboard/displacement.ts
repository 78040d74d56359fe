/**
 * The displacement monitor: when the effort in a target area works, problems
 * may move next door. For each target area and each adjacent area, the trend
 * of reports (per half-year) and of insecurity in the evening (per closed
 * survey wave) side by side, each indexed to a baseline (= 100), with a flag
 * when, from the baseline to the latest period, an adjacent area's index rose
 * while the target area's fell.
 *
 * Privacy: report counts per half-year come from report-stats.ts, suppressed
 * together with every other table of their year (so a hidden half-year is
 * never the year's total minus the other half); survey shares come from
 * estimateIndicator (suppressed below K). A suppressed figure breaks its
 * series: it has no index, and cannot be a baseline. Only completed
 * half-years are used: a half-year still running would look like a fall.
 */
import { asc } from 'drizzle-orm';
import { surveySeries, type Area, type Survey, type SurveySeries } from '../../../db/schema.ts';
import type { LineSeries } from '../../lib/charts/geometry.ts';
import { SUPPRESSED, type DataTable, type TableValue } from '../../lib/data-table.ts';
import { formatNumber } from '../../lib/format.ts';
import { messages, type Locale } from '../../lib/i18n/index.ts';
import { listAreas } from '../partnership/areas.ts';
import { copenhagenDay } from '../../lib/time.ts';
import type { Queryable } from '../db/connection.ts';
import { mapYears } from '../reports/map.ts';
import { parseEstimateOptions } from './goals.ts';
import { closedWaves, estimateIndicator, INSECURITY_EVENING, type EstimateOptions } from './indicators.ts';
import { cachedReportMap } from '../reports/map.ts';
import { suppressYearTables } from './report-stats.ts';
import type { TableBuilder, TableContext } from './tables.ts';

/* ------------------------------------------------------------ pure rules */

/** A value of a series: a number, or null where it is suppressed (the series breaks). */
export interface SeriesValue {
  key: string;
  value: number | null;
}

export interface IndexedSeries {
  /** The period the index is relative to, or undefined when none can be (no shown, non-zero value). */
  baseline: string | undefined;
  points: { key: string; value: number | null; index: number | null }[];
}

/**
 * Indexes a series to a baseline: index = 100 × value / value at the
 * baseline. The baseline is the chosen period, or else the first period with
 * a shown, non-zero value. A suppressed value has no index; a chosen
 * baseline that is suppressed or zero leaves the whole series without one.
 */
export function indexSeries(values: readonly SeriesValue[], chosen?: string): IndexedSeries {
  const base = chosen !== undefined ? values.find((v) => v.key === chosen) : values.find((v) => v.value !== null && v.value > 0);
  const denominator = base?.value ?? null;
  if (base === undefined || denominator === null || denominator <= 0) {
    return { baseline: undefined, points: values.map((v) => ({ key: v.key, value: v.value, index: null })) };
  }
  return {
    baseline: base.key,
    points: values.map((v) => ({ key: v.key, value: v.value, index: v.value === null ? null : (100 * v.value) / denominator })),
  };
}

export type FlagStatus = 'flag' | 'none' | 'not_enough';

export interface DisplacementFlag {
  status: FlagStatus;
  /** The latest period of the series (the same for both areas). */
  latest: string | undefined;
  targetIndex: number | null;
  adjacentIndex: number | null;
}

/**
 * The flag rule, in plain words: possible displacement when, at the latest
 * period, the adjacent area's index is above 100 (it rose from its baseline)
 * and the target area's is below 100 (it fell). When either index is missing
 * at the latest period (suppressed, or no baseline), nothing can be said.
 */
export function displacementFlag(target: IndexedSeries, adjacent: IndexedSeries): DisplacementFlag {
  const latest = target.points.at(-1)?.key;
  const at = (s: IndexedSeries): number | null => s.points.find((p) => p.key === latest)?.index ?? null;
  const targetIndex = at(target);
  const adjacentIndex = at(adjacent);
  if (latest === undefined || targetIndex === null || adjacentIndex === null) return { status: 'not_enough', latest, targetIndex, adjacentIndex };
  return { status: adjacentIndex > 100 && targetIndex < 100 ? 'flag' : 'none', latest, targetIndex, adjacentIndex };
}

/* ------------------------------------------------------------ input */

export interface DisplacementFilter {
  areas: Area[];
  /** Completed half-years ('2025-H1'), oldest first. */
  periods: string[];
  /** A chosen baseline half-year for reports, or undefined for each area's first with figures. */
  baseline: string | undefined;
  seriesList: SurveySeries[];
  series: SurveySeries | undefined;
  /** The adjacent area to show, or undefined for all. */
  adjacent: Area | undefined;
  options: EstimateOptions;
}

/** Completed half-years from the first year with moderated reports, oldest first. */
export async function completedHalfYears(db: Queryable, now = new Date()): Promise<string[]> {
  const today = copenhagenDay(now);
  return [...(await mapYears(db, now))]
    .reverse()
    .flatMap((y) => [
      { key: `${y}-H1`, ends: `${y}-07-01` },
      { key: `${y}-H2`, ends: `${Number(y) + 1}-01-01` },
    ])
    .filter((p) => p.ends <= today)
    .map((p) => p.key);
}

/**
 * Reads `?baseline=YYYY-H1&series=slug&area=slug` (plus the weighting
 * switches of the dashboard's front), allow-listed: unknown values are ignored.
 */
export async function readDisplacementFilter(db: Queryable, params: URLSearchParams, k: number, now = new Date()): Promise<DisplacementFilter> {
  const areas = await listAreas(db);
  const periods = await completedHalfYears(db, now);
  const seriesList: SurveySeries[] = [];
  for (const s of await db.select().from(surveySeries).orderBy(asc(surveySeries.id))) {
    if ((await closedWaves(db, s.id)).length > 0) seriesList.push(s);
  }
  const baseline = params.get('baseline') ?? '';
  const series = params.get('series') ?? '';
  const area = params.get('area') ?? '';
  return {
    areas,
    periods,
    baseline: periods.includes(baseline) ? baseline : undefined,
    seriesList,
    series: seriesList.find((s) => s.slug === series) ?? seriesList[0],
    adjacent: areas.find((a) => a.kind === 'adjacent' && a.slug === area),
    options: parseEstimateOptions(params, k),
  };
}

/** The query string that reproduces a filter (for export links). */
export function displacementQuery(filter: DisplacementFilter): string {
  return new URLSearchParams({
    ...(filter.baseline ? { baseline: filter.baseline } : {}),
    ...(filter.series ? { series: filter.series.slug } : {}),
    ...(filter.adjacent ? { area: filter.adjacent.slug } : {}),
    ...(filter.options.weighted ? {} : { vaegtet: '0' }),
    ...(filter.options.excludeSuspicious ? {} : { mistaenkelige: 'med' }),
  }).toString();
}

/* ------------------------------------------------------------ computation */

/** A figure as published: a count (reports) or a share 0–1 (survey), or suppressed. */
export type ShownFigure = { suppressed: true } | { suppressed: false; value: number };

export interface AreaTrend {
  area: Area;
  indexed: IndexedSeries;
  /** The figure per period key. */
  figures: Map<string, ShownFigure>;
}

export interface Pair {
  target: Area;
  adjacent: Area;
  reports: DisplacementFlag;
  survey: DisplacementFlag;
}

export interface Displacement {
  periods: string[];
  waves: Survey[];
  /** The areas shown: every target area, and the chosen adjacent area or all of them. */
  areas: Area[];
  reportTrends: AreaTrend[];
  surveyTrends: AreaTrend[];
  pairs: Pair[];
}

/** Both trends and the flags for every target and adjacent area. */
export async function computeDisplacement(db: Queryable, filter: DisplacementFilter, k: number, now = new Date()): Promise<Displacement> {
  const shownAreas = filter.areas.filter((a) => a.kind === 'target' || filter.adjacent === undefined || a.id === filter.adjacent.id);

  // Reports: the half-year row of each year's suppressed tables (all areas, so suppression matches the other pages).
  const years = [...new Set(filter.periods.map((p) => p.slice(0, 4)))];
  const halfYears = new Map<string, ShownFigure>();
  const publicMap = await cachedReportMap(db, filter.areas.map((a) => a.id), k, now);
  for (const year of years) {
    const { byHalfYear } = await suppressYearTables(db, year, filter.areas, k, now, publicMap);
    for (const row of byHalfYear.rows) {
      for (const cell of row.cells) halfYears.set(`${year}-${row.key}\u0000${cell.key}`, cell.suppressed ? { suppressed: true } : { suppressed: false, value: cell.n });
    }
  }
  const reportTrends = shownAreas.map((area): AreaTrend => {
    const figures = new Map(filter.periods.map((p): [string, ShownFigure] => [p, halfYears.get(`${p}\u0000${area.slug}`) ?? { suppressed: false, value: 0 }]));
    const values = filter.periods.map((p) => {
      const f = figures.get(p)!;
      return { key: p, value: f.suppressed ? null : f.value };
    });
    return { area, figures, indexed: indexSeries(values, filter.baseline) };
  });

  // Survey: insecurity in the evening per closed wave, indexed to the first wave with a shown figure.
  const waves = filter.series ? await closedWaves(db, filter.series.id) : [];
  const surveyTrends: AreaTrend[] = [];
  for (const area of shownAreas) {
    const figures = new Map<string, ShownFigure>();
    const values: SeriesValue[] = [];
    for (const w of waves) {
      const e = await estimateIndicator(db, INSECURITY_EVENING, w.id, area.id, filter.options);
      figures.set(String(w.id), e.suppressed ? { suppressed: true } : { suppressed: false, value: e.p });
      values.push({ key: String(w.id), value: e.suppressed ? null : e.p });
    }
    surveyTrends.push({ area, figures, indexed: indexSeries(values) });
  }

  const pairs: Pair[] = [];
  for (const target of shownAreas.filter((a) => a.kind === 'target')) {
    for (const adjacent of shownAreas.filter((a) => a.kind === 'adjacent')) {
      const trend = (list: AreaTrend[], a: Area): IndexedSeries => list.find((t) => t.area.id === a.id)!.indexed;
      pairs.push({
        target,
        adjacent,
        reports: displacementFlag(trend(reportTrends, target), trend(reportTrends, adjacent)),
        survey: displacementFlag(trend(surveyTrends, target), trend(surveyTrends, adjacent)),
      });
    }
  }
  return { periods: filter.periods, waves, areas: shownAreas, reportTrends, surveyTrends, pairs };
}

/* ------------------------------------------------------------ presentation */

function areaName(area: Area, locale: Locale): string {
  return locale === 'da' ? area.nameDa : area.nameEn;
}

function waveName(wave: Survey, locale: Locale): string {
  return locale === 'en' && wave.waveEn ? wave.waveEn : wave.waveDa;
}

/** "1. halvår 2025" / "H1 2025" for '2025-H1'. */
export function halfYearLabel(period: string, locale: Locale): string {
  return messages(locale).dashboardReports.displacement.halfYear(period.slice(0, 4), period.slice(-1));
}

/** The label of a period key of a measure: a half-year, or a wave id. */
function periodLabel(d: Displacement, measure: 'reports' | 'survey', key: string | undefined, locale: Locale): string {
  if (key === undefined) return '';
  if (measure === 'reports') return halfYearLabel(key, locale);
  const wave = d.waves.find((w) => String(w.id) === key);
  return wave ? waveName(wave, locale) : key;
}

const indexValue = (figure: ShownFigure | undefined, index: number | null): TableValue =>
  figure === undefined ? null : figure.suppressed ? SUPPRESSED : index === null ? null : Math.round(index * 10) / 10;

function trendTable(d: Displacement, measure: 'reports' | 'survey', locale: Locale): DataTable {
  const m = messages(locale).dashboardReports.displacement;
  const trends = measure === 'reports' ? d.reportTrends : d.surveyTrends;
  const keys = measure === 'reports' ? d.periods : d.waves.map((w) => String(w.id));
  return {
    counts: measure === 'reports' ? 'reports' : 'responses',
    id: measure === 'reports' ? 'displacement-reports' : 'displacement-survey',
    title: measure === 'reports' ? m.reportsTable : m.surveyTable,
    columns: [
      { key: 'period', label: measure === 'reports' ? m.columns.period : m.columns.wave, kind: 'text' },
      ...trends.flatMap((t) => [
        {
          key: `${t.area.slug}-value`,
          label: `${areaName(t.area, locale)}: ${measure === 'reports' ? m.columns.count : m.columns.share}`,
          kind: measure === 'reports' ? ('count' as const) : ('share' as const),
        },
        { key: `${t.area.slug}-index`, label: `${areaName(t.area, locale)}: ${m.columns.index}`, kind: 'decimal' as const },
      ]),
    ],
    rows: keys.map((key) => ({
      period: periodLabel(d, measure, key, locale),
      ...Object.fromEntries(
        trends.flatMap((t) => {
          const figure = t.figures.get(key);
          const value: TableValue = figure === undefined ? null : figure.suppressed ? SUPPRESSED : figure.value;
          const point = t.indexed.points.find((p) => p.key === key);
          return [
            [`${t.area.slug}-value`, value],
            [`${t.area.slug}-index`, indexValue(figure, point?.index ?? null)],
          ];
        }),
      ),
    })),
    note: m.rule,
  };
}

function flagsTable(d: Displacement, locale: Locale): DataTable {
  const m = messages(locale).dashboardReports.displacement;
  const baselineOf = (measure: 'reports' | 'survey', a: Area): string =>
    periodLabel(d, measure, (measure === 'reports' ? d.reportTrends : d.surveyTrends).find((t) => t.area.id === a.id)?.indexed.baseline, locale);
  const index = (x: number | null): TableValue => (x === null ? null : Math.round(x * 10) / 10);
  const verdict: Record<FlagStatus, string> = { flag: m.flag, none: m.noSign, not_enough: m.cannotCompare };
  return {
    id: 'displacement-flags',
    title: m.flagsTable,
    columns: [
      { key: 'measure', label: m.columns.measure, kind: 'text' },
      { key: 'target', label: m.columns.target, kind: 'text' },
      { key: 'adjacent', label: m.columns.adjacent, kind: 'text' },
      { key: 'targetBaseline', label: m.columns.targetBaseline, kind: 'text' },
      { key: 'adjacentBaseline', label: m.columns.adjacentBaseline, kind: 'text' },
      { key: 'latest', label: m.columns.latestPeriod, kind: 'text' },
      { key: 'targetIndex', label: m.columns.targetIndex, kind: 'decimal' },
      { key: 'adjacentIndex', label: m.columns.adjacentIndex, kind: 'decimal' },
      { key: 'flag', label: m.columns.flag, kind: 'text' },
    ],
    rows: d.pairs.flatMap((p) =>
      (['reports', 'survey'] as const).map((measure) => {
        const f = p[measure];
        return {
          measure: measure === 'reports' ? m.reportsMeasure : m.surveyMeasure,
          target: areaName(p.target, locale),
          adjacent: areaName(p.adjacent, locale),
          targetBaseline: baselineOf(measure, p.target),
          adjacentBaseline: baselineOf(measure, p.adjacent),
          latest: periodLabel(d, measure, f.latest, locale),
          targetIndex: index(f.targetIndex),
          adjacentIndex: index(f.adjacentIndex),
          flag: verdict[f.status],
        };
      }),
    ),
    note: m.rule,
  };
}

export interface DisplacementTables {
  reports: DataTable;
  survey: DataTable;
  flags: DataTable;
}

export function displacementTables(d: Displacement, locale: Locale): DisplacementTables {
  return { reports: trendTable(d, 'reports', locale), survey: trendTable(d, 'survey', locale), flags: flagsTable(d, locale) };
}

export interface PairView {
  id: string;
  heading: string;
  /** Plain-language verdicts, one per measure; `flag` marks possible displacement. */
  sentences: { flag: boolean; text: string }[];
  reportsChart: { title: string; series: LineSeries[]; categories: string[] };
  surveyChart: { title: string; series: LineSeries[]; categories: string[] };
}

/** Per pair: the verdict sentences and the two index charts (target and adjacent). */
export function displacementPairs(d: Displacement, locale: Locale): PairView[] {
  const m = messages(locale).dashboardReports.displacement;
  const fmt = (x: number | null): string => (x === null ? '' : formatNumber(locale, x));
  const series = (trends: AreaTrend[], a: Area): LineSeries => ({
    key: a.slug,
    label: areaName(a, locale),
    points: trends.find((t) => t.area.id === a.id)!.indexed.points.map((p) => ({ x: p.key, value: p.index })),
  });
  return d.pairs.map((p) => {
    const target = areaName(p.target, locale);
    const adjacent = areaName(p.adjacent, locale);
    const sentence = (flag: DisplacementFlag, measure: string): { flag: boolean; text: string } =>
      flag.status === 'flag'
        ? { flag: true, text: m.flagSentence(adjacent, target, fmt(flag.adjacentIndex), fmt(flag.targetIndex), measure) }
        : { flag: false, text: flag.status === 'none' ? m.noFlag(measure) : m.notEnough(measure) };
    return {
      id: `${p.target.slug}--${p.adjacent.slug}`,
      heading: m.pairHeading(target, adjacent),
      sentences: [sentence(p.reports, m.reportsMeasure), sentence(p.survey, m.surveyMeasure)],
      reportsChart: { title: m.reportsChart(target, adjacent), series: [series(d.reportTrends, p.target), series(d.reportTrends, p.adjacent)], categories: d.periods },
      surveyChart: {
        title: m.surveyChart(target, adjacent),
        series: [series(d.surveyTrends, p.target), series(d.surveyTrends, p.adjacent)],
        categories: d.waves.map((w) => String(w.id)),
      },
    };
  });
}

/** Labels of the charts' categories: half-years and waves. */
export function displacementCategoryLabel(d: Displacement, locale: Locale): (key: string) => string {
  return (key) => (/^\d{4}-H[12]$/.test(key) ? halfYearLabel(key, locale) : periodLabel(d, 'survey', key, locale));
}

/* ------------------------------------------------------------ exports */

async function displacementFor(ctx: TableContext): Promise<Displacement> {
  return computeDisplacement(ctx.db, await readDisplacementFilter(ctx.db, ctx.params, ctx.k), ctx.k);
}

/** The page's tables by id, for the export endpoint; built exactly as the page builds them. */
export const tables: Record<string, TableBuilder> = {
  'displacement-reports': async (ctx) => displacementTables(await displacementFor(ctx), ctx.locale).reports,
  'displacement-survey': async (ctx) => displacementTables(await displacementFor(ctx), ctx.locale).survey,
  'displacement-flags': async (ctx) => displacementTables(await displacementFor(ctx), ctx.locale).flags,
};
