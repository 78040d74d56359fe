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
import { and, asc, count, desc, eq, gte, inArray, lte, max, sql } from 'drizzle-orm';
import { answers, areas, questions, responses, surveyAreas, surveys, surveySeries, type Area, type Survey, type SurveySeries } from '../../../db/schema.ts';
import { addKeys, KEY_RANGE, MIN_K, publishCount, suppressRow, suppressTable, type SuppressedTable } from '../../lib/disclosure/index.ts';
import type { BarDatum, LineSeries } from '../../lib/charts/geometry.ts';
import { MAX_SERIES } from '../../lib/charts/geometry.ts';
import { SUPPRESSED, type DataTable, type TableValue } from '../../lib/data-table.ts';
import { messages, type Locale } from '../../lib/i18n/index.ts';
import { pick } from '../../lib/localized.ts';
import { maskPersonalData } from '../../lib/pii.ts';
import { placeName, type PlaceBook } from '../../lib/places.ts';
import { listPlaces } from '../partnership/places.ts';
import { shareEstimate } from '../../lib/stats/proportion.ts';
import { rake, type Margin } from '../../lib/stats/raking.ts';
import { kishDesignEffect } from '../../lib/stats/weights.ts';
import { DONT_KNOW, NONE_OF_THESE, PREFER_NOT, type InstrumentPage, type InstrumentQuestion } from '../../lib/survey/instrument.ts';
import { recordAudit } from '../staff/audit.ts';
import type { Queryable } from '../db/connection.ts';
import { groupConcat } from '../db/raw.ts';
import { transaction } from '../db/transaction.ts';
import { loadInstrument, publishedResponseCounts } from '../surveys/surveys.ts';
import { parseEstimateOptions, weightingReason } from './goals.ts';
import { achievedMargins, areaMargins, closedWaves, MARGIN_GAP_LIMIT, TRIM_DEFAULT, type EstimateOptions, type WeightingReport } from './indicators.ts';
import type { TableBuilder, TableContext } from './tables.ts';

// ---------------------------------------------------------------------------
// Waves and areas
// ---------------------------------------------------------------------------

export interface WaveSummary {
  wave: Survey;
  series: SurveySeries;
  /** The wave's responses as the disclosure engine publishes them; undefined when too few. */
  responses: number | undefined;
}

/** Closed waves, newest first within each series: the only waves that are analysed. */
export async function listClosedWaves(db: Queryable, k: number): Promise<WaveSummary[]> {
  const rows = await db
    .select({ wave: surveys, series: surveySeries })
    .from(surveys)
    .innerJoin(surveySeries, eq(surveySeries.id, surveys.seriesId))
    .where(eq(surveys.status, 'closed'))
    .orderBy(asc(surveySeries.titleDa), desc(surveys.opensAt), desc(surveys.id));
  const shown = await publishedResponseCounts(db, k);
  return rows.map((r) => ({ ...r, responses: shown(r.wave.id) }));
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
export async function waveAreas(db: Queryable, surveyId: number): Promise<Area[]> {
  const named = (
    await db
      .select({ a: areas })
      .from(surveyAreas)
      .innerJoin(areas, eq(areas.id, surveyAreas.areaId))
      .where(eq(surveyAreas.surveyId, surveyId))
      .orderBy(asc(areas.displayOrder), asc(areas.id))
  ).map((r) => r.a);
  return named.length > 0 ? named : db.select().from(areas).orderBy(asc(areas.displayOrder), asc(areas.id));
}

export async function findWaveForAnalysis(db: Queryable, id: number): Promise<WaveLookup> {
  const [wave] = await db.select().from(surveys).where(eq(surveys.id, id)).limit(1);
  if (!wave) return { kind: 'not_found' };
  if (wave.status !== 'closed') return { kind: 'not_closed', wave };
  const [series] = await db.select().from(surveySeries).where(eq(surveySeries.id, wave.seriesId)).limit(1);
  return { kind: 'closed', found: { wave, series: series!, areas: await waveAreas(db, id), pages: await loadInstrument(db, id) } };
}

export type PublishResult = 'ok' | 'not_found' | 'not_closed';

/**
 * Publishes (or withdraws) a closed wave's results on /resultater. Only a
 * closed wave: an open wave's figures are not final. The caller checks
 * `goals.manage`; the change is audited.
 */
export async function setResultsPublished(db: Queryable, surveyId: number, published: boolean, actorId: number): Promise<PublishResult> {
  return transaction(db, async (tx): Promise<PublishResult> => {
    const [wave] = await tx.select().from(surveys).where(eq(surveys.id, surveyId)).limit(1);
    if (!wave) return 'not_found';
    if (wave.status !== 'closed') return 'not_closed';
    if (wave.resultsPublished === published) return 'ok';
    await tx.update(surveys).set({ resultsPublished: published, resultsPublishedAt: published ? new Date() : null }).where(eq(surveys.id, surveyId));
    await recordAudit(tx, {
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
export async function analysisOptions(db: Queryable, surveyId: number, areaId: number, params: URLSearchParams, k: number): Promise<AnalysisOptions> {
  const base = parseEstimateOptions(params, Math.max(MIN_K, k));
  if (base.excludeSuspicious) return { ...base, suspiciousSwitchIgnored: false };
  const [row] = await db // not for display: decides whether the switch applies
    .select({ n: count() })
    .from(responses)
    .where(and(eq(responses.surveyId, surveyId), eq(responses.areaId, areaId), eq(responses.suspicious, true)))
    .limit(1);
  const flagged = row?.n ?? 0;
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
function answerKeys(q: InstrumentQuestion, places: PlaceBook): string[] {
  switch (q.type) {
    case 'single':
    case 'matrix':
      return q.config.options.map((o) => o.value);
    case 'multi':
      // "None of these" is a row of its own: the share who ticked none of the options.
      return [...q.config.options.map((o) => o.value), ...(q.config.noneOption ? [NONE_OF_THESE] : [])];
    case 'scale':
      return Array.from({ length: q.config.points }, (_, i) => String(i + 1));
    case 'number':
      return numberBands(q.config.min, q.config.max).map((b) => b.key);
    case 'places':
      return [...places.all.map((p) => p.id), PIN, TYPED];
    default:
      return [];
  }
}

/** The substantive keys a respondent's stored values fall into ([] for "don't know", "prefer not" or nothing). */
function classify(q: InstrumentQuestion, values: readonly string[], places: PlaceBook): string[] {
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
        v.startsWith('place:') && places.find(v.slice(6)) ? v.slice(6) : v.startsWith('point:') ? PIN : v.startsWith('text:') ? TYPED : undefined,
      );
      return [...new Set(keys.filter((k): k is string => k !== undefined))];
    }
    default: {
      const allowed = new Set(answerKeys(q, places));
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

export function answerLabel(q: InstrumentQuestion, key: string, locale: Locale, places: PlaceBook): string {
  const m = messages(locale).analysis;
  switch (q.type) {
    case 'single':
    case 'multi':
    case 'matrix': {
      if (key === NONE_OF_THESE) return messages(locale).surveys.noneOfThese;
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
      const place = places.find(key);
      return place ? placeName(place, locale) : key;
    }
    default:
      return key;
  }
}

// ---------------------------------------------------------------------------
// The answers of one wave and area
// ---------------------------------------------------------------------------

/**
 * One question's (or matrix item's) stored answers in an area, compactly:
 * for each stored value (a multiple answer has several) the respondent's
 * position in `respondents`, ascending, and the value as an index into `dict`.
 */
interface Column {
  at: Int32Array;
  codes: Uint32Array;
  dict: string[];
}

/** Figures worked out from one area's answers, by what they are (see `memoized`). */
type Memo = Map<string, unknown>;

interface AreaAnswers {
  /** Response ids, ascending. */
  respondents: readonly number[];
  /** The respondents' record keys (responses.cell_key), by position in `respondents`: what the engine sums into cell keys. */
  keys: readonly number[];
  /** Raking weights by position in `respondents`, when asked for and the area has margins; otherwise every weight is 1. */
  weights: Float64Array | undefined;
  /** Why there are no weights although they were asked for and the area has margins. */
  weightingFailure?: WeightingReport | undefined;
  /** `${questionId}:${item}` → the column; only the questions asked for are loaded. */
  columns: ReadonlyMap<string, Column>;
  /** Figures already worked out from these answers with these weights. */
  memo: Memo;
  /** The named places (a places question's answers are their ids). */
  places: PlaceBook;
  /** Who answered what, by question, while these answers are in use (not kept: the figures are). */
  answered: Map<string, Answered>;
}

const valueKey = (questionId: number, item: string | null): string => `${questionId}:${item ?? ''}`;

function memoized<T>(data: AreaAnswers, key: string, make: () => T): T {
  if (data.memo.has(key)) return data.memo.get(key) as T;
  const value = make();
  data.memo.set(key, value);
  return value;
}

/**
 * A wave's answers in one area, loaded once and kept for later requests. Only
 * closed waves are analysed, and a closed wave with responses can be neither
 * reopened nor re-questioned, so its answers do not change; still, the entry
 * is checked against the area's responses (their number and greatest id,
 * from the index) on every use and loaded afresh when they differ, and the
 * weights are kept with the population margins they were raked to, which can
 * change. Figures worked out from the answers (distributions, shares,
 * breakdowns, texts) are kept with them, so a page seen again costs little.
 */
interface AreaEntry {
  fingerprint: string;
  /** Response ids, ascending. */
  respondents: number[];
  /** Their record keys, by position. */
  keys: number[];
  columns: Map<string, Column>;
  /** Question ids whose answers are in `columns`. */
  loaded: Set<number>;
  /** `failure`: why raking gave no usable weights although the area has margins (see rakedWeights in indicators.ts). */
  weighting: { margins: string; weights: Float64Array | undefined; failure: WeightingReport | undefined } | undefined;
  /** Unweighted (`u`) and weighted (`w`, to `weighting`) figures. */
  memo: { u: Memo; w: Memo };
}

/** Entries kept per database: an area's answers take a few MB, so only the latest few. */
const CACHED_AREAS = 8;
/** Respondents per query while loading, so that few rows are in memory at once. */
const LOAD_CHUNK = 2048;
const cache = new WeakMap<Queryable, Map<string, AreaEntry>>();

/** The area's responses as they stand: any response added (or removed) changes it. */
async function areaFingerprint(db: Queryable, surveyId: number, areaId: number): Promise<string> {
  const [row] = await db // not for display: a cache stamp
    .select({ n: count(), last: max(responses.id) })
    .from(responses)
    .where(and(eq(responses.surveyId, surveyId), eq(responses.areaId, areaId)))
    .limit(1);
  return `${row?.n ?? 0}:${row?.last ?? 0}`;
}

/** The area's respondents in id order (as `respondentsInArea` has them), with their record keys. */
async function respondentsOf(db: Queryable, surveyId: number, areaId: number, excludeSuspicious: boolean): Promise<{ respondents: number[]; keys: number[] }> {
  const rows = await db
    .select({ id: responses.id, cellKey: responses.cellKey })
    .from(responses)
    .where(and(eq(responses.surveyId, surveyId), eq(responses.areaId, areaId), excludeSuspicious ? eq(responses.suspicious, false) : undefined))
    .orderBy(asc(responses.id));
  return { respondents: rows.map((r) => r.id), keys: rows.map((r) => r.cellKey) };
}

/** The cell key of the records of `all` that are not in `part` (some of `all`'s records): `all` − `part` modulo 2³¹. */
function keysWithout(all: number, part: number): number {
  return (((all - part) % KEY_RANGE) + KEY_RANGE) % KEY_RANGE;
}

/** A column being filled: values are numbered as they first occur. */
class ColumnBuilder {
  readonly at: number[] = [];
  readonly codes: number[] = [];
  readonly dict: string[] = [];
  private readonly index = new Map<string, number>();

  code(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.dict.length;
      this.dict.push(value);
      this.index.set(value, code);
    }
    return code;
  }

  add(at: number, code: number): void {
    this.at.push(at);
    this.codes.push(code);
  }

  build(): Column {
    return { at: Int32Array.from(this.at), codes: Uint32Array.from(this.codes), dict: this.dict };
  }
}

/** Separators of the packed answers: a respondent's answers by US, an answer's question, item and value by RS. */
const US = '\u001f';
const RS = '\u001e';

/**
 * Adds the answers to `questionIds` of the entry's respondents, in respondent
 * order and, within a respondent, in the order the index gives them. Each respondent's answers come as one packed string
 * (`question RS item RS value`, joined by US): one row per respondent instead
 * of one per answer, which is most of the cost of reading. A respondent whose
 * packed answers do not split into exactly their number of answers of three
 * fields each (a separator inside a value or item) is read row by row instead.
 */
async function loadColumns(db: Queryable, surveyId: number, areaId: number, excludeSuspicious: boolean, entry: AreaEntry, questionIds: readonly number[]): Promise<void> {
  const wanted = [...questionIds];
  const builders = new Map<string, ColumnBuilder>();
  const builder = (questionId: number, item: string | null): ColumnBuilder => {
    const key = valueKey(questionId, item);
    let b = builders.get(key);
    if (!b) {
      b = new ColumnBuilder();
      builders.set(key, b);
    }
    return b;
  };
  // The same question, item and value recur across respondents: each is parsed once.
  type Token = { builder: ColumnBuilder; code: number };
  const tokens = new Map<string, Token>();
  const parse = (part: string): Token | undefined => {
    const first = part.indexOf(RS);
    const second = first < 0 ? -1 : part.indexOf(RS, first + 1);
    if (second < 0 || part.includes(RS, second + 1)) return undefined;
    const item = part.slice(first + 1, second);
    const b = builder(Number(part.slice(0, first)), item === '' ? null : item);
    return { builder: b, code: b.code(part.slice(second + 1)) };
  };
  const resolved: Token[] = [];
  const respondents = entry.respondents;
  let at = 0;
  for (let from = 0; from < respondents.length; from += LOAD_CHUNK) {
    const last = respondents[Math.min(from + LOAD_CHUNK, respondents.length) - 1]!;
    const rows = await db
      .select({
        // not for display: how many answer rows to unpack
        id: responses.id,
        n: count(),
        packed: groupConcat(db, sql`${answers.questionId} || ${RS} || coalesce(${answers.item}, '') || ${RS} || ${answers.value}`, US),
      })
      .from(responses)
      .innerJoin(answers, eq(answers.responseId, responses.id))
      .where(
        and(
          eq(responses.surveyId, surveyId),
          eq(responses.areaId, areaId),
          gte(responses.id, respondents[from]!),
          lte(responses.id, last),
          excludeSuspicious ? eq(responses.suspicious, false) : undefined,
          inArray(answers.questionId, wanted),
        ),
      )
      .groupBy(responses.id)
      .orderBy(asc(responses.id));
    for (const { id, n, packed } of rows) {
      while (at < respondents.length && respondents[at]! < id) at++;
      if (respondents[at] !== id) continue;
      const parts = packed.split(US);
      let plain = parts.length === n;
      resolved.length = 0;
      for (let i = 0; plain && i < parts.length; i++) {
        const part = parts[i]!;
        let token = tokens.get(part);
        if (!token) {
          token = parse(part);
          if (token) tokens.set(part, token);
          else plain = false;
        }
        if (token) resolved.push(token);
      }
      if (!plain) {
        const one = await db
          .select({ questionId: answers.questionId, item: answers.item, value: answers.value })
          .from(answers)
          .where(and(eq(answers.responseId, id), inArray(answers.questionId, wanted)))
          .orderBy(asc(answers.id));
        for (const r of one) {
          const b = builder(r.questionId, r.item);
          b.add(at, b.code(r.value));
        }
        continue;
      }
      for (const token of resolved) token.builder.add(at, token.code);
    }
  }
  for (const [key, b] of builders) entry.columns.set(key, b.build());
  for (const id of wanted) entry.loaded.add(id);
}

/**
 * Raking weights for the entry's respondents (by position), as
 * `respondentWeights` (indicators.ts) works them out for the goals, but from
 * the answers already loaded rather than read again: each respondent's answer
 * to each margin's question when the margins list it (otherwise left out of
 * that margin's step), raked with the same trimming. Undefined when the area
 * has no margins or raking is impossible.
 */
function rakedWeights(
  entry: AreaEntry,
  margins: readonly Margin[],
  marginQuestions: readonly { id: number; key: string }[],
): { weights: Float64Array | undefined; failure: WeightingReport | undefined } {
  const respondents = entry.respondents;
  if (margins.length === 0 || respondents.length === 0) return { weights: undefined, failure: undefined };
  const values = respondents.map((): Record<string, string | null> => ({}));
  for (const m of margins) {
    const question = marginQuestions.find((q) => q.key === m.variable);
    const column = question ? entry.columns.get(valueKey(question.id, null)) : undefined;
    const given: (string | undefined)[] = new Array<string | undefined>(respondents.length);
    if (column) for (let i = column.at.length - 1; i >= 0; i--) given[column.at[i]!] = column.dict[column.codes[i]!]; // the first answer wins
    for (let i = 0; i < respondents.length; i++) {
      const v = given[i];
      values[i]![m.variable] = v !== undefined && v in m.targets ? v : null;
    }
  }
  const rows = respondents.map((id, i) => ({ id, values: values[i]! }));
  const result = rake(rows, margins, { trim: TRIM_DEFAULT });
  if (!result.ok) return { weights: undefined, failure: { status: result.reason, variable: result.variable, category: result.category } };
  // The goals' rule: weights are used only when every margin is met to within MARGIN_GAP_LIMIT after trimming.
  const achieved = achievedMargins(rows, margins, result.weights);
  const maxGap = achieved.reduce((m, a) => Math.max(m, Math.abs(a.achieved - a.target)), 0);
  if (maxGap > MARGIN_GAP_LIMIT) {
    return { weights: undefined, failure: { status: 'margins_missed', converged: result.converged, iterations: result.iterations, trim: TRIM_DEFAULT, maxGap, margins: achieved } };
  }
  return { weights: Float64Array.from(respondents, (id) => result.weights.get(id) ?? 1), failure: undefined };
}

/**
 * The answers to `questionIds` of a wave's respondents in one area (honouring
 * the suspicious switch), with raking weights when asked for: from the cache
 * when the area's responses are as they were, otherwise read (only those
 * questions, only that area's rows) and cached.
 */
async function loadAreaAnswers(db: Queryable, surveyId: number, areaId: number, options: EstimateOptions, questionIds: readonly number[]): Promise<AreaAnswers> {
  // One read transaction: the check, the answers and the weights are of the same moment.
  return transaction(db, async (tx) => {
    let areas = cache.get(db);
    if (!areas) {
      areas = new Map();
      cache.set(db, areas);
    }
    const key = `${surveyId}:${areaId}:${options.excludeSuspicious ? 1 : 0}`;
    const places = await listPlaces(tx);
    const fingerprint = await areaFingerprint(tx, surveyId, areaId);
    // Taken out while it is completed, so a concurrent call (PostgreSQL) loads
    // its own rather than filling the same one.
    let entry = areas.get(key);
    areas.delete(key);
    if (!entry || entry.fingerprint !== fingerprint) {
      entry = {
        fingerprint,
        ...(await respondentsOf(tx, surveyId, areaId, options.excludeSuspicious)),
        columns: new Map(),
        loaded: new Set(),
        weighting: undefined,
        memo: { u: new Map(), w: new Map() },
      };
    }
    // Weights need the answers to the margins' questions: read with the others, in the same pass.
    const margins = options.weighted ? await areaMargins(tx, areaId) : [];
    const marginsFingerprint = JSON.stringify(margins);
    const reweigh = options.weighted && entry.weighting?.margins !== marginsFingerprint;
    const marginQuestions =
      reweigh && margins.length > 0
        ? await tx
            .select({ id: questions.id, key: questions.key })
            .from(questions)
            .where(and(eq(questions.surveyId, surveyId), inArray(questions.key, margins.map((m) => m.variable))))
        : [];
    const missing = [...new Set([...questionIds, ...marginQuestions.map((q) => q.id)])].filter((id) => !entry.loaded.has(id));
    if (missing.length > 0) await loadColumns(tx, surveyId, areaId, options.excludeSuspicious, entry, missing);
    if (reweigh) {
      entry.weighting = { margins: marginsFingerprint, ...rakedWeights(entry, margins, marginQuestions) };
      entry.memo.w = new Map();
    }
    // Kept only once complete; most recently used last, and the oldest goes first.
    areas.set(key, entry);
    for (const oldest of areas.keys()) {
      if (areas.size <= CACHED_AREAS) break;
      areas.delete(oldest);
    }
    const weights = options.weighted ? entry.weighting?.weights : undefined;
    const weightingFailure = options.weighted ? entry.weighting?.failure : undefined;
    return { respondents: entry.respondents, keys: entry.keys, weights, weightingFailure, columns: entry.columns, memo: weights ? entry.memo.w : entry.memo.u, answered: new Map(), places };
  });
}

/**
 * Everyone in the area who gave a substantive answer: their positions in
 * `respondents` (ascending), and for each the substantive keys they fall
 * into, as an index into `sets` (respondents who answered alike share one).
 */
interface Answered {
  at: Int32Array;
  set: Int32Array;
  sets: string[][];
  /** The weights of those who answered, in order, and what a share of them divides by. */
  base: WeightedBase | undefined;
}

function substantiveAnswers(data: AreaAnswers, ref: QuestionRef): Answered {
  const key = valueKey(ref.question.id, ref.item);
  const known = data.answered.get(key);
  if (known) return known;
  const column = data.columns.get(key);
  const n = column?.at.length ?? 0;
  const at = new Int32Array(n);
  const set = new Int32Array(n);
  const sets: string[][] = [];
  let size = 0;
  if (column) {
    const { codes, dict } = column;
    // Each distinct answer (one value, or several) is classified once: -2 not yet, -1 nothing substantive.
    const byCode = new Int32Array(dict.length).fill(-2);
    const byValues = new Map<string, number>();
    const setOf = (values: string[]): number => {
      const keys = classify(ref.question, values, data.places);
      if (keys.length === 0) return -1;
      sets.push(keys);
      return sets.length - 1;
    };
    for (let i = 0; i < n; ) {
      const position = column.at[i]!;
      let j = i + 1;
      while (j < n && column.at[j] === position) j++;
      let s: number;
      if (j === i + 1) {
        const code = codes[i]!;
        s = byCode[code]!;
        if (s === -2) s = byCode[code] = setOf([dict[code]!]);
      } else {
        const values: string[] = [];
        for (let x = i; x < j; x++) values.push(dict[codes[x]!]!);
        const joined = values.join(US);
        s = byValues.get(joined) ?? setOf(values);
        byValues.set(joined, s);
      }
      if (s >= 0) {
        at[size] = position;
        set[size] = s;
        size++;
      }
      i = j;
    }
  }
  let out: Answered = { at: at.subarray(0, size), set: set.subarray(0, size), sets, base: undefined };
  if (ref.question.type === 'multi' && !ref.question.showIf) out = withEveryoneShown(data.respondents.length, out, column);
  data.answered.set(key, out);
  return out;
}

/**
 * A multiple-choice share is of everyone who was shown the question, not of
 * those who ticked something: without skip logic every respondent in scope
 * saw it, and one who ticked nothing chose none of the options (an empty
 * set). Someone who answered only "don't know" stays out, as elsewhere.
 * (A multiple-choice question behind skip logic keeps those who answered.)
 */
function withEveryoneShown(total: number, answered: Answered, column: Column | undefined): Answered {
  if (answered.at.length === total) return answered;
  // Positions with any stored value (substantive or not): only those with none are added.
  const stored = new Uint8Array(total);
  if (column) for (const p of column.at) stored[p] = 1;
  const sets = [...answered.sets, []];
  const none = sets.length - 1;
  const at = new Int32Array(total);
  const set = new Int32Array(total);
  let size = 0;
  let j = 0;
  for (let position = 0; position < total; position++) {
    if (j < answered.at.length && answered.at[j] === position) {
      at[size] = position;
      set[size] = answered.set[j]!;
      size++;
      j++;
    } else if (!stored[position]) {
      at[size] = position;
      set[size] = none;
      size++;
    }
  }
  return { at: at.subarray(0, size), set: set.subarray(0, size), sets, base: undefined };
}


// ---------------------------------------------------------------------------
// Distributions and shares
// ---------------------------------------------------------------------------

export interface Estimate {
  /** Respondents with this answer (unweighted), as the engine publishes it (src/lib/disclosure: perturbed by its cell key). */
  n: number;
  /** Substantive answers to the question: the share's denominator (unweighted), as the engine publishes it. */
  base: number;
  /** The (weighted) share of the substantive answers, 0–1, with its 95 % Wilson interval. */
  p: number;
  low: number;
  high: number;
}

export type ShownEstimate = ({ suppressed: false } & Estimate) | { suppressed: true };

interface Distribution {
  kind: Kind;
  /** Substantive answers (partition) or respondents who chose anything (multiple), as published; undefined when suppressed. */
  total: number | undefined;
  /** The same, unperturbed: internal, for the share rule; never shown. */
  size: number;
  /** Its cell key: the sum of those respondents' record keys. */
  sizeKey: number;
  cells: { key: string; estimate: ShownEstimate }[];
  /** Keys whose counts are suppressed. */
  hidden: ReadonlySet<string>;
  /** Unsuppressed counts: internal, for the share rule and breakdowns; never shown. */
  counts: ReadonlyMap<string, number>;
  /** The cell keys of `counts`. */
  keys: ReadonlyMap<string, number>;
}

/**
 * What every share of the same answers divides by, as `proportionEstimate`
 * has it: the weights in respondent order, their sum and Kish's effective n.
 * Worked out once, so that a question's shares take one pass over its
 * respondents rather than one each.
 */
interface WeightedBase {
  weights: number[];
  total: number;
  effectiveN: number;
  size: number;
}

function weightedBase(data: AreaAnswers, answered: Answered): WeightedBase {
  if (answered.base) return answered.base;
  const size = answered.at.length;
  const weights: number[] = [];
  for (let r = 0; r < size; r++) weights.push(data.weights ? data.weights[answered.at[r]!]! : 1);
  let total = 0;
  for (const w of weights) total += w;
  answered.base = { weights, total, effectiveN: kishDesignEffect(weights).effectiveN, size };
  return answered.base;
}

/**
 * The one share estimator (`shareEstimate`, which `proportionEstimate` and so the
 * goal indicators use too): the share and Wilson interval (on the effective n), for
 * successes whose weights, summed in respondent order, are `successWeight`;
 * with the published counts `n` (the successes) and `shownBase` (the
 * denominator) that the page shows next to it. The share and the interval
 * are of the true answers: the engine perturbs counts, not estimates.
 */
function estimateFrom(base: WeightedBase, successWeight: number, n: number, shownBase: number): Estimate {
  return { n, base: shownBase, ...shareEstimate(successWeight / base.total, base.effectiveN) };
}

function distributionOf(data: AreaAnswers, ref: QuestionRef, k: number): Distribution {
  const K = Math.max(MIN_K, k);
  return memoized(data, `dist\u0000${valueKey(ref.question.id, ref.item)}\u0000${K}`, () => {
    const kind = kindOf(ref.question);
    const keys = answerKeys(ref.question, data.places);
    const answered = substantiveAnswers(data, ref);
    const size = answered.at.length;
    // Keys by number, so that counting and summing weights is plain arithmetic.
    const names = [...keys];
    const numbers = new Map(names.map((key, i) => [key, i]));
    const numbered = answered.sets.map((chosen) =>
      chosen.map((key) => {
        let i = numbers.get(key);
        if (i === undefined) {
          i = names.length;
          names.push(key);
          numbers.set(key, i);
        }
        return i;
      }),
    );
    const tally = names.map(() => 0);
    // Each answer's cell key: the sum of the record keys of the respondents who gave it.
    const keySums = names.map(() => 0);
    let sizeKey = 0;
    for (let r = 0; r < size; r++) {
      const recordKey = data.keys[answered.at[r]!]!;
      sizeKey = addKeys(sizeKey, recordKey);
      for (const i of numbered[answered.set[r]!]!) {
        tally[i]! += 1;
        keySums[i] = addKeys(keySums[i]!, recordKey);
      }
    }
    const counts = new Map<string, number>(names.map((key, i) => [key, tally[i] ?? 0]));
    const cellKeys = new Map<string, number>(names.map((key, i) => [key, keySums[i] ?? 0]));
    const hidden = new Set<string>();
    // What the page shows: the engine's published counts.
    const published = new Map<string, number>();
    let total: number | undefined;
    if (kind === 'partition') {
      const row = suppressRow(
        keys.map((key) => ({ key, n: counts.get(key) ?? 0, ck: cellKeys.get(key) ?? 0 })),
        K,
      );
      total = row.total.suppressed ? undefined : row.total.n;
      for (const c of row.cells) {
        if (c.suppressed) hidden.add(c.key);
        else published.set(c.key, c.n);
      }
    } else if (size < K) {
      total = undefined;
      for (const key of keys) hidden.add(key);
    } else {
      // The respondents who chose anything: the total of each "chose / did not" row below.
      total = publishCount(size, sizeKey, K);
      // Each option splits the respondents in two: those who chose it and those who did not.
      for (const key of keys) {
        const n = counts.get(key) ?? 0;
        const ck = cellKeys.get(key) ?? 0;
        const row = suppressRow(
          [
            { key: 'chose', n, ck },
            { key: 'not', n: size - n, ck: keysWithout(sizeKey, ck) },
          ],
          K,
        );
        const chose = row.cells[0]!;
        if (chose.suppressed) hidden.add(key);
        else published.set(key, chose.n);
      }
    }
    let base: WeightedBase | undefined;
    const successWeights = names.map(() => 0);
    if (total !== undefined) {
      base = weightedBase(data, answered);
      // A respondent's keys are distinct: each adds its weight to each of its answers once, in respondent order.
      for (let r = 0; r < size; r++) {
        const w = base.weights[r]!;
        for (const i of numbered[answered.set[r]!]!) successWeights[i]! += w;
      }
    }
    const shownTotal = total;
    const cells = keys.map((key, i) => ({
      key,
      estimate:
        hidden.has(key) || base === undefined || shownTotal === undefined
          ? SUPPRESSED
          : { suppressed: false as const, ...estimateFrom(base, successWeights[i]!, published.get(key)!, shownTotal) },
    }));
    return { kind, total, size, sizeKey, cells, hidden, counts, keys: cellKeys };
  });
}

/**
 * The share of substantive answers to `ref` that are one of `values`, or
 * suppressed. A grouped share of a partition is shown only when its count
 * cannot be combined with the distribution's shown cells to give a suppressed
 * one: it holds none of the suppressed answers, or all of them. A
 * multiple-choice share is one option's (unions would reveal overlaps).
 */
function shareOf(data: AreaAnswers, ref: QuestionRef, values: readonly string[], k: number): ShownEstimate {
  const K = Math.max(MIN_K, k);
  return memoized(data, `share\u0000${valueKey(ref.question.id, ref.item)}\u0000${K}\u0000${values.join('\u0000')}`, (): ShownEstimate => {
    const dist = distributionOf(data, ref, K);
    if (dist.total === undefined) return SUPPRESSED;
    const group = new Set(values.filter((v) => dist.counts.has(v)));
    if (group.size === 0) return SUPPRESSED;
    if (dist.kind === 'multiple' && group.size > 1) return SUPPRESSED;
    const hiddenInGroup = [...dist.hidden].filter((key) => group.has(key)).length;
    if (hiddenInGroup > 0 && hiddenInGroup < dist.hidden.size) return SUPPRESSED;
    if (dist.kind === 'multiple' && hiddenInGroup > 0) return SUPPRESSED;
    const n = [...group].reduce((s, key) => s + (dist.counts.get(key) ?? 0), 0);
    // A group of a partition holds disjoint answers (and a multiple-choice group only one), so its cell key is the sum of theirs.
    const ck = addKeys(...[...group].map((key) => dist.keys.get(key) ?? 0));
    const row = suppressRow(
      [
        { key: 'in', n, ck },
        { key: 'out', n: dist.size - n, ck: keysWithout(dist.sizeKey, ck) },
      ],
      K,
    );
    const shownIn = row.cells[0]!;
    if (shownIn.suppressed) return SUPPRESSED;
    const answered = substantiveAnswers(data, ref);
    const base = weightedBase(data, answered);
    const success = answered.sets.map((chosen) => chosen.some((x) => group.has(x)));
    let successWeight = 0;
    for (let r = 0; r < base.size; r++) if (success[answered.set[r]!]) successWeight += base.weights[r]!;
    return { suppressed: false, ...estimateFrom(base, successWeight, shownIn.n, dist.total) };
  });
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

/** Question ids, once each. */
const idsOf = (questions: readonly (InstrumentQuestion | undefined)[]): number[] => [...new Set(questions.filter((q) => q !== undefined).map((q) => q.id))];

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
  return waveAreaOf(ctx.db, lookup.found, area, ctx.params, ctx.k, idsOf(needed(lookup.found.pages)));
}

async function waveAreaOf(db: Queryable, found: AnalysableWave, area: Area, params: URLSearchParams, k: number, questionIds: readonly number[]): Promise<WaveArea> {
  const options = await analysisOptions(db, found.wave.id, area.id, params, k);
  return { found, area, options, data: await loadAreaAnswers(db, found.wave.id, area.id, options, questionIds) };
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
  const parts = [wa.data.weights ? m.weighted : !wa.options.weighted ? m.unweighted : failed ? m.rakingFailed(weightingReason(failed, locale)) : m.noMargins, m.substantive];
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
    const waveRef = findRef(await loadInstrument(ctx.db, wave.id), refId(ref));
    if (!waveRef) continue;
    const options = await analysisOptions(ctx.db, wave.id, area.id, ctx.params, ctx.k);
    const data = await loadAreaAnswers(ctx.db, wave.id, area.id, options, [waveRef.question.id]);
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
  const data = await loadAreaAnswers(db, surveyId, areaId, { ...options, weighted: false }, idsOf(questions));
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
  const pages = await loadInstrument(db, surveyId);
  const refs = definitions.map((d) => findRef(pages, d.item === null ? d.key : `${d.key}:${d.item}`));
  const data = await loadAreaAnswers(db, surveyId, areaId, options, idsOf(refs.map((r) => r?.question)));
  return definitions.map((d, i) => {
    const ref = refs[i];
    return ref ? shareOf(data, ref, d.values, options.k) : undefined;
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
  const wa = await waveAreaOf(db, found, area, query, k, idsOf([...distributionRefs(found.pages).map((r) => r.question), ...allQuestions(found.pages).filter((q) => q.type === 'text')]));
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
