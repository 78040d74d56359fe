/**
 * The overview for businesses and their associations (/erhverv): reports
 * made by businesses, per area and category, from the newest release. It
 * publishes no figure of its own: each is the area total the public map
 * (/kort) shows under the filter "reported by a business" and that category
 * (or all), from the same prepared release (src/server/reports/map.ts), so
 * the disclosure engine's rules (K, differencing between filters, the cell
 * key noise) hold for the overview as they do for the map, and no combination
 * of the two says more than the map alone.
 */
import type { Area, ReportCategory } from '../../../db/schema.ts';
import { listAreas } from '../partnership/areas.ts';
import type { Queryable } from '../db/connection.ts';
import { ALL_PERIODS, cachedReportMap, mapYears } from './map.ts';
import { listActiveCategories } from './reports.ts';

/** A figure as shown: a count, or suppressed ("too few"). */
export type OverviewFigure = { suppressed: false; n: number } | { suppressed: true };

export interface BusinessOverview {
  releasedOn: string;
  /** ALL_PERIODS or a year. */
  period: string;
  years: readonly string[];
  /** Business categories first, then the others. */
  categories: ReportCategory[];
  areas: Area[];
  /** Per area (in `areas` order): all categories, then each category (in `categories` order). */
  rows: { area: Area; all: OverviewFigure; byCategory: OverviewFigure[] }[];
}

export async function businessOverview(db: Queryable, k: number, period: string, now = new Date()): Promise<BusinessOverview> {
  const areas = await listAreas(db);
  const years = await mapYears(db, now);
  const chosen = years.includes(period) ? period : ALL_PERIODS;
  const active = await listActiveCategories(db);
  const categories = [...active.filter((c) => c.audience === 'business'), ...active.filter((c) => c.audience !== 'business')];
  // The same call, with the same areas, as /kort: the same prepared release and figures.
  const map = await cachedReportMap(db, areas.map((a) => a.id), k, now);
  const totals = (categorySlug: string | undefined): Map<number, OverviewFigure> =>
    new Map(map.build({ categorySlug, period: chosen, reporterType: 'business' }).areas.map((a) => [a.areaId, a.total]));
  const all = totals(undefined);
  const perCategory = categories.map((c) => totals(c.slug));
  const none: OverviewFigure = { suppressed: false, n: 0 };
  return {
    releasedOn: map.releasedOn,
    period: chosen,
    years,
    categories,
    areas,
    rows: areas.map((area) => ({ area, all: all.get(area.id) ?? none, byCategory: perCategory.map((t) => t.get(area.id) ?? none) })),
  };
}
