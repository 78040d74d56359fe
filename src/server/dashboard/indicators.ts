/**
 * Survey indicators for the dashboard: the share of an area's respondents in
 * a wave whose answer to a question is one of a set of values (for example
 * "unsafe" or "very unsafe" in the evening), with its 95 % Wilson interval,
 * unweighted or weighted by raking to the area's population margins.
 *
 * The denominator is everyone in the area who gave a substantive answer:
 * "don't know" and "prefer not to say" are left out. An estimate resting on
 * fewer than K answers is suppressed (no share, no n). Responses flagged as
 * suspicious (too fast, straight-lining) can be left out with one switch.
 * Where the wave asks the relation question, only residents count by default
 * (the goal and the weighting margins are about residents).
 */
import { and, asc, count, eq, inArray, isNull, max, sum } from 'drizzle-orm';
import { answers, invitationCodes, populationMargins, questions, responses, surveys, type ResponseChannel, type Survey } from '../../../db/schema.ts';
import { addKeys, MIN_K, publishCount } from '../../lib/disclosure/index.ts';
import { proportionEstimate, wilsonInterval } from '../../lib/stats/proportion.ts';
import { kishDesignEffect } from '../../lib/stats/weights.ts';
import { rake, type Margin } from '../../lib/stats/raking.ts';
import { DONT_KNOW, PREFER_NOT } from '../../lib/survey/instrument.ts';
import type { Queryable } from '../db/connection.ts';
import { breathe } from '../db/transaction.ts';

/** What an indicator measures, independent of wave and area. */
export interface IndicatorDefinition {
  /** The question's key within the series, e.g. `safety_evening`. */
  questionKey: string;
  /** For a matrix question, the item (row). */
  item: string | null;
  /** Answer values that count, e.g. ["unsafe", "very_unsafe"]. */
  successValues: readonly string[];
}

/** The partnership's headline indicator: insecurity in the evening. */
export const INSECURITY_EVENING: IndicatorDefinition = { questionKey: 'safety_evening', item: null, successValues: ['unsafe', 'very_unsafe'] };

export interface EstimateOptions {
  k: number;
  /** Weight to the area's population margins when there are any. */
  weighted: boolean;
  /** Leave out responses flagged as suspicious. */
  excludeSuspicious: boolean;
  /**
   * Whose answers: `residents` (the default) keeps those who said they live in
   * the area, where the wave asks the relation question (the margins that
   * weight the figures describe residents); `all` keeps everyone who named
   * the area, residents, workers and visitors alike.
   */
  population?: Population;
  /** Bounds for the raking weights relative to mean 1; default TRIM_DEFAULT. */
  trim?: TrimBounds;
  /**
   * Which answers: `invited` (the default) is the invited sample (invitation
   * codes and paper) where the wave has invitation codes, and everyone where
   * it has none; `open` only the open link's answers (shown beside the
   * invited sample, never pooled with it); `everyone` all answers pooled (a
   * sensitivity view).
   */
  sample?: SampleRequest;
}

export type Population = 'residents' | 'all';

export type SampleRequest = 'invited' | 'open' | 'everyone';
/** The sample an estimate rests on: `everyone` also where the invited sample was asked for but the wave has no codes. */
export type Sample = 'invited' | 'open' | 'everyone';

/**
 * The invited sample's channels. Paper counts as invited: the invitation
 * letter offers a paper questionnaire (or a call) to those who would rather
 * not answer online, and the open link is not printed on paper.
 */
export const INVITED_CHANNELS: readonly ResponseChannel[] = ['invitation', 'paper'];
export const OPEN_CHANNELS: readonly ResponseChannel[] = ['open'];

/** Whether the wave has invitation codes (an invited sample). */
export async function hasInvitedSample(db: Queryable, surveyId: number): Promise<boolean> {
  const [code] = await db.select({ id: invitationCodes.id }).from(invitationCodes).where(eq(invitationCodes.surveyId, surveyId)).limit(1);
  return code !== undefined;
}

/** The channels a requested sample reads in a wave (undefined: all of them), and the sample that is. */
export async function sampleChannels(db: Queryable, surveyId: number, request: SampleRequest): Promise<{ sample: Sample; channels: readonly ResponseChannel[] | undefined }> {
  if (request === 'everyone') return { sample: 'everyone', channels: undefined };
  if (!(await hasInvitedSample(db, surveyId))) return request === 'open' ? { sample: 'open', channels: OPEN_CHANNELS } : { sample: 'everyone', channels: undefined };
  return request === 'open' ? { sample: 'open', channels: OPEN_CHANNELS } : { sample: 'invited', channels: INVITED_CHANNELS };
}

export interface TrimBounds {
  min: number;
  max: number;
}

/**
 * Default trimming of raking weights: no respondent counts for less than a
 * fifth or more than five times the average. Wider bounds meet the margins
 * more closely at the cost of a larger design effect.
 */
export const TRIM_DEFAULT: TrimBounds = { min: 0.2, max: 5 };

/**
 * The largest gap (in share, 0.01 = 1 percentage point) allowed between a
 * weighted margin and its population target after trimming. Beyond it the
 * weights do not describe the population they claim to, and the estimate is
 * reported unweighted with the reason.
 */
export const MARGIN_GAP_LIMIT = 0.01;

/** The relation question and the answer that makes a respondent a resident of the area. */
export const RELATION_QUESTION = 'relation';
export const RESIDENT_VALUE = 'resident';

/** How the weighting of one estimate went: applied, not asked for, or why not. */
export type WeightingReport =
  | { status: 'not_requested' }
  | { status: 'no_margins' }
  | { status: 'empty_category' | 'unknown_category'; variable: string; category: string }
  | {
      status: 'weighted' | 'margins_missed';
      converged: boolean;
      iterations: number;
      trim: TrimBounds;
      /** Largest |achieved − target| over all margin categories. */
      maxGap: number;
      margins: { variable: string; category: string; target: number; achieved: number }[];
    };

export type IndicatorResult =
  | { suppressed: true }
  | {
      suppressed: false;
      /** The share, 0–1. */
      p: number;
      low: number;
      high: number;
      /** Substantive answers, as the disclosure engine publishes them (the same figure as the analysis pages' n). */
      n: number;
      /** Kish effective sample size (n when unweighted). */
      effectiveN: number;
      designEffect: number;
      /** Whether weights were applied (false when asked but the area has no usable margins). */
      weighted: boolean;
      weighting: WeightingReport;
      /** Whose answers were counted: residents only only when the wave asks the relation question. */
      population: Population;
      /** Which channels' answers: the invited sample, the open link's, or everyone's. */
      sample: Sample;
    }
  | {
      /**
       * Fewer than K respondents gave a counted answer (`below`) or an
       * uncounted one (`above`): the share is not shown, but the worst case
       * consistent with "fewer than K" is, so a share near 0 or 1 does not
       * vanish. `bound` is the largest (below) or smallest (above) weighted
       * share that K−1 respondents could make, from the weights alone; the
       * interval is Wilson's on the effective n at that bound, widened to 0
       * (below) or 1 (above). It reveals nothing the "fewer than K" does not.
       */
      suppressed: 'bounded';
      side: 'below' | 'above';
      bound: number;
      low: number;
      high: number;
      effectiveN: number;
      weighted: boolean;
      weighting: WeightingReport;
      population: Population;
      sample: Sample;
    };

/** A series' closed waves, oldest first: the only waves whose figures are final. */
export async function closedWaves(db: Queryable, seriesId: number): Promise<Survey[]> {
  return db
    .select()
    .from(surveys)
    .where(and(eq(surveys.seriesId, seriesId), eq(surveys.status, 'closed')))
    .orderBy(asc(surveys.opensAt), asc(surveys.id));
}

/** Which respondents: a wave's, in one area, with or without the suspicious ones. */
export interface RespondentScope {
  surveyId: number;
  areaId: number;
  excludeSuspicious: boolean;
}

/**
 * Respondent id → the answer value to a question (the first value for a
 * multi; the item's for a matrix), for the respondents in scope. One indexed
 * query: at 100,000 responses this stays in the tens of milliseconds.
 */
export async function answersInScope(db: Queryable, scope: RespondentScope, questionKey: string, item: string | null, pass?: EstimatePass): Promise<ReadonlyMap<number, string>> {
  return onceLarge(pass, `answers:${scope.surveyId}:${scope.areaId}:${scope.excludeSuspicious ? 1 : 0}:${questionKey}:${item ?? ''}`, () => readAnswersInScope(db, scope, questionKey, item));
}

async function readAnswersInScope(db: Queryable, scope: RespondentScope, questionKey: string, item: string | null): Promise<Map<number, string>> {
  await breathe();
  const [question] = await db
    .select({ id: questions.id })
    .from(questions)
    .where(and(eq(questions.surveyId, scope.surveyId), eq(questions.key, questionKey)))
    .limit(1);
  const out = new Map<number, string>();
  if (!question) return out;
  const rows = await db
    .select({ responseId: answers.responseId, value: answers.value })
    .from(answers)
    .innerJoin(responses, eq(responses.id, answers.responseId))
    .where(
      and(
        eq(answers.questionId, question.id),
        item === null ? isNull(answers.item) : eq(answers.item, item),
        eq(responses.surveyId, scope.surveyId),
        eq(responses.areaId, scope.areaId),
        scope.excludeSuspicious ? eq(responses.suspicious, false) : undefined,
      ),
    )
    // "The first value" must be the first stored, not whatever order the database returns.
    .orderBy(asc(answers.responseId), asc(answers.id));
  for (const r of rows) if (!out.has(r.responseId)) out.set(r.responseId, r.value);
  return out;
}

/** The respondents of a wave in an area (ids), honouring the suspicious switch, of the given channels (all when undefined). */
export async function respondentsInArea(
  db: Queryable,
  surveyId: number,
  areaId: number,
  excludeSuspicious: boolean,
  channels?: readonly ResponseChannel[],
  pass?: EstimatePass,
): Promise<readonly number[]> {
  return onceLarge(pass, `respondents:${surveyId}:${areaId}:${excludeSuspicious ? 1 : 0}:${channels?.join(',') ?? '*'}`, async () => {
    await breathe();
    return readRespondentsInArea(db, surveyId, areaId, excludeSuspicious, channels);
  });
}

async function readRespondentsInArea(db: Queryable, surveyId: number, areaId: number, excludeSuspicious: boolean, channels?: readonly ResponseChannel[]): Promise<number[]> {
  const rows = await db
    .select({ id: responses.id, suspicious: responses.suspicious })
    .from(responses)
    .where(and(eq(responses.surveyId, surveyId), eq(responses.areaId, areaId), channels ? inArray(responses.channel, [...channels]) : undefined));
  return rows.filter((r) => !(excludeSuspicious && r.suspicious)).map((r) => r.id);
}

/** The area's population margins, grouped by variable (question key). */
export async function areaMargins(db: Queryable, areaId: number): Promise<Margin[]> {
  const rows = await db.select().from(populationMargins).where(eq(populationMargins.areaId, areaId));
  const byVariable = new Map<string, Record<string, number>>();
  for (const r of rows) byVariable.set(r.variable, { ...(byVariable.get(r.variable) ?? {}), [r.category]: r.population });
  return [...byVariable].map(([variable, targets]) => ({ variable, targets }));
}

export interface Weights {
  weights: Map<number, number>;
  designEffect: number;
  effectiveN: number;
}

/**
 * Raking weights for respondents of a wave in an area, with a report of how
 * the raking went. The weights come back only when they describe the
 * population: the area has margins, no margin category is empty, and after
 * trimming every weighted margin is within MARGIN_GAP_LIMIT of its target
 * (convergence of the iteration is reported; trimmed weights rarely meet the
 * margins exactly, so the gap decides). A respondent who did not give a
 * margin variable (or gave a value the margins do not list) is left out of
 * that variable's step.
 */
export async function rakedWeights(
  db: Queryable,
  surveyId: number,
  areaId: number,
  responseIds: readonly number[],
  trim: TrimBounds = TRIM_DEFAULT,
  pass?: EstimatePass,
): Promise<{ weights: Weights | undefined; report: WeightingReport }> {
  const margins = await once(pass, `margins:${areaId}`, () => areaMargins(db, areaId));
  if (margins.length === 0 || responseIds.length === 0) return { weights: undefined, report: { status: 'no_margins' } };
  const values = new Map<number, Record<string, string | null>>(responseIds.map((id) => [id, {}]));
  for (const m of margins) {
    // Everyone in the area, suspicious or not: those left out are simply not asked for below.
    const given = await answersInScope(db, { surveyId, areaId, excludeSuspicious: false }, m.variable, null, pass);
    for (const id of responseIds) {
      const v = given.get(id);
      values.get(id)![m.variable] = v !== undefined && v in m.targets ? v : null;
    }
  }
  const respondents = responseIds.map((id) => ({ id, values: values.get(id)! }));
  const result = rake(respondents, margins, { trim });
  if (!result.ok) return { weights: undefined, report: { status: result.reason, variable: result.variable, category: result.category } };
  const achieved = achievedMargins(respondents, margins, result.weights);
  const maxGap = achieved.reduce((m, a) => Math.max(m, Math.abs(a.achieved - a.target)), 0);
  const report: WeightingReport = {
    status: maxGap <= MARGIN_GAP_LIMIT ? 'weighted' : 'margins_missed',
    converged: result.converged,
    iterations: result.iterations,
    trim,
    maxGap,
    margins: achieved,
  };
  if (report.status !== 'weighted') return { weights: undefined, report };
  return { weights: { weights: result.weights, designEffect: result.designEffect, effectiveN: result.effectiveN }, report };
}

/** Each margin category's target share and the weighted share the weights reach among those who gave the variable. */
export function achievedMargins(
  respondents: readonly { id: number; values: Readonly<Record<string, string | null>> }[],
  margins: readonly Margin[],
  weights: ReadonlyMap<number, number>,
): { variable: string; category: string; target: number; achieved: number }[] {
  const out: { variable: string; category: string; target: number; achieved: number }[] = [];
  for (const m of margins) {
    const total = Object.values(m.targets).reduce((s, t) => s + t, 0);
    const sums = new Map<string, number>();
    let answered = 0;
    for (const r of respondents) {
      const v = r.values[m.variable];
      if (v === null || v === undefined) continue;
      const w = weights.get(r.id) ?? 0;
      sums.set(v, (sums.get(v) ?? 0) + w);
      answered += w;
    }
    for (const [category, t] of Object.entries(m.targets)) {
      out.push({ variable: m.variable, category, target: t / total, achieved: answered > 0 ? (sums.get(category) ?? 0) / answered : 0 });
    }
  }
  return out;
}

/** Raking weights, or undefined when the area has no margins or raking fails (see rakedWeights for the reason). */
export async function respondentWeights(db: Queryable, surveyId: number, areaId: number, responseIds: readonly number[], trim?: TrimBounds): Promise<Weights | undefined> {
  return (await rakedWeights(db, surveyId, areaId, responseIds, trim)).weights;
}

/** Whether the wave asks the relation question ("live or work"), so residents can be told apart. */
export async function hasRelationQuestion(db: Queryable, surveyId: number, pass?: EstimatePass): Promise<boolean> {
  return once(pass, `relation:${surveyId}`, () => readHasRelationQuestion(db, surveyId));
}

async function readHasRelationQuestion(db: Queryable, surveyId: number): Promise<boolean> {
  const [q] = await db
    .select({ id: questions.id })
    .from(questions)
    .where(and(eq(questions.surveyId, surveyId), eq(questions.key, RELATION_QUESTION)))
    .limit(1);
  return q !== undefined;
}

/** Ids of the respondents who ticked "I live here" in the relation question (a multiple choice: all its stored values count). */
export async function residentIds(db: Queryable, surveyId: number, areaId: number, pass?: EstimatePass): Promise<ReadonlySet<number>> {
  return onceLarge(pass, `residents:${surveyId}:${areaId}`, async () => {
    await breathe();
    return readResidentIds(db, surveyId, areaId);
  });
}

async function readResidentIds(db: Queryable, surveyId: number, areaId: number): Promise<Set<number>> {
  const rows = await db
    .select({ responseId: answers.responseId })
    .from(answers)
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .innerJoin(responses, eq(responses.id, answers.responseId))
    .where(
      and(
        eq(questions.surveyId, surveyId),
        eq(questions.key, RELATION_QUESTION),
        eq(answers.value, RESIDENT_VALUE),
        eq(responses.surveyId, surveyId),
        eq(responses.areaId, areaId),
      ),
    );
  return new Set(rows.map((r) => r.responseId));
}

/**
 * The indicator's estimate for one wave and area. Suppressed when it rests on
 * fewer than K answers, or when those who gave a counted answer, or those who
 * did not, are between 1 and K−1 (a share of 2 in 80 would point out two
 * people as surely as the count). Including suspicious responses is ignored
 * when the area has between 1 and K−1 of them: "with" minus "without" would
 * otherwise give those few respondents' answers.
 */
export async function estimateIndicator(
  db: Queryable,
  def: IndicatorDefinition,
  surveyId: number,
  areaId: number,
  options: EstimateOptions,
  pass?: EstimatePass,
): Promise<IndicatorResult> {
  // A closed wave's answers never change (it cannot be reopened once it has
  // responses), so its estimates are kept; the key holds everything else an
  // estimate depends on, the area's population margins included.
  const status = await once(pass, `status:${surveyId}`, async () => (await db.select({ status: surveys.status }).from(surveys).where(eq(surveys.id, surveyId)).limit(1))[0]?.status);
  if (status !== 'closed') return computeEstimate(db, def, surveyId, areaId, options, pass);
  return keepClosedWaveFigure(db, surveyId, areaId, ['indicator', def.questionKey, def.item, [...def.successValues].sort(), estimateKey(options)], () => computeEstimate(db, def, surveyId, areaId, options, pass), pass);
}

/**
 * A figure of a closed wave and area (`compute`'s), kept under `parts` and
 * the wave's stamps: the area's population margins, and the respondents'
 * count and newest id (cheap, indexed; they keep the figure right should a
 * closed wave ever get a late paper response). The stamps are read once per
 * pass (a page's goals share their waves and areas). The caller has checked
 * that the wave is closed, and `parts` names everything else the figure
 * depends on (what it is, estimateKey of its options).
 */
export async function keepClosedWaveFigure<T>(db: Queryable, surveyId: number, areaId: number, parts: unknown[], compute: () => Promise<T>, pass?: EstimatePass): Promise<T> {
  const margins = await once(pass, `marginsStamp:${areaId}`, async () => {
    const [row] = await db // not for display: a cache stamp
      .select({ n: count(), last: max(populationMargins.id), people: sum(populationMargins.population) })
      .from(populationMargins)
      .where(eq(populationMargins.areaId, areaId))
      .limit(1);
    return row;
  });
  const respondents = await once(pass, `respondentsStamp:${surveyId}:${areaId}`, () => areaFingerprint(db, surveyId, areaId));
  const key = JSON.stringify([surveyId, areaId, ...parts, margins, respondents]);
  const cache = closedWaveCache(db);
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) {
    // Refresh its place: the least recently used entry goes first.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // The promise is kept at once, so a request arriving while the start-up
  // warm-up (or another request) is working this figure out waits for it
  // rather than working it out again; a failure is not kept.
  const result = compute();
  cache.set(key, result);
  if (cache.size > ESTIMATE_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  result.catch(() => {
    if (cache.get(key) === result) cache.delete(key);
  });
  return result;
}

/** The area's responses in a wave as they stand (count and newest id): any response added (or removed) changes it. */
export async function areaFingerprint(db: Queryable, surveyId: number, areaId: number): Promise<string> {
  const [row] = await db // not for display: a cache stamp
    .select({ n: count(), last: max(responses.id) })
    .from(responses)
    .where(and(eq(responses.surveyId, surveyId), eq(responses.areaId, areaId)))
    .limit(1);
  return `${row?.n ?? 0}:${row?.last ?? 0}`;
}

/**
 * What an estimate depends on among the options, spelled out with their
 * defaults: a caller's extra fields (the page's locale) and the order of the
 * fields do not make a second entry for the same figures.
 */
export function estimateKey(options: EstimateOptions): unknown[] {
  const trim = options.trim ?? TRIM_DEFAULT;
  return [options.k, options.weighted, options.excludeSuspicious, options.population ?? 'residents', options.sample ?? 'invited', trim.min, trim.max];
}

/**
 * Closed-wave estimates kept per database (tests open several): each is a
 * handful of numbers (well under 1 kB), and the front needs about a dozen
 * per view of the goals (goals × closed waves × invited/open), so 500 hold
 * every view in use several times over; beyond that the least recently used
 * goes first.
 */
export const ESTIMATE_CACHE_ENTRIES = 500;
/**
 * One cache per process, held on globalThis like the database handle
 * (connection.ts): the start-up warm-up runs in serve.ts's module graph
 * (src/), the pages in the built one (dist/), and both must use the same
 * entries. Keyed weakly by database, so a closed database's entries go with it.
 */
const CACHES = Symbol.for('tryghed.closedWaveEstimates');
type CacheHolder = { [CACHES]?: WeakMap<object, Map<string, Promise<unknown>>> };
function closedWaveCache(db: Queryable): Map<string, Promise<unknown>> {
  const holder = globalThis as CacheHolder;
  const caches = (holder[CACHES] ??= new WeakMap());
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/** How many closed-wave estimates are kept for `db` (tests). */
export function keptEstimates(db: Queryable): number {
  return closedWaveCache(db).size;
}

/**
 * What one pass over several estimates (a page's goals, the start-up
 * warm-up) reads only once: the stamps and small facts (a wave's status,
 * whether it has codes), and the answers, residents, respondents and
 * weights that estimates of the same wave and area share (the margin
 * variables' answers, for instance, are the same for every goal of an
 * area). Made per pass and dropped with it, so it holds nothing between
 * requests; the figures are those of reading each afresh.
 */
export interface EstimatePass {
  small: Map<string, Promise<unknown>>;
  /** The large reads, least recently used first, within PASS_LARGE_VALUES together. */
  large: Map<string, Promise<unknown>>;
  /** Their sizes (values held) once read. */
  sizes: Map<string, number>;
}

/**
 * How many per-respondent values (answers, ids, weights) a pass keeps
 * together: about 50 bytes each, so some 20 MB. At 100,000 responses that
 * keeps what the next estimates of the same waves and areas reuse (the open
 * answers beside the invited sample, the next goal of the area; about half
 * the work); at 1,000,000, where one wave's area has 250,000 respondents,
 * it keeps little, and the heap stays within the server's limit (with a
 * bound by count, 12 reads there took the server's 256 MB heap).
 */
export const PASS_LARGE_VALUES = 400_000;

export function newEstimatePass(): EstimatePass {
  return { small: new Map(), large: new Map(), sizes: new Map() };
}

function once<T>(pass: EstimatePass | undefined, key: string, make: () => Promise<T>): Promise<T> {
  if (!pass) return make();
  let found = pass.small.get(key) as Promise<T> | undefined;
  if (!found) pass.small.set(key, (found = make()));
  return found;
}

/** The values a large read holds. */
function valuesIn(value: unknown): number {
  if (value instanceof Map || value instanceof Set) return value.size;
  if (Array.isArray(value)) return value.length;
  const weights = (value as { weights?: Weights } | undefined)?.weights;
  return weights?.weights instanceof Map ? weights.weights.size : 0;
}

function onceLarge<T>(pass: EstimatePass | undefined, key: string, make: () => Promise<T>): Promise<T> {
  if (!pass) return make();
  let found = pass.large.get(key) as Promise<T> | undefined;
  if (found) {
    // Most recently used last.
    pass.large.delete(key);
    pass.large.set(key, found);
    return found;
  }
  found = make();
  pass.large.set(key, found);
  void found.then(
    (value) => {
      if (pass.large.get(key) !== found) return;
      pass.sizes.set(key, valuesIn(value));
      let total = 0;
      for (const n of pass.sizes.values()) total += n;
      for (const oldest of pass.large.keys()) {
        if (total <= PASS_LARGE_VALUES || oldest === key) break;
        total -= pass.sizes.get(oldest) ?? 0;
        pass.large.delete(oldest);
        pass.sizes.delete(oldest);
      }
    },
    () => {
      if (pass.large.get(key) === found) pass.large.delete(key);
    },
  );
  return found;
}

/** The respondents an estimate rests on: the sample's channels, the suspicious switch and the population as applied. */
export interface RespondentSet {
  /** The respondents in the sample and population (ids). */
  ids: number[];
  sample: Sample;
  population: Population;
  excludeSuspicious: boolean;
}

/**
 * Who counts for a wave and area under the options: the requested sample
 * (invited where the wave has codes), the suspicious switch, residents only
 * where the wave asks; each switch ignored where it would leave out 1…K−1
 * people (a difference of two views would give their answers away).
 */
export async function respondentSet(db: Queryable, surveyId: number, areaId: number, options: EstimateOptions, pass?: EstimatePass): Promise<RespondentSet> {
  const K = Math.max(MIN_K, options.k);
  const small = (n: number) => n > 0 && n < K;
  const invited = () => once(pass, `invited:${surveyId}`, () => hasInvitedSample(db, surveyId));
  let { sample, channels } = await once(pass, `channels:${surveyId}:${options.sample ?? 'invited'}`, () => sampleChannels(db, surveyId, options.sample ?? 'invited'));
  // Pooling is ignored where the open answers are 1…K−1: "everyone" minus "invited" would otherwise give their answers.
  if (sample === 'everyone' && (options.sample ?? 'invited') === 'everyone' && (await invited())) {
    const open = await respondentsInArea(db, surveyId, areaId, false, OPEN_CHANNELS, pass);
    if (small(open.length)) ({ sample, channels } = { sample: 'invited', channels: INVITED_CHANNELS });
  }
  const excludeSuspicious =
    options.excludeSuspicious ||
    (await once(pass, `smallSuspicious:${surveyId}:${areaId}:${K}:${channels?.join(',') ?? '*'}`, () => smallSuspiciousGroup(db, surveyId, areaId, K, channels)));
  // Residents only where the wave can tell them apart: the goal is about people who live in the area.
  let population: Population = (options.population ?? 'residents') === 'residents' && (await hasRelationQuestion(db, surveyId, pass)) ? 'residents' : 'all';
  const everyone = await respondentsInArea(db, surveyId, areaId, excludeSuspicious, channels, pass);
  let residents = population === 'residents' ? await residentIds(db, surveyId, areaId, pass) : undefined;
  // As with the suspicious switch: leaving out 1…K−1 non-residents would let "everyone" minus "residents" give their answers.
  if (residents !== undefined && small(everyone.filter((id) => !residents!.has(id)).length)) {
    residents = undefined;
    population = 'all';
  }
  return { ids: everyone.filter((id) => residents === undefined || residents.has(id)), sample, population, excludeSuspicious };
}

async function computeEstimate(db: Queryable, def: IndicatorDefinition, surveyId: number, areaId: number, options: EstimateOptions, pass?: EstimatePass): Promise<IndicatorResult> {
  const K = Math.max(MIN_K, options.k);
  const small = (n: number) => n > 0 && n < K;
  const { ids, sample, population, excludeSuspicious } = await respondentSet(db, surveyId, areaId, options, pass);
  const inSet = new Set(ids);
  const inPopulation = (id: number) => inSet.has(id);
  const given = await answersInScope(db, { surveyId, areaId, excludeSuspicious }, def.questionKey, def.item, pass);
  const substantive = [...given].filter(([id, v]) => inPopulation(id) && v !== DONT_KNOW && v !== PREFER_NOT);
  const success = new Set(def.successValues);
  const counted = substantive.filter(([, v]) => success.has(v)).length;
  if (substantive.length < K) return { suppressed: true };
  let weights: Weights | undefined;
  let weighting: WeightingReport = { status: 'not_requested' };
  if (options.weighted) {
    const trim = options.trim ?? TRIM_DEFAULT;
    // Within a pass the respondents follow from these alone, so goals of the same wave and area share their weights.
    ({ weights, report: weighting } = await onceLarge(pass, `weights:${surveyId}:${areaId}:${sample}:${population}:${excludeSuspicious ? 1 : 0}:${trim.min}:${trim.max}`, () =>
      rakedWeights(db, surveyId, areaId, ids, trim, pass),
    ));
  }
  const weightOf = (id: number) => weights?.weights.get(id) ?? 1;
  if (small(counted) || small(substantive.length - counted)) {
    return boundedEstimate(substantive.map(([id]) => weightOf(id)), K, small(counted) ? 'below' : 'above', weights !== undefined, weighting, population, sample);
  }
  // The n shown is the engine's published count of the substantive answers (their respondents' record keys
  // summed), as the analysis pages show it; when the noise takes it below K the estimate is not shown there either.
  await breathe();
  const shownN = publishCount(substantive.length, await keySum(db, substantive.map(([id]) => id)), K);
  if (shownN === undefined) return { suppressed: true };
  const estimate = proportionEstimate(substantive.map(([id, v]) => ({ weight: weightOf(id), success: success.has(v) })));
  return {
    suppressed: false,
    p: estimate.p,
    low: estimate.low,
    high: estimate.high,
    n: shownN,
    effectiveN: estimate.effectiveN,
    designEffect: estimate.designEffect,
    weighted: weights !== undefined,
    weighting,
    population,
    sample,
  };
}

/** The cell key of these responses: the sum of their record keys modulo 2³¹ (src/lib/disclosure). */
async function keySum(db: Queryable, responseIds: readonly number[]): Promise<number> {
  let key = 0;
  // In chunks, to stay within the databases' limits on bound parameters.
  for (let from = 0; from < responseIds.length; from += 5000) {
    const rows = await db
      .select({ cellKey: responses.cellKey })
      .from(responses)
      .where(inArray(responses.id, responseIds.slice(from, from + 5000)));
    key = addKeys(key, ...rows.map((r) => r.cellKey));
  }
  return key;
}

/**
 * The worst case of a share resting on 1 to K−1 respondents (see the
 * `bounded` result): from the weights of everyone who answered and K alone,
 * never from who gave which answer.
 */
export function boundedEstimate(
  weights: readonly number[],
  K: number,
  side: 'below' | 'above',
  weighted: boolean,
  weighting: WeightingReport,
  population: Population,
  sample: Sample = 'everyone',
): IndicatorResult {
  const total = weights.reduce((s, w) => s + w, 0);
  const largest = [...weights].sort((a, b) => b - a).slice(0, K - 1).reduce((s, w) => s + w, 0);
  const share = Math.min(1, largest / total);
  const { effectiveN } = kishDesignEffect(weights);
  const bound = side === 'below' ? share : 1 - share;
  const interval = wilsonInterval(bound * effectiveN, effectiveN);
  return side === 'below'
    ? { suppressed: 'bounded', side, bound, low: 0, high: interval.high, effectiveN, weighted, weighting, population, sample }
    : { suppressed: 'bounded', side, bound, low: interval.low, high: 1, effectiveN, weighted, weighting, population, sample };
}

/** Whether a wave's area has between 1 and K−1 responses flagged as suspicious. */
export async function smallSuspiciousGroup(db: Queryable, surveyId: number, areaId: number, k: number, channels?: readonly ResponseChannel[]): Promise<boolean> {
  const rows = await db
    .select({ id: responses.id })
    .from(responses)
    .where(and(eq(responses.surveyId, surveyId), eq(responses.areaId, areaId), eq(responses.suspicious, true), channels ? inArray(responses.channel, [...channels]) : undefined));
  const flagged = rows.length;
  return flagged > 0 && flagged < Math.max(MIN_K, k);
}
