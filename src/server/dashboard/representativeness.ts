/**
 * Who answered: per wave and area, the achieved sample's share in each
 * category of the population margins (age, sex …) against the population's
 * share, before and after weighting, and the areas' shares of the wave's
 * sample against their shares of the population. The respondents are those
 * the goal estimates rest on (the invited sample where the wave has codes,
 * suspicious responses out, residents only where the wave asks). Counts go
 * through the disclosure engine (suppressRow: cells below K and their
 * complements are hidden, the rest perturbed by their cell keys) and the
 * unweighted shares are computed from the published counts, so no share
 * reveals more than the counts beside it. A hidden cell's weighted share is
 * hidden too.
 */
import { asc, count, desc, eq, inArray, max, sql, sum } from 'drizzle-orm';
import { areas, populationMargins, responses, surveyAreas, surveys, type Area, type Survey } from '../../../db/schema.ts';
import { SUPPRESSED, type DataTable, type TableValue } from '../../lib/data-table.ts';
import { MIN_K, sumKeys, suppressRow, type Cell } from '../../lib/disclosure/index.ts';
import { LOCALES, messages, type Locale } from '../../lib/i18n/index.ts';
import type { Queryable } from '../db/connection.ts';
import { inList } from '../db/in-list.ts';
import { areaMargins, answersInScope, rakedWeights, respondentSet, TRIM_DEFAULT, type EstimateOptions } from './indicators.ts';
import type { TableBuilder, TableContext } from './tables.ts';

export interface RepresentativenessRow {
  variable: string;
  category: string;
  /** The population's share (from the margins), undefined without margins. */
  population: number | undefined;
  /** The published count of respondents in the category, or undefined when hidden. */
  n: number | undefined;
  /** Published count / published total; undefined when hidden. */
  unweighted: number | undefined;
  /** The share after raking (whether or not the weights were accepted); undefined when hidden or not weighted. */
  weighted: number | undefined;
}

async function cellKeysOf(db: Queryable, ids: readonly number[]): Promise<Map<number, number>> {
  return new Map([...(await factsOf(db, ids))].map(([id, f]) => [id, f.ck]));
}

/** Each response's cell key and the language it was answered in. */
async function factsOf(db: Queryable, ids: readonly number[]): Promise<Map<number, { ck: number; locale: Locale }>> {
  const out = new Map<number, { ck: number; locale: Locale }>();
  for (let from = 0; from < ids.length; from += 5000) {
    const rows = await db
      .select({ id: responses.id, ck: responses.cellKey, locale: responses.locale })
      .from(responses)
      .where(inArray(responses.id, ids.slice(from, from + 5000)));
    for (const r of rows) out.set(r.id, { ck: r.ck, locale: r.locale });
  }
  return out;
}

/** The margin rows for one wave and area. */
export async function representativeness(db: Queryable, surveyId: number, areaId: number, options: EstimateOptions): Promise<RepresentativenessRow[]> {
  const K = Math.max(MIN_K, options.k);
  const set = await respondentSet(db, surveyId, areaId, options);
  const margins = await areaMargins(db, areaId);
  const keys = await cellKeysOf(db, set.ids);
  const raked = margins.length > 0 ? await rakedWeights(db, surveyId, areaId, set.ids, options.trim ?? TRIM_DEFAULT) : undefined;
  const achieved = raked && 'margins' in raked.report ? raked.report.margins : [];
  const out: RepresentativenessRow[] = [];
  for (const m of margins) {
    const given = await answersInScope(db, { surveyId, areaId, excludeSuspicious: set.excludeSuspicious }, m.variable, null);
    const total = Object.values(m.targets).reduce((s, t) => s + t, 0);
    const cells: Cell[] = Object.keys(m.targets).map((category) => {
      const members = set.ids.filter((id) => given.get(id) === category);
      return { key: category, n: members.length, ck: sumKeys(members.map((id) => keys.get(id) ?? 0)) };
    });
    const row = suppressRow(cells, K);
    const shownTotal = row.cells.reduce((s, c) => s + (c.suppressed ? 0 : c.n), 0);
    for (const c of row.cells) {
      const weighted = achieved.find((a) => a.variable === m.variable && a.category === c.key)?.achieved;
      out.push({
        variable: m.variable,
        category: c.key,
        population: total > 0 ? m.targets[c.key]! / total : undefined,
        n: c.suppressed ? undefined : c.n,
        // Shares of what is published; with a hidden cell in the row they are shares of the shown cells' sum, so they are hidden too.
        unweighted: c.suppressed || row.cells.some((x) => x.suppressed) || shownTotal === 0 ? undefined : c.n / shownTotal,
        weighted: c.suppressed || row.cells.some((x) => x.suppressed) ? undefined : weighted,
      });
    }
  }
  return out;
}

/** The areas' shares of a wave's sample (published counts) against their shares of the population (margins' totals). */
export async function areaShares(db: Queryable, wave: Survey, waveAreas: readonly Area[], options: EstimateOptions): Promise<RepresentativenessRow[]> {
  const K = Math.max(MIN_K, options.k);
  const cells: Cell[] = [];
  const people = new Map<string, number>();
  for (const a of waveAreas) {
    const set = await respondentSet(db, wave.id, a.id, options);
    const keys = await cellKeysOf(db, set.ids);
    cells.push({ key: a.slug, n: set.ids.length, ck: sumKeys(set.ids.map((id) => keys.get(id) ?? 0)) });
    const first = (await areaMargins(db, a.id))[0];
    if (first) people.set(a.slug, Object.values(first.targets).reduce((s, t) => s + t, 0));
  }
  const row = suppressRow(cells, K);
  const anyHidden = row.cells.some((c) => c.suppressed);
  const shownTotal = row.cells.reduce((s, c) => s + (c.suppressed ? 0 : c.n), 0);
  const allPeople = waveAreas.every((a) => people.has(a.slug)) ? [...people.values()].reduce((s, p) => s + p, 0) : 0;
  return row.cells.map((c) => ({
    variable: 'area',
    category: c.key,
    population: allPeople > 0 ? people.get(c.key)! / allPeople : undefined,
    n: c.suppressed ? undefined : c.n,
    unweighted: c.suppressed || anyHidden || shownTotal === 0 ? undefined : c.n / shownTotal,
    // Weights are raked within each area, so they do not change the areas' shares.
    weighted: undefined,
  }));
}

/**
 * The languages a wave was answered in (README "Languages"): the respondents
 * of every area together, by the language of the questionnaire they
 * answered, through the disclosure engine like every other row here.
 */
export async function languageShares(db: Queryable, wave: Survey, waveAreas: readonly Area[], options: EstimateOptions): Promise<RepresentativenessRow[]> {
  const K = Math.max(MIN_K, options.k);
  const ids = new Set<number>();
  for (const a of waveAreas) for (const id of (await respondentSet(db, wave.id, a.id, options)).ids) ids.add(id);
  const facts = await factsOf(db, [...ids]);
  const cells: Cell[] = LOCALES.map((locale) => {
    const members = [...facts.values()].filter((f) => f.locale === locale);
    return { key: locale, n: members.length, ck: sumKeys(members.map((f) => f.ck)) };
  });
  const row = suppressRow(cells, K);
  const anyHidden = row.cells.some((c) => c.suppressed);
  const shownTotal = row.cells.reduce((s, c) => s + (c.suppressed ? 0 : c.n), 0);
  return row.cells.map((c) => ({
    variable: 'language',
    category: c.key,
    population: undefined,
    n: c.suppressed ? undefined : c.n,
    unweighted: c.suppressed || anyHidden || shownTotal === 0 ? undefined : c.n / shownTotal,
    weighted: undefined,
  }));
}

const value = (v: number | undefined, hidden: boolean): TableValue => (v === undefined ? (hidden ? SUPPRESSED : null) : v);

/** The representativeness table of one wave (`wave` parameter), every area of it. */
export async function representativenessTable(ctx: TableContext): Promise<DataTable | undefined> {
  const id = Number.parseInt(ctx.params.get('wave') ?? '', 10);
  if (!Number.isInteger(id)) return undefined;
  const [wave] = await ctx.db.select().from(surveys).where(eq(surveys.id, id)).limit(1);
  if (!wave || wave.status !== 'closed') return undefined;
  const waveAreas = await areasOfWave(ctx.db, wave.id);
  return buildTable(ctx, wave, waveAreas, await waveFigures(ctx.db, wave, waveAreas, ctx.k));
}

/** The figures of one wave's table, in no language: the same for every reader. */
interface WaveFigures {
  areaShares: RepresentativenessRow[];
  languages: RepresentativenessRow[];
  /** By area, in the order of the wave's areas. */
  byArea: RepresentativenessRow[][];
}

/**
 * The figures of a wave's table. Raking every area of a large wave takes
 * seconds (9 s at 1,000,000 responses, README "Performance"), so they are
 * kept until the wave's responses, the areas or their population figures
 * change, prepared at start-up for the newest closed waves
 * (warmRepresentativeness), and shared by both staff languages.
 */
async function waveFigures(db: Queryable, wave: Survey, waveAreas: readonly Area[], k: number): Promise<WaveFigures> {
  const options: EstimateOptions = { k, weighted: true, excludeSuspicious: true, population: 'residents', sample: 'invited' };
  const stamp = await tableStamp(db, wave.id, waveAreas);
  const key = `${wave.id}:${k}`;
  let kept = cache.get(db);
  if (!kept) cache.set(db, (kept = new Map()));
  const found = kept.get(key);
  if (found && found.stamp === stamp) return found.figures;
  const figures: WaveFigures = {
    areaShares: await areaShares(db, wave, waveAreas, options),
    languages: await languageShares(db, wave, waveAreas, options),
    byArea: [],
  };
  for (const a of waveAreas) figures.byArea.push(await representativeness(db, wave.id, a.id, options));
  kept.delete(key);
  kept.set(key, { stamp, figures });
  for (const oldest of kept.keys()) {
    if (kept.size <= CACHED_TABLES) break;
    kept.delete(oldest);
  }
  return figures;
}

/**
 * Works out and keeps the table's figures of the newest closed waves, as many
 * as are kept (the start-up preparation and its hourly refresh, serve.ts),
 * so an analyst's first view of a wave does not wait for them. Returns how
 * many waves.
 */
export async function warmRepresentativeness(db: Queryable, k: number): Promise<number> {
  // The newest that the cache keeps: preparing more would push out what was just prepared (and the hourly refresh would redo them all).
  const closed = await db.select().from(surveys).where(eq(surveys.status, 'closed')).orderBy(desc(surveys.closesAt), desc(surveys.id)).limit(CACHED_TABLES);
  for (const wave of closed.reverse()) await waveFigures(db, wave, await areasOfWave(db, wave.id), k);
  return closed.length;
}

/** A wave's areas in display order (the table's order, and part of its stamp). */
async function areasOfWave(db: Queryable, surveyId: number): Promise<Area[]> {
  const rows = await db
    .select({ area: areas })
    .from(surveyAreas)
    .innerJoin(areas, eq(areas.id, surveyAreas.areaId))
    .where(eq(surveyAreas.surveyId, surveyId))
    .orderBy(asc(areas.displayOrder), asc(areas.id));
  return rows.map((r) => r.area);
}

/** Waves' figures kept per database (a few kB each). */
const CACHED_TABLES = 16;
/**
 * One cache per process, on globalThis like the closed-wave estimates
 * (indicators.ts): the start-up preparation runs in serve.ts's module graph,
 * the pages in the built one.
 */
const FIGURES = Symbol.for('tryghed.representativeness');
const cache: WeakMap<Queryable, Map<string, { stamp: string; figures: WaveFigures }>> = ((globalThis as { [FIGURES]?: WeakMap<Queryable, Map<string, { stamp: string; figures: WaveFigures }>> })[FIGURES] ??= new WeakMap());

/** What the table depends on: the wave's responses (and their suspicious flags), the areas and their population figures. */
async function tableStamp(db: Queryable, surveyId: number, waveAreas: readonly Area[]): Promise<string> {
  const [row] = await db // not for display: a cache stamp
    .select({ n: count(), last: max(responses.id), suspicious: sum(sql`case when ${responses.suspicious} then 1 else 0 end`) })
    .from(responses)
    .where(eq(responses.surveyId, surveyId));
  const margins = await db.select().from(populationMargins).where(inList(db, populationMargins.areaId, waveAreas.map((a) => a.id)));
  return JSON.stringify([row?.n ?? 0, row?.last ?? 0, Number(row?.suspicious ?? 0), waveAreas, margins.map((m) => [m.areaId, m.variable, m.category, m.population]).sort()]);
}

function buildTable(ctx: TableContext, wave: Survey, waveAreas: readonly Area[], figures: WaveFigures): DataTable {
  const m = messages(ctx.locale).dashboard.representativeness;
  const name = (a: Area) => (ctx.locale === 'en' ? a.nameEn : a.nameDa);
  const waveName = ctx.locale === 'en' && wave.waveEn ? wave.waveEn : wave.waveDa;
  const rows: DataTable['rows'] = [];
  const push = (area: string, r: RepresentativenessRow) =>
    rows.push({
      wave: waveName,
      area,
      variable: r.variable === 'area' ? m.areaVariable : r.variable === 'language' ? m.languageVariable : r.variable,
      category: r.variable === 'area' ? name(waveAreas.find((a) => a.slug === r.category)!) : r.variable === 'language' ? messages(r.category as Locale).language.name : r.category,
      population: r.population ?? null,
      n: value(r.n, true),
      sample: value(r.unweighted, r.n === undefined || r.unweighted === undefined),
      weighted: r.variable === 'area' || r.variable === 'language' ? null : value(r.weighted, r.n === undefined),
    });
  for (const r of figures.areaShares) push('', r);
  for (const r of figures.languages) push('', r);
  for (const [i, a] of waveAreas.entries()) for (const r of figures.byArea[i] ?? []) push(name(a), r);
  return {
    id: 'representativeness',
    title: `${m.title}: ${waveName}`,
    columns: [
      { key: 'wave', label: m.columns.wave },
      { key: 'area', label: m.columns.area },
      { key: 'variable', label: m.columns.variable },
      { key: 'category', label: m.columns.category },
      { key: 'population', label: m.columns.population, kind: 'share' },
      { key: 'n', label: m.columns.n, kind: 'count' },
      { key: 'sample', label: m.columns.sample, kind: 'share' },
      { key: 'weighted', label: m.columns.weighted, kind: 'share' },
    ],
    rows,
    note: m.intro,
  };
}

export const tables: Record<string, TableBuilder> = { representativeness: representativenessTable };
