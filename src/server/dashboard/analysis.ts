/**
 * Survey analysis for the authority dashboard: a closed wave's answer
 * distributions per area (with n and 95 % Wilson intervals), the problems
 * matrix ranked, breakdowns by a background question, free-text answers, and
 * trends across the closed waves of a series; plus publishing a closed
 * wave's results on /resultater.
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
 * - Every count goes through src/lib/aggregate.ts: a distribution through
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
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { answers, areas, responses, surveyAreas, surveys, surveySeries, type Area, type Survey, type SurveySeries } from '../../../db/schema.ts';
import { MIN_K, suppressRow, suppressTable, type SuppressedTable } from '../../lib/aggregate.ts';
import type { BarDatum, LineSeries } from '../../lib/charts/geometry.ts';
import { MAX_SERIES } from '../../lib/charts/geometry.ts';
import { SUPPRESSED, type DataTable, type TableValue } from '../../lib/data-table.ts';
import { messages, type Locale } from '../../lib/i18n/index.ts';
import { pick } from '../../lib/localized.ts';
import { maskPersonalData } from '../../lib/pii.ts';
import { findPlace, NAMED_PLACES, placeName } from '../../lib/places.ts';
import { proportionEstimate } from '../../lib/stats/proportion.ts';
import { DONT_KNOW, PREFER_NOT, type InstrumentPage, type InstrumentQuestion } from '../../lib/survey/instrument.ts';
import { recordAudit } from '../audit.ts';
import type { Queryable } from '../db/connection.ts';
import { loadInstrument } from '../surveys.ts';
import { parseEstimateOptions } from './goals.ts';
import { closedWaves, respondentsInArea, respondentWeights, type EstimateOptions } from './indicators.ts';
import type { TableBuilder, TableContext } from './tables.ts';

// ---------------------------------------------------------------------------
// Waves and areas
// ---------------------------------------------------------------------------

export interface WaveSummary {
  wave: Survey;
  series: SurveySeries;
  responses: number;
}

/** Closed waves, newest first within each series: the only waves that are analysed. */
export function listClosedWaves(db: Queryable): WaveSummary[] {
  return db
    .select({ wave: surveys, series: surveySeries, responses: count(responses.id) })
    .from(surveys)
    .innerJoin(surveySeries, eq(surveySeries.id, surveys.seriesId))
    .leftJoin(responses, eq(responses.surveyId, surveys.id))
    .where(eq(surveys.status, 'closed'))
    .groupBy(surveys.id)
    .orderBy(asc(surveySeries.titleDa), desc(surveys.opensAt), desc(surveys.id))
    .all();
}

export interface AnalysableWave {
  wave: Survey;
  series: SurveySeries;
  /** The wave's areas, in display order: the choices of the area selector. */
  areas: Area[];
  pages: InstrumentPage[];
}

export type WaveLookup = { kind: 'closed'; found: AnalysableWave } | { kind: 'not_closed'; wave: Survey } | { kind: 'not_found' };

/** The areas a wave is about; every area when it names none. */
export function waveAreas(db: Queryable, surveyId: number): Area[] {
  const named = db
    .select({ a: areas })
    .from(surveyAreas)
    .innerJoin(areas, eq(areas.id, surveyAreas.areaId))
    .where(eq(surveyAreas.surveyId, surveyId))
    .orderBy(asc(areas.displayOrder), asc(areas.id))
    .all()
    .map((r) => r.a);
  return named.length > 0 ? named : db.select().from(areas).orderBy(asc(areas.displayOrder), asc(areas.id)).all();
}

export function findWaveForAnalysis(db: Queryable, id: number): WaveLookup {
  const wave = db.select().from(surveys).where(eq(surveys.id, id)).get();
  if (!wave) return { kind: 'not_found' };
  if (wave.status !== 'closed') return { kind: 'not_closed', wave };
  const series = db.select().from(surveySeries).where(eq(surveySeries.id, wave.seriesId)).get()!;
  return { kind: 'closed', found: { wave, series, areas: waveAreas(db, id), pages: loadInstrument(db, id) } };
}

export type PublishResult = 'ok' | 'not_found' | 'not_closed';

/**
 * Publishes (or withdraws) a closed wave's results on /resultater. Only a
 * closed wave: an open wave's figures are not final. The caller checks
 * `goals.manage`; the change is audited.
 */
export function setResultsPublished(db: Queryable, surveyId: number, published: boolean, actorId: number): PublishResult {
  return db.transaction((tx): PublishResult => {
    const wave = tx.select().from(surveys).where(eq(surveys.id, surveyId)).get();
    if (!wave) return 'not_found';
    if (wave.status !== 'closed') return 'not_closed';
    if (wave.resultsPublished === published) return 'ok';
    tx.update(surveys).set({ resultsPublished: published }).where(eq(surveys.id, surveyId)).run();
    recordAudit(tx, {
      userId: actorId,
      action: published ? 'survey.publish_results' : 'survey.unpublish_results',
      entityType: 'survey',
      entityId: surveyId,
      summary: `${wave.slug}: ${published ? 'unpublished → published' : 'published → unpublished'}`,
    });
    return 'ok';
  });
}

// ---------------------------------------------------------------------------
// Options: weighting and the suspicious switch
// ---------------------------------------------------------------------------

export interface AnalysisOptions extends EstimateOptions {
  /** Asked to keep suspicious responses, but the area has 1…K−1 of them, so they stay out. */
  suspiciousSwitchIgnored: boolean;
}

/**
 * The page's switches (`vaegtet`, `mistaenkelige`) for one wave and area.
 * "With suspicious" minus "without" is the answers of the flagged
 * respondents alone, so the switch only applies when they are none or at
 * least K.
 */
export function analysisOptions(db: Queryable, surveyId: number, areaId: number, params: URLSearchParams, k: number): AnalysisOptions {
  const base = parseEstimateOptions(params, Math.max(MIN_K, k));
  if (base.excludeSuspicious) return { ...base, suspiciousSwitchIgnored: false };
  const flagged =
    db
      .select({ n: count() })
      .from(responses)
      .where(and(eq(responses.surveyId, surveyId), eq(responses.areaId, areaId), eq(responses.suspicious, true)))
      .get()?.n ?? 0;
  if (flagged > 0 && flagged < base.k) return { ...base, excludeSuspicious: true, suspiciousSwitchIgnored: true };
  return { ...base, suspiciousSwitchIgnored: false };
}

// ---------------------------------------------------------------------------
// Questions and their answer keys
// ---------------------------------------------------------------------------

/** A question, or one item (row) of a matrix question. */
export interface QuestionRef {
  question: InstrumentQuestion;
  item: string | null;
}

/** `safety_evening`, or `problems:drug_dealing` for a matrix item: the `question` parameter. */
export function refId(ref: QuestionRef): string {
  return ref.item === null ? ref.question.key : `${ref.question.key}:${ref.item}`;
}

function allQuestions(pages: readonly InstrumentPage[]): InstrumentQuestion[] {
  return pages.flatMap((p) => p.questions);
}

/** Every question (and matrix item) with a distribution, in questionnaire order. */
function distributionRefs(pages: readonly InstrumentPage[]): QuestionRef[] {
  return allQuestions(pages).flatMap((q): QuestionRef[] => {
    switch (q.type) {
      case 'matrix':
        return q.config.items.map((i) => ({ question: q, item: i.value }));
      case 'single':
      case 'multi':
      case 'scale':
      case 'number':
      case 'places':
        return [{ question: q, item: null }];
      default:
        // The area question is the page's selector; free text has its own rule.
        return [];
    }
  });
}

export function findRef(pages: readonly InstrumentPage[], id: string | null): QuestionRef | undefined {
  if (id === null) return undefined;
  return distributionRefs(pages).find((r) => refId(r) === id);
}

/**
 * Background questions for breakdowns: single-choice questions offering
 * "prefer not to say", which the questionnaire reserves for questions about
 * the respondent (age band, gender).
 */
export function backgroundQuestions(pages: readonly InstrumentPage[]): InstrumentQuestion[] {
  return allQuestions(pages).filter((q) => q.type === 'single' && q.allowPreferNot);
}

/** Questions a breakdown can show: answers that partition the respondents (one answer each). */
export function breakdownQuestions(pages: readonly InstrumentPage[]): QuestionRef[] {
  const background = new Set(backgroundQuestions(pages).map((q) => q.key));
  return distributionRefs(pages).filter((r) => (r.question.type === 'single' && !background.has(r.question.key)) || r.question.type === 'scale' || r.question.type === 'matrix');
}

/** Scale and choice questions (and matrix items): what a trend can follow. */
export function trendQuestions(pages: readonly InstrumentPage[]): QuestionRef[] {
  return distributionRefs(pages).filter((r) => ['single', 'multi', 'scale', 'matrix'].includes(r.question.type));
}

/** One respondent per answer (a partition), or any number of answers each (multiple choice, places). */
type Kind = 'partition' | 'multiple';

const PIN = '_pin';
const TYPED = '_typed';
/** Upper breakpoints of number bands: 0, 1–2, 3–5, 6–10, 11–20, 21–50 … (years, people, times). */
const NUMBER_BREAKS = [1, 3, 6, 11, 21, 51, 101, 201, 501, 1001, 5001] as const;

interface Band {
  key: string;
  from: number;
  /** Inclusive; the last band runs to the question's maximum. */
  to: number;
}

function numberBands(min: number, max: number): Band[] {
  const starts = [min, ...NUMBER_BREAKS.filter((b) => b > min && b <= max)];
  return starts.map((from, i) => {
    const to = i + 1 < starts.length ? starts[i + 1]! - 1 : max;
    return { key: from === to ? String(from) : `${from}-${to}`, from, to };
  });
}

function kindOf(q: InstrumentQuestion): Kind {
  return q.type === 'multi' || q.type === 'places' ? 'multiple' : 'partition';
}

/** The substantive answer keys of a question, in the order offered. */
function answerKeys(q: InstrumentQuestion): string[] {
  switch (q.type) {
    case 'single':
    case 'multi':
    case 'matrix':
      return q.config.options.map((o) => o.value);
    case 'scale':
      return Array.from({ length: q.config.points }, (_, i) => String(i + 1));
    case 'number':
      return numberBands(q.config.min, q.config.max).map((b) => b.key);
    case 'places':
      return [...NAMED_PLACES.map((p) => p.id), PIN, TYPED];
    default:
      return [];
  }
}

/** The substantive keys a respondent's stored values fall into ([] for "don't know", "prefer not" or nothing). */
function classify(q: InstrumentQuestion, values: readonly string[]): string[] {
  const substantive = values.filter((v) => v !== DONT_KNOW && v !== PREFER_NOT);
  switch (q.type) {
    case 'number': {
      const n = Number(substantive[0]);
      if (substantive.length === 0 || !Number.isFinite(n)) return [];
      const band = numberBands(q.config.min, q.config.max).find((b) => n >= b.from && n < b.to + 1);
      return band ? [band.key] : [];
    }
    case 'places': {
      const keys = substantive.map((v) =>
        v.startsWith('place:') && findPlace(v.slice(6)) ? v.slice(6) : v.startsWith('point:') ? PIN : v.startsWith('text:') ? TYPED : undefined,
      );
      return [...new Set(keys.filter((k): k is string => k !== undefined))];
    }
    default: {
      const allowed = new Set(answerKeys(q));
      const keys = [...new Set(substantive.filter((v) => allowed.has(v)))];
      return kindOf(q) === 'partition' ? keys.slice(0, 1) : keys;
    }
  }
}

const text = (locale: Locale, da: string, en: string | null | undefined): string => pick(locale, da, en).text;

export function questionText(ref: QuestionRef, locale: Locale): string {
  const q = ref.question;
  const base = text(locale, q.textDa, q.textEn);
  if (ref.item === null || q.type !== 'matrix') return base;
  return `${base} – ${itemText(ref, locale)}`;
}

/** A matrix item's own text (e.g. "Vold"), or the question's text. */
export function itemText(ref: QuestionRef, locale: Locale): string {
  const q = ref.question;
  if (ref.item === null || q.type !== 'matrix') return text(locale, q.textDa, q.textEn);
  const item = q.config.items.find((i) => i.value === ref.item);
  return item ? text(locale, item.da, item.en) : ref.item;
}

export function answerLabel(q: InstrumentQuestion, key: string, locale: Locale): string {
  const m = messages(locale).analysis;
  switch (q.type) {
    case 'single':
    case 'multi':
    case 'matrix': {
      const o = q.config.options.find((x) => x.value === key);
      return o ? text(locale, o.da, o.en) : key;
    }
    case 'scale': {
      const c = q.config;
      if (key === '1') return `1 (${text(locale, c.lowDa, c.lowEn)})`;
      if (key === String(c.points)) return `${c.points} (${text(locale, c.highDa, c.highEn)})`;
      return key;
    }
    case 'number':
      return key.replace('-', '–');
    case 'places': {
      if (key === PIN) return m.pin;
      if (key === TYPED) return m.typedPlace;
      const place = findPlace(key);
      return place ? placeName(place, locale) : key;
    }
    default:
      return key;
  }
}

// ---------------------------------------------------------------------------
// The answers of one wave and area
// ---------------------------------------------------------------------------

interface AreaAnswers {
  respondents: number[];
  /** Raking weights when asked for and the area has margins; otherwise every weight is 1. */
  weights: Map<number, number> | undefined;
  designEffect: number | undefined;
  /** `${questionId}:${item}` → respondent → stored values. */
  values: Map<string, Map<number, string[]>>;
}

const valueKey = (questionId: number, item: string | null): string => `${questionId}:${item ?? ''}`;

function loadAreaAnswers(db: Queryable, surveyId: number, areaId: number, options: EstimateOptions): AreaAnswers {
  const respondents = respondentsInArea(db, surveyId, areaId, options.excludeSuspicious);
  const wanted = new Set(respondents);
  const rows = db
    .select({ responseId: answers.responseId, questionId: answers.questionId, item: answers.item, value: answers.value })
    .from(answers)
    .innerJoin(responses, eq(responses.id, answers.responseId))
    .where(and(eq(responses.surveyId, surveyId), eq(responses.areaId, areaId)))
    .all();
  const values = new Map<string, Map<number, string[]>>();
  for (const r of rows) {
    if (!wanted.has(r.responseId)) continue;
    const key = valueKey(r.questionId, r.item);
    const byRespondent = values.get(key) ?? new Map<number, string[]>();
    byRespondent.set(r.responseId, [...(byRespondent.get(r.responseId) ?? []), r.value]);
    values.set(key, byRespondent);
  }
  const w = options.weighted ? respondentWeights(db, surveyId, areaId, respondents) : undefined;
  return { respondents, weights: w?.weights, designEffect: w?.designEffect, values };
}

/** Respondent → substantive keys, for everyone in the area who gave a substantive answer. */
function substantiveAnswers(data: AreaAnswers, ref: QuestionRef): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [id, values] of data.values.get(valueKey(ref.question.id, ref.item)) ?? []) {
    const keys = classify(ref.question, values);
    if (keys.length > 0) out.set(id, keys);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Distributions and shares
// ---------------------------------------------------------------------------

export interface Estimate {
  /** Respondents with this answer (unweighted). */
  n: number;
  /** Substantive answers to the question: the share's denominator (unweighted). */
  base: number;
  /** The (weighted) share of the substantive answers, 0–1, with its 95 % Wilson interval. */
  p: number;
  low: number;
  high: number;
}

export type ShownEstimate = ({ suppressed: false } & Estimate) | { suppressed: true };

interface Distribution {
  ref: QuestionRef;
  kind: Kind;
  /** Substantive answers (partition) or respondents who chose anything (multiple); undefined when below K. */
  total: number | undefined;
  cells: { key: string; estimate: ShownEstimate }[];
  /** Keys whose counts are suppressed. */
  hidden: ReadonlySet<string>;
  /** Unsuppressed counts: internal, for the share rule and breakdowns; never shown. */
  counts: ReadonlyMap<string, number>;
  answered: ReadonlyMap<number, string[]>;
}

function estimateOf(data: AreaAnswers, answered: ReadonlyMap<number, string[]>, success: (keys: string[]) => boolean, n: number): Estimate {
  const e = proportionEstimate([...answered].map(([id, keys]) => ({ weight: data.weights?.get(id) ?? 1, success: success(keys) })));
  return { n, base: answered.size, p: e.p, low: e.low, high: e.high };
}

function distributionOf(data: AreaAnswers, ref: QuestionRef, k: number): Distribution {
  const K = Math.max(MIN_K, k);
  const kind = kindOf(ref.question);
  const keys = answerKeys(ref.question);
  const answered = substantiveAnswers(data, ref);
  const counts = new Map<string, number>(keys.map((key) => [key, 0]));
  for (const chosen of answered.values()) for (const key of chosen) counts.set(key, (counts.get(key) ?? 0) + 1);
  const hidden = new Set<string>();
  let total: number | undefined = answered.size;
  if (kind === 'partition') {
    const row = suppressRow(
      keys.map((key) => ({ key, n: counts.get(key) ?? 0 })),
      K,
    );
    if (row.total.suppressed) total = undefined;
    for (const c of row.cells) if (c.suppressed) hidden.add(c.key);
  } else if (answered.size < K) {
    total = undefined;
    for (const key of keys) hidden.add(key);
  } else {
    // Each option splits the respondents in two: those who chose it and those who did not.
    for (const key of keys) {
      const n = counts.get(key) ?? 0;
      const row = suppressRow(
        [
          { key: 'chose', n },
          { key: 'not', n: answered.size - n },
        ],
        K,
      );
      if (row.cells[0]!.suppressed) hidden.add(key);
    }
  }
  const cells = keys.map((key) => ({
    key,
    estimate: hidden.has(key) || total === undefined ? SUPPRESSED : { suppressed: false as const, ...estimateOf(data, answered, (ks) => ks.includes(key), counts.get(key) ?? 0) },
  }));
  return { ref, kind, total, cells, hidden, counts, answered };
}

/**
 * The share of substantive answers that are one of `values`, or suppressed.
 * A grouped share of a partition is shown only when its count cannot be
 * combined with the distribution's shown cells to give a suppressed one: it
 * holds none of the suppressed answers, or all of them. A multiple-choice
 * share is one option's (unions would reveal overlaps).
 */
function shareOf(dist: Distribution, values: readonly string[], data: AreaAnswers, k: number): ShownEstimate {
  const K = Math.max(MIN_K, k);
  if (dist.total === undefined) return SUPPRESSED;
  const group = new Set(values.filter((v) => dist.counts.has(v)));
  if (group.size === 0) return SUPPRESSED;
  if (dist.kind === 'multiple' && group.size > 1) return SUPPRESSED;
  const hiddenInGroup = [...dist.hidden].filter((key) => group.has(key)).length;
  if (hiddenInGroup > 0 && hiddenInGroup < dist.hidden.size) return SUPPRESSED;
  if (dist.kind === 'multiple' && hiddenInGroup > 0) return SUPPRESSED;
  const n = [...group].reduce((s, key) => s + (dist.counts.get(key) ?? 0), 0);
  const row = suppressRow(
    [
      { key: 'in', n },
      { key: 'out', n: dist.total - n },
    ],
    K,
  );
  if (row.cells[0]!.suppressed) return SUPPRESSED;
  return { suppressed: false, ...estimateOf(data, dist.answered, (ks) => ks.some((x) => group.has(x)), n) };
}

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

/** `wave` (a closed wave's id) and `area` (one of its areas' slug), or undefined. */
function waveAreaFrom(ctx: TableContext): WaveArea | undefined {
  const id = parseId(ctx.params.get('wave'));
  if (id === undefined) return undefined;
  const lookup = findWaveForAnalysis(ctx.db, id);
  if (lookup.kind !== 'closed') return undefined;
  const area = lookup.found.areas.find((a) => a.slug === ctx.params.get('area'));
  if (!area) return undefined;
  const options = analysisOptions(ctx.db, id, area.id, ctx.params, ctx.k);
  return { found: lookup.found, area, options, data: loadAreaAnswers(ctx.db, id, area.id, options) };
}

function areaName(area: Area, locale: Locale): string {
  return locale === 'en' ? area.nameEn : area.nameDa;
}

export function waveLabel(wave: Survey, locale: Locale): string {
  return text(locale, wave.waveDa, wave.waveEn);
}

function weightingNote(wa: { options: AnalysisOptions; data: AreaAnswers }, locale: Locale): string {
  const m = messages(locale).analysis.notes;
  const parts = [wa.data.weights ? m.weighted : wa.options.weighted ? m.noMargins : m.unweighted, m.substantive];
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

function distributionsView(ctx: TableContext): TableView<BarChartSpec> | undefined {
  const wa = waveAreaFrom(ctx);
  if (!wa) return undefined;
  const only = ctx.params.get('question');
  const refs = distributionRefs(wa.found.pages).filter((r) => only === null || refId(r) === only);
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
        answer: answerLabel(ref.question, c.key, ctx.locale),
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
      bars: cells.map((c) => ({ key: c.key, label: answerLabel(ref.question, c.key, ctx.locale), ...percent(c.estimate) })),
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

export function waveDistributionTable(ctx: TableContext): DataTable | undefined {
  return distributionsView(ctx)?.table;
}

// ---------------------------------------------------------------------------
// wave-problems: the matrix questions' items ranked
// ---------------------------------------------------------------------------

function problemsView(ctx: TableContext): TableView<BarChartSpec> | undefined {
  const wa = waveAreaFrom(ctx);
  if (!wa) return undefined;
  const only = ctx.params.get('question');
  const matrices = allQuestions(wa.found.pages).filter((q) => q.type === 'matrix' && (only === null || q.key === only));
  if (only !== null && matrices.length === 0) return undefined;
  const m = messages(ctx.locale).analysis;
  const rows: DataTable['rows'] = [];
  const charts: BarChartSpec[] = [];
  const tops: string[] = [];
  for (const q of matrices) {
    if (q.type !== 'matrix') continue;
    // The scale's last option is its strongest ("a big problem").
    const top = q.config.options.at(-1)!.value;
    tops.push(answerLabel(q, top, ctx.locale));
    const ranked = q.config.items
      .map((item) => {
        const ref = { question: q, item: item.value };
        const dist = distributionOf(wa.data, ref, ctx.k);
        return { ref, dist, estimate: shareOf(dist, [top], wa.data, ctx.k) };
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
      title: m.problems.chartTitle(answerLabel(q, top, ctx.locale)),
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

export function waveProblemsTable(ctx: TableContext): DataTable | undefined {
  return problemsView(ctx)?.table;
}

// ---------------------------------------------------------------------------
// wave-breakdown: one question by one background question
// ---------------------------------------------------------------------------

/** The "no substantive answer" row and column (don't know, prefer not, skipped). */
const NONE = '_none';

interface Breakdown {
  question: QuestionRef;
  by: InstrumentQuestion;
  rowKeys: string[];
  columnKeys: string[];
  table: SuppressedTable;
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
  const byRef = { question: by, item: null };
  const xDist = distributionOf(data, question, K);
  const yDist = distributionOf(data, byRef, K);
  const columnKeys = [...answerKeys(question.question), NONE];
  const rowKeys = [...answerKeys(by), NONE];
  const xOf = substantiveAnswers(data, question);
  const yOf = substantiveAnswers(data, byRef);
  const grid = new Map<string, number>();
  for (const id of data.respondents) {
    const cell = `${yOf.get(id)?.[0] ?? NONE}\u0000${xOf.get(id)?.[0] ?? NONE}`;
    grid.set(cell, (grid.get(cell) ?? 0) + 1);
  }
  const rows = rowKeys.map((r) => ({ key: r, cells: columnKeys.map((c) => ({ key: c, n: grid.get(`${r}\u0000${c}`) ?? 0 })) }));
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
  return { question, by, rowKeys, columnKeys, table: conflict ? suppressAll(table) : table };
}

function suppressAll(t: SuppressedTable): SuppressedTable {
  return {
    rows: t.rows.map((r) => ({ key: r.key, cells: r.cells.map((c) => ({ key: c.key, suppressed: true as const })), total: { suppressed: true } })),
    columnTotals: t.columnTotals.map((c) => ({ key: c.key, suppressed: true as const })),
    total: { suppressed: true },
  };
}

function breakdownView(ctx: TableContext): DataTable | undefined {
  const wa = waveAreaFrom(ctx);
  if (!wa) return undefined;
  const question = breakdownQuestions(wa.found.pages).find((r) => refId(r) === ctx.params.get('question'));
  const by = backgroundQuestions(wa.found.pages).find((q) => q.key === ctx.params.get('by'));
  if (!question || !by) return undefined;
  const m = messages(ctx.locale).analysis;
  const b = breakdownOf(wa.data, question, by, ctx.k);
  const xKeys = b.columnKeys;
  // The "no answer" row is only there to make the margins add up; its total is never published, so no shares.
  const rows = b.table.rows
    .filter((r) => r.key !== NONE)
    .map((r) => {
      const row: Record<string, TableValue> = { by: answerLabel(by, r.key, ctx.locale), n: r.total.suppressed ? SUPPRESSED : r.total.n };
      for (const c of r.cells) {
        // A row nobody is in has no shares (and nothing to hide).
        row[`x:${c.key}`] = !r.total.suppressed && r.total.n === 0 ? null : c.suppressed || r.total.suppressed ? SUPPRESSED : c.n / r.total.n;
      }
      return row;
    });
  return {
    id: 'wave-breakdown',
    title: m.tables.breakdown(questionText(question, ctx.locale), text(ctx.locale, by.textDa, by.textEn), waveLabel(wa.found.wave, ctx.locale), areaName(wa.area, ctx.locale)),
    columns: [
      { key: 'by', label: text(ctx.locale, by.textDa, by.textEn) },
      { key: 'n', label: m.columns.n, kind: 'count' },
      ...xKeys.map((key) => ({ key: `x:${key}`, label: key === NONE ? m.noAnswer : answerLabel(question.question, key, ctx.locale), kind: 'share' as const })),
    ],
    rows,
    note: m.notes.breakdown,
  };
}

export function waveBreakdownTable(ctx: TableContext): DataTable | undefined {
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

function trendLines(q: InstrumentQuestion, locale: Locale): TrendLine[] {
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
  return answerKeys(q).map((key) => ({ key, label: answerLabel(q, key, locale), values: [key] }));
}

export interface TrendView {
  table: DataTable;
  /** Undefined when the question has more answers than a chart can show apart (the table has them all). */
  chart: { series: LineSeries[]; categories: string[] } | undefined;
}

function trendView(ctx: TableContext): TrendView | undefined {
  const id = parseId(ctx.params.get('wave'));
  if (id === undefined) return undefined;
  const lookup = findWaveForAnalysis(ctx.db, id);
  if (lookup.kind !== 'closed') return undefined;
  const last = lookup.found;
  const area = last.areas.find((a) => a.slug === ctx.params.get('area'));
  const ref = trendQuestions(last.pages).find((r) => refId(r) === ctx.params.get('question'));
  if (!area || !ref) return undefined;
  const m = messages(ctx.locale).analysis;
  const all = closedWaves(ctx.db, last.series.id);
  const waves = all.slice(0, all.findIndex((w) => w.id === last.wave.id) + 1);
  const lines = trendLines(ref.question, ctx.locale);
  const rows: DataTable['rows'] = [];
  const points = new Map<string, { x: string; value: number | null; low?: number; high?: number }[]>(lines.map((l) => [l.key, []]));
  const categories: string[] = [];
  let note = '';
  for (const wave of waves) {
    const label = waveLabel(wave, ctx.locale);
    categories.push(label);
    // Question keys are stable across a series' waves; a wave without the question has a gap.
    const waveRef = findRef(loadInstrument(ctx.db, wave.id), refId(ref));
    if (!waveRef) continue;
    const options = analysisOptions(ctx.db, wave.id, area.id, ctx.params, ctx.k);
    const data = loadAreaAnswers(ctx.db, wave.id, area.id, options);
    note = weightingNote({ options, data }, ctx.locale);
    const dist = distributionOf(data, waveRef, ctx.k);
    for (const line of lines) {
      const e = shareOf(dist, line.values, data, ctx.k);
      rows.push({ wave: label, answer: line.label, share: shown(e, 'p'), low: shown(e, 'low'), high: shown(e, 'high'), n: dist.total ?? SUPPRESSED });
      points.get(line.key)!.push(e.suppressed ? { x: label, value: null } : { x: label, value: e.p * 100, low: e.low * 100, high: e.high * 100 });
    }
  }
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

export function trendTable(ctx: TableContext): DataTable | undefined {
  return trendView(ctx)?.table;
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
export function freeTextAnswers(db: Queryable, surveyId: number, areaId: number, options: EstimateOptions): FreeTextSection[] {
  const wave = db.select().from(surveys).where(eq(surveys.id, surveyId)).get();
  if (!wave || wave.status !== 'closed') return [];
  const K = Math.max(MIN_K, options.k);
  const data = loadAreaAnswers(db, surveyId, areaId, { ...options, weighted: false });
  return allQuestions(loadInstrument(db, surveyId))
    .filter((q) => q.type === 'text')
    .map((q) => {
      const texts = [...(data.values.get(valueKey(q.id, null)) ?? new Map<number, string[]>()).values()]
        .flat()
        .filter((v) => v !== DONT_KNOW && v !== PREFER_NOT && v.trim() !== '')
        .map((v) => maskPersonalData(v).text);
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
export function waveShares(db: Queryable, surveyId: number, areaId: number, definitions: readonly ShareDefinition[], options: EstimateOptions): (ShownEstimate | undefined)[] {
  const wave = db.select().from(surveys).where(eq(surveys.id, surveyId)).get();
  if (!wave || wave.status !== 'closed') return definitions.map(() => undefined);
  const pages = loadInstrument(db, surveyId);
  const data = loadAreaAnswers(db, surveyId, areaId, options);
  return definitions.map((d) => {
    const ref = findRef(pages, d.item === null ? d.key : `${d.key}:${d.item}`);
    return ref ? shareOf(distributionOf(data, ref, options.k), d.values, data, options.k) : undefined;
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
export function waveAnalysisPage(db: Queryable, found: AnalysableWave, params: URLSearchParams, locale: Locale, role: TableContext['role'], k: number): WavePage | undefined {
  const area = found.areas.find((a) => a.slug === params.get('area')) ?? found.areas[0];
  if (!area) return undefined;
  const query = new URLSearchParams({ wave: String(found.wave.id), area: area.slug, ...switches(params) });
  const ctx = (extra: Record<string, string>): TableContext => ({ db, locale, role, k, params: new URLSearchParams({ ...Object.fromEntries(query), ...extra }) });
  const distributions = distributionsView(ctx({}));
  const problems = problemsView(ctx({}));
  if (!distributions || !problems) return undefined;
  const questions = breakdownQuestions(found.pages);
  const by = backgroundQuestions(found.pages);
  const question = questions.find((r) => refId(r) === params.get('question')) ?? questions[0];
  const byQuestion = by.find((q) => q.key === params.get('by')) ?? by[0];
  let breakdown: WavePage['breakdown'];
  if (question && byQuestion) {
    const extra = { question: refId(question), by: byQuestion.key };
    const table = breakdownView(ctx(extra));
    if (table) breakdown = { question, by: byQuestion, table, query: new URLSearchParams({ ...Object.fromEntries(query), ...extra }) };
  }
  const options = analysisOptions(db, found.wave.id, area.id, params, k);
  return {
    found,
    area,
    options,
    query,
    distributions,
    problems,
    breakdown,
    breakdownChoices: { questions, by },
    freeText: freeTextAnswers(db, found.wave.id, area.id, options),
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
export function trendPage(db: Queryable, params: URLSearchParams, locale: Locale, role: TableContext['role'], k: number): TrendPage | undefined {
  const latest = new Map<number, { wave: Survey; series: SurveySeries }>();
  for (const w of listClosedWaves(db)) {
    const seen = latest.get(w.series.id);
    if (!seen || (w.wave.opensAt?.getTime() ?? 0) > (seen.wave.opensAt?.getTime() ?? 0)) latest.set(w.series.id, { wave: w.wave, series: w.series });
  }
  const seriesChoices = [...latest.values()];
  const chosen = parseId(params.get('wave')) ?? seriesChoices[0]?.wave.id;
  if (chosen === undefined) return undefined;
  const lookup = findWaveForAnalysis(db, chosen);
  if (lookup.kind !== 'closed') return undefined;
  const found = lookup.found;
  const area = found.areas.find((a) => a.slug === params.get('area')) ?? found.areas[0];
  const questions = trendQuestions(found.pages);
  const question = questions.find((r) => refId(r) === params.get('question')) ?? questions[0];
  if (!area || !question) return undefined;
  const query = new URLSearchParams({ wave: String(found.wave.id), area: area.slug, question: refId(question), ...switches(params) });
  const view = trendView({ db, locale, role, k, params: query });
  if (!view) return undefined;
  return { seriesChoices, found, area, question, questions, query, view };
}

export const tables: Record<string, TableBuilder> = {
  'wave-distribution': waveDistributionTable,
  'wave-problems': waveProblemsTable,
  'wave-breakdown': waveBreakdownTable,
  trend: trendTable,
};
