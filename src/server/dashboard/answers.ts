/**
 * Loading the answers of one wave and area for the analysis: compact
 * columns per question, cached per area while the wave's responses are
 * unchanged, the raked weights, and which answers count as substantive (the
 * loading half of the survey analysis; the privacy rules are in analysis.ts).
 */
import { and, asc, count, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { answers, questions, responses } from '../../../db/schema.ts';
import { KEY_RANGE } from '../../lib/disclosure/index.ts';
import type { PlaceBook } from '../../lib/places.ts';
import { listPlaces } from '../partnership/places.ts';
import { rake, type Margin } from '../../lib/stats/raking.ts';
import type { Queryable } from '../db/connection.ts';
import { groupConcat } from '../db/raw.ts';
import { transaction } from '../db/transaction.ts';
import { achievedMargins, areaFingerprint, areaMargins, MARGIN_GAP_LIMIT, TRIM_DEFAULT, type EstimateOptions, type WeightingReport } from './indicators.ts';
import { type QuestionRef, classify } from './questions.ts';
import type { InstrumentPage, InstrumentQuestion } from '../../lib/survey/instrument.ts';

// ---------------------------------------------------------------------------
// The answers of one wave and area
// ---------------------------------------------------------------------------

/**
 * One question's (or matrix item's) stored answers in an area, compactly:
 * for each stored value (a multiple answer has several) the respondent's
 * position in `respondents`, ascending, and the value as an index into `dict`.
 */
export interface Column {
  at: Int32Array;
  codes: Uint32Array;
  dict: string[];
}

/** Figures worked out from one area's answers, by what they are (see `memoized`). */
export type Memo = Map<string, unknown>;

export interface AreaAnswers {
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
  /** The wave's question ids by key (a skip condition names its question by key). */
  keyIds: ReadonlyMap<string, number>;
  /** Whether a question's answers were loaded (a loaded question nobody answered has no column). */
  loaded: (questionId: number) => boolean;
  /** Figures already worked out from these answers with these weights. */
  memo: Memo;
  /** The named places (a places question's answers are their ids). */
  places: PlaceBook;
  /** Who answered what, by question, while these answers are in use (not kept: the figures are). */
  answered: Map<string, Answered>;
}

export const valueKey = (questionId: number, item: string | null): string => `${questionId}:${item ?? ''}`;

export function memoized<T>(data: AreaAnswers, key: string, make: () => T): T {
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
export interface AreaEntry {
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
export const CACHED_AREAS = 8;
/**
 * What the entries kept per database may take together, by `entryBytes`.
 * An area's answers to every question of a wave take about 2 MB per 10,000
 * respondents (5.2 MB for the largest area at 100,000 synthetic responses,
 * so at that size all CACHED_AREAS fit); at 1,000,000 responses one area
 * takes some 50 MB, and a count alone would let eight outgrow the server's
 * heap. The least recently used go first until the rest fit; the entry just
 * used is kept even when it alone is larger.
 */
export const CACHED_AREA_BYTES = 64 * 1024 * 1024;
/** Respondents per query while loading, so that few rows are in memory at once. */
export const LOAD_CHUNK = 2048;
/**
 * One cache per process, held on globalThis like the closed-wave estimates
 * (indicators.ts): the start-up preparation runs in serve.ts's module graph,
 * the pages in the built one, and the pages reuse what the preparation read.
 */
const AREA_ANSWERS = Symbol.for('tryghed.areaAnswers');
export const cache: WeakMap<Queryable, Map<string, AreaEntry>> = ((globalThis as { [AREA_ANSWERS]?: WeakMap<Queryable, Map<string, AreaEntry>> })[AREA_ANSWERS] ??= new WeakMap());

/**
 * Drops every area's kept answers for `db`; the figures worked out from them
 * stay kept in their own caches. The start-up preparation's last step
 * (serve.ts, and after the hourly refresh of the figures), so that a server
 * at rest holds the figures, not every answer they came from (about 12 MB of
 * arrays at 100,000 responses, README "Performance"); an analyst's first
 * view of a wave reads its area again.
 */
export function forgetAreaAnswers(db: Queryable): void {
  cache.delete(db);
}

/**
 * About how many bytes an entry holds: its columns' arrays and answer texts
 * (two bytes a character), the respondents and their keys (16 bytes each),
 * and the weights. The figures in `memo` are small beside them and left out.
 */
export function entryBytes(entry: AreaEntry): number {
  let bytes = entry.respondents.length * 16 + (entry.weighting?.weights?.byteLength ?? 0);
  for (const column of entry.columns.values()) {
    bytes += column.at.byteLength + column.codes.byteLength;
    for (const value of column.dict) bytes += 2 * value.length;
  }
  return bytes;
}

/** Drops the least recently used entries (first in `areas`) until at most CACHED_AREAS remain within CACHED_AREA_BYTES; the newest stays. */
export function evictAreas(areas: Map<string, AreaEntry>, maxBytes = CACHED_AREA_BYTES): void {
  let total = 0;
  for (const entry of areas.values()) total += entryBytes(entry);
  for (const [key, oldest] of areas) {
    if (areas.size <= 1 || (areas.size <= CACHED_AREAS && total <= maxBytes)) break;
    total -= entryBytes(oldest);
    areas.delete(key);
  }
}

/** The area's respondents in id order (as `respondentsInArea` has them), with their record keys. */
export async function respondentsOf(db: Queryable, surveyId: number, areaId: number, excludeSuspicious: boolean): Promise<{ respondents: number[]; keys: number[] }> {
  const rows = await db
    .select({ id: responses.id, cellKey: responses.cellKey })
    .from(responses)
    .where(and(eq(responses.surveyId, surveyId), eq(responses.areaId, areaId), excludeSuspicious ? eq(responses.suspicious, false) : undefined))
    .orderBy(asc(responses.id));
  return { respondents: rows.map((r) => r.id), keys: rows.map((r) => r.cellKey) };
}

/** The cell key of the records of `all` that are not in `part` (some of `all`'s records): `all` − `part` modulo 2³¹. */
export function keysWithout(all: number, part: number): number {
  return (((all - part) % KEY_RANGE) + KEY_RANGE) % KEY_RANGE;
}

/**
 * A column being filled: values are numbered as they first occur. The
 * positions and codes go straight into typed arrays, sized for one answer a
 * respondent and grown by half when a question takes several. Plain arrays
 * took 8 bytes an entry and up to half as much again in slack, and were
 * then copied into the typed ones: at 1,000,000 responses an area's 7
 * million answers took about 110 MB of V8's heap by arithmetic (two arrays,
 * 8 bytes an entry) plus the slack while they were read, during the
 * start-up preparation (README "Performance", session 22). A
 * column that few respondents answer costs address space more than memory:
 * a buffer that large is mapped zeroed by the C library
 * (MALLOC_MMAP_THRESHOLD_ in `npm run serve`), and pages never written are
 * not resident; `build` then keeps only what was filled.
 */
export class ColumnBuilder {
  private at: Int32Array;
  private codes: Uint32Array;
  private length = 0;
  readonly dict: string[] = [];
  private readonly index = new Map<string, number>();

  /** `expected`: about how many entries the column will have (its area's respondents). */
  constructor(expected = 16) {
    this.at = new Int32Array(Math.max(16, expected));
    this.codes = new Uint32Array(this.at.length);
  }

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
    if (this.length === this.at.length) {
      const size = this.length + (this.length >> 1);
      const grownAt = new Int32Array(size);
      grownAt.set(this.at);
      const grownCodes = new Uint32Array(size);
      grownCodes.set(this.codes);
      this.at = grownAt;
      this.codes = grownCodes;
    }
    this.at[this.length] = at;
    this.codes[this.length] = code;
    this.length++;
  }

  /** The column, its arrays cut to what was added (copied only when shorter). */
  build(): Column {
    const full = this.length === this.at.length;
    return { at: full ? this.at : this.at.slice(0, this.length), codes: full ? this.codes : this.codes.slice(0, this.length), dict: this.dict };
  }
}

/** Separators of the packed answers: a respondent's answers by US, an answer's question, item and value by RS. */
export const US = '\u001f';
export const RS = '\u001e';

/**
 * Adds the answers to `questionIds` of the entry's respondents, in respondent
 * order and, within a respondent, in the order the index gives them. Each respondent's answers come as one packed string
 * (`question RS item RS value`, joined by US): one row per respondent instead
 * of one per answer, which is most of the cost of reading. A respondent whose
 * packed answers do not split into exactly their number of answers of three
 * fields each (a separator inside a value or item) is read row by row instead.
 */
export async function loadColumns(db: Queryable, surveyId: number, areaId: number, excludeSuspicious: boolean, entry: AreaEntry, questionIds: readonly number[]): Promise<void> {
  const wanted = [...questionIds];
  const builders = new Map<string, ColumnBuilder>();
  const builder = (questionId: number, item: string | null): ColumnBuilder => {
    const key = valueKey(questionId, item);
    let b = builders.get(key);
    if (!b) {
      b = new ColumnBuilder(entry.respondents.length);
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
export function rakedWeights(
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
 * The answers to `wanted` (questions of the wave whose questionnaire is
 * `pages`) of its respondents in one area (honouring the suspicious switch),
 * with raking weights when asked for: from the cache when the area's
 * responses are as they were, otherwise read (only those questions, and the
 * ones their skip logic asks, only that area's rows) and cached.
 */
export async function loadAreaAnswers(
  db: Queryable,
  surveyId: number,
  areaId: number,
  options: EstimateOptions,
  pages: readonly InstrumentPage[],
  wanted: readonly (InstrumentQuestion | undefined)[],
): Promise<AreaAnswers> {
  const all = pages.flatMap((p) => p.questions);
  const keyIds = new Map(all.map((q) => [q.key, q.id]));
  const questionIds = questionsToLoad(wanted, keyIds);
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
            // eslint-disable-next-line no-restricted-syntax -- bounded: a wave's weighting margins are a handful of variables
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
    evictAreas(areas);
    const loadedIds = entry.loaded;
    const weights = options.weighted ? entry.weighting?.weights : undefined;
    const weightingFailure = options.weighted ? entry.weighting?.failure : undefined;
    return { respondents: entry.respondents, keys: entry.keys, weights, weightingFailure, columns: entry.columns, keyIds, loaded: (id) => loadedIds.has(id), memo: weights ? entry.memo.w : entry.memo.u, answered: new Map(), places };
  });
}

/**
 * The ids of the questions `wanted` needs, once each: each question, and for
 * a multiple-choice one behind skip logic the question its condition asks
 * (who was shown it, the base of its shares, follows from that answer).
 */
export function questionsToLoad(wanted: readonly (InstrumentQuestion | undefined)[], keyIds: ReadonlyMap<string, number>): number[] {
  const ids = new Set<number>();
  for (const q of wanted) {
    if (!q) continue;
    ids.add(q.id);
    const source = q.type === 'multi' && q.showIf ? keyIds.get(q.showIf.question) : undefined;
    if (source !== undefined) ids.add(source);
  }
  return [...ids];
}

/**
 * Everyone in the area who gave a substantive answer: their positions in
 * `respondents` (ascending), and for each the substantive keys they fall
 * into, as an index into `sets` (respondents who answered alike share one).
 */
export interface Answered {
  at: Int32Array;
  set: Int32Array;
  sets: string[][];
  /** The weights of those who answered, in order, and what a share of them divides by. */
  base: WeightedBase | undefined;
}

export function substantiveAnswers(data: AreaAnswers, ref: QuestionRef): Answered {
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
  if (ref.question.type === 'multi') out = withEveryoneShown(data.respondents.length, out, column, shownTo(data, ref.question));
  data.answered.set(key, out);
  return out;
}

/**
 * Who was shown a question, by position: undefined for everyone (no skip
 * logic); otherwise those whose answer to the question its condition asks
 * includes one of the condition's values, as the questionnaire decided
 * (`isVisible` in src/lib/survey/instrument.ts). Someone who did not answer
 * that question was not shown this one.
 */
export function shownTo(data: AreaAnswers, question: InstrumentQuestion): Uint8Array | undefined {
  const condition = question.showIf;
  if (!condition) return undefined;
  const shown = new Uint8Array(data.respondents.length);
  const source = data.keyIds.get(condition.question);
  // A condition on a question the wave does not have shows the question to nobody, as in the questionnaire.
  if (source === undefined) return shown;
  const column = data.columns.get(valueKey(source, null));
  if (!column && !data.loaded(source)) throw new Error(`The answers to ${condition.question} were not loaded with ${question.key}'s`);
  if (column) {
    const anyOf = new Set(condition.anyOf);
    for (let i = 0; i < column.at.length; i++) if (anyOf.has(column.dict[column.codes[i]!]!)) shown[column.at[i]!] = 1;
  }
  return shown;
}

/**
 * A multiple-choice share is of everyone who was shown the question, not of
 * those who ticked something: one who was shown it and ticked nothing chose
 * none of the options (an empty set). Without skip logic that is every
 * respondent in scope; behind skip logic, those `shown` marks. Someone who
 * answered only "don't know" stays out, as elsewhere.
 */
export function withEveryoneShown(total: number, answered: Answered, column: Column | undefined, shown?: Uint8Array): Answered {
  if (answered.at.length === total) return answered;
  // Positions with any stored value (substantive or not): only those with none are added.
  const stored = new Uint8Array(total);
  if (column) for (const p of column.at) stored[p] = 1;
  // Not shown the question: as if something were stored, so nothing is added for them.
  if (shown) for (let p = 0; p < total; p++) if (!shown[p]) stored[p] = 1;
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

/**
 * What every share of the same answers divides by, as `proportionEstimate`
 * has it: the weights in respondent order, their sum and Kish's effective n.
 * Worked out once, so that a question's shares take one pass over its
 * respondents rather than one each.
 */
export interface WeightedBase {
  weights: number[];
  total: number;
  effectiveN: number;
  size: number;
}
