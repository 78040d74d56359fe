/**
 * Survey analysis for the authority dashboard, the views: a closed wave's
 * answer distributions per area (with n and 95 % Wilson intervals), the
 * problems matrix ranked, breakdowns by a background question, free-text
 * answers, and trends across the closed waves of a series, as tables and
 * chart specifications. Built from four modules, each one step of the path
 * from the database to the page:
 *
 * - waves.ts: which waves can be analysed, their areas, the options
 *   (weighting, the suspicious switch), publishing a wave's results;
 * - questions.ts: question references, answer keys and their labels;
 * - answers.ts: loading one wave and area's answers (cached) and weights;
 * - estimates.ts: distributions and shares with their intervals.
 *
 * The privacy rules, and why they take the shape they do:
 *
 * - Only closed waves are analysed. An open wave's figures change with every
 *   response and could be differenced day by day, so every function here
 *   answers "nothing" for a wave that is not closed.
 * - One wave and one area at a time, never "all areas": the areas partition
 *   the respondents, so no view is the difference of two others.
 * - A share's denominator is the substantive answers ("don't know" and
 *   "prefer not to say" left out), as the goals' indicators have it, so the
 *   n shown here and the n on the goals page are the same figure and cannot
 *   be subtracted from each other to reveal a small count of "don't know".
 * - Every count goes through src/lib/disclosure/index.ts: a distribution through
 *   `suppressRow`, a breakdown through `suppressTable` with the margins that
 *   the distributions publish forced to agree. A share that groups answers
 *   (e.g. "unsafe or very unsafe") is shown only when it cannot be subtracted
 *   from the distribution's shown cells to give a suppressed cell.
 * - Keeping the responses flagged as suspicious is a switch; it is honoured
 *   only where the area has no flagged responses or at least K of them, or
 *   "with" minus "without" would show the answers of one or two respondents.
 * - Free text is shown masked, without anything else the respondent
 *   answered, in a fresh random order, and only for a question with K answers.
 *
 * Pages render through the same table builders (`tables`) that the export
 * endpoint calls, so an export never holds more than the page.
 */
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { surveys, type Area, type Survey, type SurveySeries } from '../../../db/schema.ts';
import { addKeys, MIN_K, suppressTable, type SuppressedTable } from '../../lib/disclosure/index.ts';
import type { BarDatum, LineSeries } from '../../lib/charts/geometry.ts';
import { MAX_SERIES } from '../../lib/charts/geometry.ts';
import { SUPPRESSED, type DataTable, type TableValue } from '../../lib/data-table.ts';
import { messages, staffLocaleOf, type Locale } from '../../lib/i18n/index.ts';
import { maskPersonalData } from '../../lib/pii.ts';
import type { PlaceBook } from '../../lib/places.ts';
import { listPlaces } from '../partnership/places.ts';
import { DONT_KNOW, PREFER_NOT, type InstrumentPage, type InstrumentQuestion } from '../../lib/survey/instrument.ts';
import type { Queryable } from '../db/connection.ts';
import { loadInstrument } from '../surveys/surveys.ts';
import { weightingReason } from './goals.ts';
import { closedWaves, estimateKey, keepClosedWaveFigure, type EstimateOptions } from './indicators.ts';
import type { TableBuilder, TableContext } from './tables.ts';
import { listClosedWaves, type AnalysableWave, findWaveForAnalysis, type AnalysisOptions, analysisOptions } from './waves.ts';
import { type QuestionRef, refId, allQuestions, distributionRefs, findRef, backgroundQuestions, breakdownQuestions, trendQuestions, answerKeys, text, questionText, itemText, answerLabel } from './questions.ts';
import { type AreaAnswers, valueKey, memoized, loadAreaAnswers, substantiveAnswers } from './answers.ts';
import { type Estimate, type ShownEstimate, distributionOf, shareOf } from './estimates.ts';

// ---------------------------------------------------------------------------
// Parameters shared by the builders
// ---------------------------------------------------------------------------

interface WaveArea {
  found: AnalysableWave;
  area: Area;
  options: AnalysisOptions;
  data: AreaAnswers;
}

function parseId(value: string | null): number | undefined {
  return value !== null && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}

/**
 * `wave` (a closed wave's id) and `area` (one of its areas' slug), or
 * undefined; with the answers to the questions `needed` picks from the wave's.
 */
async function waveAreaFrom(ctx: TableContext, needed: (pages: readonly InstrumentPage[]) => (InstrumentQuestion | undefined)[]): Promise<WaveArea | undefined> {
  const id = parseId(ctx.params.get('wave'));
  if (id === undefined) return undefined;
  const lookup = await findWaveForAnalysis(ctx.db, id);
  if (lookup.kind !== 'closed') return undefined;
  const area = lookup.found.areas.find((a) => a.slug === ctx.params.get('area'));
  if (!area) return undefined;
  return waveAreaOf(ctx.db, lookup.found, area, ctx.params, ctx.k, needed(lookup.found.pages));
}

async function waveAreaOf(db: Queryable, found: AnalysableWave, area: Area, params: URLSearchParams, k: number, questions: readonly (InstrumentQuestion | undefined)[]): Promise<WaveArea> {
  const options = await analysisOptions(db, found.wave.id, area.id, params, k);
  return { found, area, options, data: await loadAreaAnswers(db, found.wave.id, area.id, options, found.pages, questions) };
}

function areaName(area: Area, locale: Locale): string {
  return locale === 'en' ? area.nameEn : area.nameDa;
}

export function waveLabel(wave: Survey, locale: Locale): string {
  return text(locale, wave.waveDa, wave.waveEn);
}

function weightingNote(wa: { options: AnalysisOptions; data: AreaAnswers }, locale: Locale): string {
  const m = messages(locale).analysis.notes;
  const failed = wa.data.weightingFailure;
  const parts = [wa.data.weights ? m.weighted : !wa.options.weighted ? m.unweighted : failed ? m.rakingFailed(weightingReason(failed, staffLocaleOf(locale))) : m.noMargins, m.substantive];
  parts.push(wa.options.excludeSuspicious ? m.suspiciousOut : m.suspiciousIn);
  if (wa.options.suspiciousSwitchIgnored) parts.push(m.suspiciousIgnored);
  return parts.join(' ');
}

const shown = (e: ShownEstimate, field: keyof Estimate): TableValue => (e.suppressed ? SUPPRESSED : e[field]);

// ---------------------------------------------------------------------------
// wave-distribution
// ---------------------------------------------------------------------------

export interface BarChartSpec {
  id: string;
  title: string;
  /** Substantive answers, or undefined when fewer than K. */
  n: number | undefined;
  multiple: boolean;
  /** Percentages (0–100); null where suppressed. */
  bars: BarDatum[];
}

export interface TableView<C> {
  table: DataTable;
  charts: C[];
}

const percent = (e: ShownEstimate): Pick<BarDatum, 'value' | 'low' | 'high'> =>
  e.suppressed ? { value: null } : { value: e.p * 100, low: e.low * 100, high: e.high * 100 };

/** `given`: the page's wave and area, with the answers to every question loaded. */
async function distributionsView(ctx: TableContext, given?: WaveArea): Promise<TableView<BarChartSpec> | undefined> {
  const only = ctx.params.get('question');
  const pick = (pages: readonly InstrumentPage[]): QuestionRef[] => distributionRefs(pages).filter((r) => only === null || refId(r) === only);
  const wa = given ?? (await waveAreaFrom(ctx, (pages) => pick(pages).map((r) => r.question)));
  if (!wa) return undefined;
  const refs = pick(wa.found.pages);
  if (refs.length === 0) return undefined;
  const m = messages(ctx.locale).analysis;
  const rows: DataTable['rows'] = [];
  const charts: BarChartSpec[] = [];
  for (const ref of refs) {
    const dist = distributionOf(wa.data, ref, ctx.k);
    // Places are long lists of named places: a place nobody named is left out.
    const cells = ref.question.type === 'places' ? dist.cells.filter((c) => (dist.counts.get(c.key) ?? 0) > 0 || dist.hidden.has(c.key)) : dist.cells;
    const question = questionText(ref, ctx.locale);
    for (const c of cells) {
      rows.push({
        code: refId(ref),
        question,
        answer: answerLabel(ref.question, c.key, ctx.locale, wa.data.places),
        n: shown(c.estimate, 'n'),
        share: shown(c.estimate, 'p'),
        low: shown(c.estimate, 'low'),
        high: shown(c.estimate, 'high'),
      });
    }
    rows.push({ code: refId(ref), question, answer: dist.kind === 'multiple' ? m.totalRespondents : m.totalAnswers, n: dist.total ?? SUPPRESSED, share: null, low: null, high: null });
    charts.push({
      id: `dist-${refId(ref).replace(/[^a-z0-9]+/g, '-')}`,
      title: question,
      n: dist.total,
      multiple: dist.kind === 'multiple',
      bars: cells.map((c) => ({ key: c.key, label: answerLabel(ref.question, c.key, ctx.locale, wa.data.places), ...percent(c.estimate) })),
    });
  }
  const table: DataTable = {
    id: 'wave-distribution',
    title: m.tables.distribution(waveLabel(wa.found.wave, ctx.locale), areaName(wa.area, ctx.locale)),
    columns: [
      { key: 'code', label: m.columns.code },
      { key: 'question', label: m.columns.question },
      { key: 'answer', label: m.columns.answer },
      { key: 'n', label: m.columns.n, kind: 'count' },
      { key: 'share', label: m.columns.share, kind: 'share' },
      { key: 'low', label: m.columns.low, kind: 'share' },
      { key: 'high', label: m.columns.high, kind: 'share' },
    ],
    rows,
    note: `${weightingNote(wa, ctx.locale)} ${m.notes.multiple}`,
  };
  return { table, charts };
}

export async function waveDistributionTable(ctx: TableContext): Promise<DataTable | undefined> {
  return (await distributionsView(ctx))?.table;
}

// ---------------------------------------------------------------------------
// wave-problems: the matrix questions' items ranked
// ---------------------------------------------------------------------------

async function problemsView(ctx: TableContext, given?: WaveArea): Promise<TableView<BarChartSpec> | undefined> {
  const only = ctx.params.get('question');
  const pick = (pages: readonly InstrumentPage[]): InstrumentQuestion[] => allQuestions(pages).filter((q) => q.type === 'matrix' && (only === null || q.key === only));
  const wa = given ?? (await waveAreaFrom(ctx, pick));
  if (!wa) return undefined;
  const matrices = pick(wa.found.pages);
  if (only !== null && matrices.length === 0) return undefined;
  const m = messages(ctx.locale).analysis;
  const rows: DataTable['rows'] = [];
  const charts: BarChartSpec[] = [];
  const tops: string[] = [];
  for (const q of matrices) {
    if (q.type !== 'matrix') continue;
    // The scale's last option is its strongest ("a big problem").
    const top = q.config.options.at(-1)!.value;
    tops.push(answerLabel(q, top, ctx.locale, wa.data.places));
    const ranked = q.config.items
      .map((item) => {
        const ref = { question: q, item: item.value };
        return { ref, dist: distributionOf(wa.data, ref, ctx.k), estimate: shareOf(wa.data, ref, [top], ctx.k) };
      })
      .sort((a, b) => (b.estimate.suppressed ? -1 : b.estimate.p) - (a.estimate.suppressed ? -1 : a.estimate.p));
    for (const r of ranked) {
      rows.push({
        question: text(ctx.locale, q.textDa, q.textEn),
        problem: itemText(r.ref, ctx.locale),
        share: shown(r.estimate, 'p'),
        low: shown(r.estimate, 'low'),
        high: shown(r.estimate, 'high'),
        n: r.dist.total ?? SUPPRESSED,
      });
    }
    charts.push({
      id: `problems-${q.key.replace(/[^a-z0-9]+/g, '-')}`,
      title: m.problems.chartTitle(answerLabel(q, top, ctx.locale, wa.data.places)),
      n: undefined,
      multiple: false,
      bars: ranked.map((r) => ({ key: r.ref.item!, label: itemText(r.ref, ctx.locale), ...percent(r.estimate) })),
    });
  }
  const table: DataTable = {
    id: 'wave-problems',
    title: m.tables.problems(waveLabel(wa.found.wave, ctx.locale), areaName(wa.area, ctx.locale)),
    columns: [
      { key: 'question', label: m.columns.question },
      { key: 'problem', label: m.columns.problem },
      { key: 'share', label: m.columns.topShare, kind: 'share' },
      { key: 'low', label: m.columns.low, kind: 'share' },
      { key: 'high', label: m.columns.high, kind: 'share' },
      { key: 'n', label: m.columns.nAnswers, kind: 'count' },
    ],
    rows,
    note: `${m.problems.note(tops.join(', '))} ${weightingNote(wa, ctx.locale)}`,
  };
  return { table, charts };
}

export async function waveProblemsTable(ctx: TableContext): Promise<DataTable | undefined> {
  return (await problemsView(ctx))?.table;
}

// ---------------------------------------------------------------------------
// wave-breakdown: one question by one background question
// ---------------------------------------------------------------------------

/** The "no substantive answer" row and column (don't know, prefer not, skipped). */
const NONE = '_none';

interface Breakdown {
  rowKeys: string[];
  columnKeys: string[];
  /** The published table (src/lib/disclosure): what the page shows as counts. */
  table: SuppressedTable;
  /** The true counts, `row NUL column` → n: internal, for the shares (the engine perturbs counts, not shares); never shown. */
  counts: ReadonlyMap<string, number>;
}

/**
 * The cross-table of two questions for everyone in the area, suppressed as
 * one grid with its margins. Both questions get a "no substantive answer"
 * line, so that each shown row total equals the background question's
 * distribution cell and each column total the question's: nothing is left
 * over to subtract. Margins that the distributions suppress, and the lines
 * no page publishes (the "no answer" totals, the number of respondents), are
 * forced suppressed. If suppressing the grid would hide a margin that a
 * distribution shows, the whole breakdown is suppressed.
 */
function breakdownOf(data: AreaAnswers, question: QuestionRef, by: InstrumentQuestion, k: number): Breakdown {
  const K = Math.max(MIN_K, k);
  return memoized(data, `breakdown\u0000${valueKey(question.question.id, question.item)}\u0000${by.id}\u0000${K}`, () => crossTable(data, question, by, K));
}

function crossTable(data: AreaAnswers, question: QuestionRef, by: InstrumentQuestion, K: number): Breakdown {
  const byRef = { question: by, item: null };
  const xDist = distributionOf(data, question, K);
  const yDist = distributionOf(data, byRef, K);
  const columnKeys = [...answerKeys(question.question, data.places), NONE];
  const rowKeys = [...answerKeys(by, data.places), NONE];
  const firstKeys = (ref: QuestionRef): (string | undefined)[] => {
    const answered = substantiveAnswers(data, ref);
    const out = new Array<string | undefined>(data.respondents.length);
    answered.at.forEach((position, i) => (out[position] = answered.sets[answered.set[i]!]![0]));
    return out;
  };
  const xOf = firstKeys(question);
  const yOf = firstKeys(byRef);
  const grid = new Map<string, number>();
  const gridKeys = new Map<string, number>();
  for (let i = 0; i < data.respondents.length; i++) {
    const cell = `${yOf[i] ?? NONE}\u0000${xOf[i] ?? NONE}`;
    grid.set(cell, (grid.get(cell) ?? 0) + 1);
    gridKeys.set(cell, addKeys(gridKeys.get(cell) ?? 0, data.keys[i]!));
  }
  const rows = rowKeys.map((r) => ({
    key: r,
    cells: columnKeys.map((c) => ({ key: c, n: grid.get(`${r}\u0000${c}`) ?? 0, ck: gridKeys.get(`${r}\u0000${c}`) ?? 0 })),
  }));
  const unpublished = xDist.total === undefined || yDist.total === undefined;
  const table = suppressTable(rows, K, {
    cells: () => unpublished,
    rowTotals: rowKeys.filter((r) => r === NONE || yDist.hidden.has(r) || unpublished),
    columnTotals: columnKeys.filter((c) => c === NONE || xDist.hidden.has(c) || unpublished),
    total: true,
  });
  const conflict =
    table.rows.some((r) => r.key !== NONE && r.total.suppressed && !yDist.hidden.has(r.key) && !unpublished) ||
    table.columnTotals.some((c) => c.key !== NONE && c.suppressed && !xDist.hidden.has(c.key) && !unpublished);
  return { rowKeys, columnKeys, table: conflict ? suppressAll(table) : table, counts: grid };
}

function suppressAll(t: SuppressedTable): SuppressedTable {
  return {
    rows: t.rows.map((r) => ({ key: r.key, cells: r.cells.map((c) => ({ key: c.key, suppressed: true as const })), total: { suppressed: true } })),
    columnTotals: t.columnTotals.map((c) => ({ key: c.key, suppressed: true as const })),
    total: { suppressed: true },
  };
}

async function breakdownView(ctx: TableContext, given?: WaveArea): Promise<DataTable | undefined> {
  const questionOf = (pages: readonly InstrumentPage[]): QuestionRef | undefined => breakdownQuestions(pages).find((r) => refId(r) === ctx.params.get('question'));
  const byOf = (pages: readonly InstrumentPage[]): InstrumentQuestion | undefined => backgroundQuestions(pages).find((q) => q.key === ctx.params.get('by'));
  const wa = given ?? (await waveAreaFrom(ctx, (pages) => [questionOf(pages)?.question, byOf(pages)]));
  if (!wa) return undefined;
  const question = questionOf(wa.found.pages);
  const by = byOf(wa.found.pages);
  if (!question || !by) return undefined;
  const m = messages(ctx.locale).analysis;
  const b = breakdownOf(wa.data, question, by, ctx.k);
  const xKeys = b.columnKeys;
  // The "no answer" row is only there to make the margins add up; its total is never published, so no shares.
  // Counts are the published ones; a share is of the true counts, shown where the table shows both of its counts.
  const trueCount = (r: string, c: string): number => b.counts.get(`${r}\u0000${c}`) ?? 0;
  const rows = b.table.rows
    .filter((r) => r.key !== NONE)
    .map((r) => {
      const row: Record<string, TableValue> = { by: answerLabel(by, r.key, ctx.locale, wa.data.places), n: r.total.suppressed ? SUPPRESSED : r.total.n };
      const trueTotal = xKeys.reduce((s, c) => s + trueCount(r.key, c), 0);
      for (const c of r.cells) {
        // A row nobody is in has no shares (and nothing to hide).
        row[`x:${c.key}`] = !r.total.suppressed && trueTotal === 0 ? null : c.suppressed || r.total.suppressed ? SUPPRESSED : trueCount(r.key, c.key) / trueTotal;
      }
      return row;
    });
  return {
    id: 'wave-breakdown',
    title: m.tables.breakdown(questionText(question, ctx.locale), text(ctx.locale, by.textDa, by.textEn), waveLabel(wa.found.wave, ctx.locale), areaName(wa.area, ctx.locale)),
    columns: [
      { key: 'by', label: text(ctx.locale, by.textDa, by.textEn) },
      { key: 'n', label: m.columns.n, kind: 'count' },
      ...xKeys.map((key) => ({ key: `x:${key}`, label: key === NONE ? m.noAnswer : answerLabel(question.question, key, ctx.locale, wa.data.places), kind: 'share' as const })),
    ],
    rows,
    note: m.notes.breakdown,
  };
}

export async function waveBreakdownTable(ctx: TableContext): Promise<DataTable | undefined> {
  return breakdownView(ctx);
}

// ---------------------------------------------------------------------------
// trend: one question across the closed waves of a series, in one area
// ---------------------------------------------------------------------------

/** What a trend line follows: one answer, or a band of scale points. */
interface TrendLine {
  key: string;
  label: string;
  values: string[];
}

function trendLines(q: InstrumentQuestion, locale: Locale, places: PlaceBook): TrendLine[] {
  if (q.type === 'scale') {
    // Seven (or five) lines are more than a chart can tell apart: low, middle and high.
    const points = q.config.points;
    const third = Math.floor(points / 2);
    const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
    const m = messages(locale).analysis.trend;
    return [
      { key: 'low', label: m.low(third, text(locale, q.config.lowDa, q.config.lowEn)), values: range(1, third) },
      { key: 'middle', label: m.middle(third + 1), values: [String(third + 1)] },
      { key: 'high', label: m.high(third + 2, points, text(locale, q.config.highDa, q.config.highEn)), values: range(third + 2, points) },
    ];
  }
  return answerKeys(q, places).map((key) => ({ key, label: answerLabel(q, key, locale, places), values: [key] }));
}

export interface TrendView {
  table: DataTable;
  /** Undefined when the question has more answers than a chart can show apart (the table has them all). */
  chart: { series: LineSeries[]; categories: string[] } | undefined;
}

async function trendView(ctx: TableContext): Promise<TrendView | undefined> {
  const id = parseId(ctx.params.get('wave'));
  if (id === undefined) return undefined;
  const lookup = await findWaveForAnalysis(ctx.db, id);
  if (lookup.kind !== 'closed') return undefined;
  const last = lookup.found;
  const area = last.areas.find((a) => a.slug === ctx.params.get('area'));
  const ref = trendQuestions(last.pages).find((r) => refId(r) === ctx.params.get('question'));
  if (!area || !ref) return undefined;
  const m = messages(ctx.locale).analysis;
  const all = await closedWaves(ctx.db, last.series.id);
  const waves = all.slice(0, all.findIndex((w) => w.id === last.wave.id) + 1);
  const lines = trendLines(ref.question, ctx.locale, await listPlaces(ctx.db));
  const rows: DataTable['rows'] = [];
  const points = new Map<string, { x: string; value: number | null; low?: number; high?: number }[]>(lines.map((l) => [l.key, []]));
  const categories: string[] = [];
  // Each wave's weighting note, with the waves it applies to: a trend's waves can differ (one weighted, one not).
  const notes = new Map<string, string[]>();
  for (const wave of waves) {
    const label = waveLabel(wave, ctx.locale);
    categories.push(label);
    // Question keys are stable across a series' waves; a wave without the question has a gap.
    const wavePages = await loadInstrument(ctx.db, wave.id);
    const waveRef = findRef(wavePages, refId(ref));
    if (!waveRef) continue;
    const options = await analysisOptions(ctx.db, wave.id, area.id, ctx.params, ctx.k);
    const data = await loadAreaAnswers(ctx.db, wave.id, area.id, options, wavePages, [waveRef.question]);
    const waveNote = weightingNote({ options, data }, ctx.locale);
    notes.set(waveNote, [...(notes.get(waveNote) ?? []), label]);
    const dist = distributionOf(data, waveRef, ctx.k);
    for (const line of lines) {
      const e = shareOf(data, waveRef, line.values, ctx.k);
      rows.push({ wave: label, answer: line.label, share: shown(e, 'p'), low: shown(e, 'low'), high: shown(e, 'high'), n: dist.total ?? SUPPRESSED });
      points.get(line.key)!.push(e.suppressed ? { x: label, value: null } : { x: label, value: e.p * 100, low: e.low * 100, high: e.high * 100 });
    }
  }
  const note = notes.size <= 1 ? ([...notes.keys()][0] ?? '') : [...notes].map(([text, labels]) => `${labels.join(', ')}: ${text}`).join(' ');
  const table: DataTable = {
    id: 'trend',
    title: m.tables.trend(questionText(ref, ctx.locale), areaName(area, ctx.locale)),
    columns: [
      { key: 'wave', label: m.columns.wave },
      { key: 'answer', label: m.columns.answer },
      { key: 'share', label: m.columns.share, kind: 'share' },
      { key: 'low', label: m.columns.low, kind: 'share' },
      { key: 'high', label: m.columns.high, kind: 'share' },
      { key: 'n', label: m.columns.nAnswers, kind: 'count' },
    ],
    rows,
    note: `${note} ${ref.question.type === 'multi' ? m.notes.multiple : ''}`.trim(),
  };
  const chart = lines.length <= MAX_SERIES ? { series: lines.map((l) => ({ key: l.key, label: l.label, points: points.get(l.key)! })), categories } : undefined;
  return { table, chart };
}

export async function trendTable(ctx: TableContext): Promise<DataTable | undefined> {
  return (await trendView(ctx))?.table;
}

// ---------------------------------------------------------------------------
// Free text
// ---------------------------------------------------------------------------

export interface FreeTextSection {
  question: InstrumentQuestion;
  /** Masked answers in random order; undefined when fewer than K. */
  texts: string[] | undefined;
}

/** Fisher–Yates with a cryptographic source, so the order says nothing about when or who. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * A closed wave's free-text answers in one area: per text question, only the
 * texts (nothing else the respondent answered), masked for personal data
 * once more in case masking has improved since they were stored, in a new
 * random order on every call, and none at all for fewer than K answers.
 */
export async function freeTextAnswers(db: Queryable, surveyId: number, areaId: number, options: EstimateOptions): Promise<FreeTextSection[]> {
  const [wave] = await db.select().from(surveys).where(eq(surveys.id, surveyId)).limit(1);
  if (!wave || wave.status !== 'closed') return [];
  return freeTextOf(db, await loadInstrument(db, surveyId), surveyId, areaId, options);
}

/** `freeTextAnswers` for a closed wave whose questionnaire is at hand. */
async function freeTextOf(db: Queryable, pages: readonly InstrumentPage[], surveyId: number, areaId: number, options: EstimateOptions): Promise<FreeTextSection[]> {
  const K = Math.max(MIN_K, options.k);
  const questions = allQuestions(pages).filter((q) => q.type === 'text');
  const data = await loadAreaAnswers(db, surveyId, areaId, { ...options, weighted: false }, pages, questions);
  return questions.map((q) => {
    // Masked once per load; only the order is new on every call.
    const texts = memoized(data, `texts\u0000${q.id}`, (): string[] => {
      const column = data.columns.get(valueKey(q.id, null));
      if (!column) return [];
      return Array.from(column.codes, (code) => column.dict[code]!)
        .filter((v) => v !== DONT_KNOW && v !== PREFER_NOT && v.trim() !== '')
        .map((v) => maskPersonalData(v).text);
    });
    return { question: q, texts: texts.length >= K ? shuffled(texts) : undefined };
  });
}

// ---------------------------------------------------------------------------
// For the public results page
// ---------------------------------------------------------------------------

/** A share the public page shows: a question (matrix item) and the answers that count. */
export interface ShareDefinition {
  key: string;
  item: string | null;
  values: readonly string[];
}

/**
 * Shares for one closed wave and area, through the same rules as the
 * dashboard (so the public page cannot show what a staff page hides). Each is
 * undefined when the wave is not closed or has no such question.
 */
export async function waveShares(db: Queryable, surveyId: number, areaId: number, definitions: readonly ShareDefinition[], options: EstimateOptions): Promise<(ShownEstimate | undefined)[]> {
  const [wave] = await db.select().from(surveys).where(eq(surveys.id, surveyId)).limit(1);
  if (!wave || wave.status !== 'closed') return definitions.map(() => undefined);
  // Kept like the goals' estimates (a closed wave's answers do not change): /resultater asks
  // for every published wave and area on each view, which at 1,000,000 responses took 35 s.
  const what = definitions.map((d) => [d.key, d.item, [...d.values].sort()]);
  return keepClosedWaveFigure(db, surveyId, areaId, ['shares', what, estimateKey(options)], async () => {
    const pages = await loadInstrument(db, surveyId);
    const refs = definitions.map((d) => findRef(pages, d.item === null ? d.key : `${d.key}:${d.item}`));
    const data = await loadAreaAnswers(db, surveyId, areaId, options, pages, refs.map((r) => r?.question));
    return definitions.map((d, i) => {
      const ref = refs[i];
      return ref ? shareOf(data, ref, d.values, options.k) : undefined;
    });
  });
}

// ---------------------------------------------------------------------------
// The pages' choices
// ---------------------------------------------------------------------------

/** The switches the pages pass on (to the builders and to the exports), only when not the default. */
function switches(params: URLSearchParams): Record<string, string> {
  return {
    ...(params.get('vaegtet') === '0' ? { vaegtet: '0' } : {}),
    ...(params.get('mistaenkelige') === 'med' ? { mistaenkelige: 'med' } : {}),
  };
}

export interface WavePage {
  found: AnalysableWave;
  area: Area;
  options: AnalysisOptions;
  /** The page's choices as a query string (area and switches), for forms and exports. */
  query: URLSearchParams;
  distributions: TableView<BarChartSpec>;
  problems: TableView<BarChartSpec>;
  breakdown: { question: QuestionRef; by: InstrumentQuestion; table: DataTable; query: URLSearchParams } | undefined;
  breakdownChoices: { questions: QuestionRef[]; by: InstrumentQuestion[] };
  freeText: FreeTextSection[];
}

/**
 * Everything the analysis page of a closed wave shows, for the page's query
 * (`area`, `question`, `by`, `vaegtet`, `mistaenkelige`), with the first area
 * and breakdown as defaults. Built through the table builders, so the page
 * and its exports hold the same figures.
 */
export async function waveAnalysisPage(db: Queryable, found: AnalysableWave, params: URLSearchParams, locale: Locale, role: TableContext['role'], k: number): Promise<WavePage | undefined> {
  const area = found.areas.find((a) => a.slug === params.get('area')) ?? found.areas[0];
  if (!area) return undefined;
  const query = new URLSearchParams({ wave: String(found.wave.id), area: area.slug, ...switches(params) });
  const ctx = (extra: Record<string, string>): TableContext => ({ db, locale, role, k, params: new URLSearchParams({ ...Object.fromEntries(query), ...extra }) });
  // The area's answers once for every view and the free text (the switches in `query` are those of `params`).
  const wa = await waveAreaOf(db, found, area, query, k, [...distributionRefs(found.pages).map((r) => r.question), ...allQuestions(found.pages).filter((q) => q.type === 'text')]);
  const distributions = await distributionsView(ctx({}), wa);
  const problems = await problemsView(ctx({}), wa);
  if (!distributions || !problems) return undefined;
  const questions = breakdownQuestions(found.pages);
  const by = backgroundQuestions(found.pages);
  const question = questions.find((r) => refId(r) === params.get('question')) ?? questions[0];
  const byQuestion = by.find((q) => q.key === params.get('by')) ?? by[0];
  let breakdown: WavePage['breakdown'];
  if (question && byQuestion) {
    const extra = { question: refId(question), by: byQuestion.key };
    const table = await breakdownView(ctx(extra), wa);
    if (table) breakdown = { question, by: byQuestion, table, query: new URLSearchParams({ ...Object.fromEntries(query), ...extra }) };
  }
  const options = wa.options;
  return {
    found,
    area,
    options,
    query,
    distributions,
    problems,
    breakdown,
    breakdownChoices: { questions, by },
    freeText: await freeTextOf(db, found.pages, found.wave.id, area.id, options),
  };
}

export interface TrendPage {
  /** The latest closed wave of each series: the series selector's choices. */
  seriesChoices: { wave: Survey; series: SurveySeries }[];
  found: AnalysableWave;
  area: Area;
  question: QuestionRef;
  questions: QuestionRef[];
  query: URLSearchParams;
  view: TrendView;
}

/** The trends page for its query (`wave`, `area`, `question` and the switches), with defaults. */
export async function trendPage(db: Queryable, params: URLSearchParams, locale: Locale, role: TableContext['role'], k: number): Promise<TrendPage | undefined> {
  const latest = new Map<number, { wave: Survey; series: SurveySeries }>();
  for (const w of await listClosedWaves(db, k)) {
    const seen = latest.get(w.series.id);
    if (!seen || (w.wave.opensAt?.getTime() ?? 0) > (seen.wave.opensAt?.getTime() ?? 0)) latest.set(w.series.id, { wave: w.wave, series: w.series });
  }
  const seriesChoices = [...latest.values()];
  const chosen = parseId(params.get('wave')) ?? seriesChoices[0]?.wave.id;
  if (chosen === undefined) return undefined;
  const lookup = await findWaveForAnalysis(db, chosen);
  if (lookup.kind !== 'closed') return undefined;
  const found = lookup.found;
  const area = found.areas.find((a) => a.slug === params.get('area')) ?? found.areas[0];
  const questions = trendQuestions(found.pages);
  const question = questions.find((r) => refId(r) === params.get('question')) ?? questions[0];
  if (!area || !question) return undefined;
  const query = new URLSearchParams({ wave: String(found.wave.id), area: area.slug, question: refId(question), ...switches(params) });
  const view = await trendView({ db, locale, role, k, params: query });
  if (!view) return undefined;
  return { seriesChoices, found, area, question, questions, query, view };
}

export const tables: Record<string, TableBuilder> = {
  'wave-distribution': waveDistributionTable,
  'wave-problems': waveProblemsTable,
  'wave-breakdown': waveBreakdownTable,
  trend: trendTable,
};
