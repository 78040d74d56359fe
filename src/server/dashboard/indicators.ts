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
 */
import { and, asc, count, eq, inArray, isNull, max, sum } from 'drizzle-orm';
import { answers, populationMargins, questions, responses, surveys, type Survey } from '../../../db/schema.ts';
import { addKeys, MIN_K, publishCount } from '../../lib/disclosure/index.ts';
import { proportionEstimate } from '../../lib/stats/proportion.ts';
import { rake, type Margin } from '../../lib/stats/raking.ts';
import { DONT_KNOW, PREFER_NOT } from '../../lib/survey/instrument.ts';
import type { Queryable } from '../db/connection.ts';

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
}

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
export async function answersInScope(db: Queryable, scope: RespondentScope, questionKey: string, item: string | null): Promise<Map<number, string>> {
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
    );
  for (const r of rows) if (!out.has(r.responseId)) out.set(r.responseId, r.value);
  return out;
}

/** The respondents of a wave in an area (ids), honouring the suspicious switch. */
export async function respondentsInArea(db: Queryable, surveyId: number, areaId: number, excludeSuspicious: boolean): Promise<number[]> {
  const rows = await db
    .select({ id: responses.id, suspicious: responses.suspicious })
    .from(responses)
    .where(and(eq(responses.surveyId, surveyId), eq(responses.areaId, areaId)));
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
 * Raking weights for respondents of a wave in an area, or undefined when the
 * area has no margins or raking is impossible (a margin category nobody in
 * the sample belongs to). A respondent who did not give a margin variable
 * (or gave a value the margins do not list) is left out of that variable's step.
 */
export async function respondentWeights(db: Queryable, surveyId: number, areaId: number, responseIds: readonly number[]): Promise<Weights | undefined> {
  const margins = await areaMargins(db, areaId);
  if (margins.length === 0 || responseIds.length === 0) return undefined;
  const values = new Map<number, Record<string, string | null>>(responseIds.map((id) => [id, {}]));
  for (const m of margins) {
    // Everyone in the area, suspicious or not: those left out are simply not asked for below.
    const given = await answersInScope(db, { surveyId, areaId, excludeSuspicious: false }, m.variable, null);
    for (const id of responseIds) {
      const v = given.get(id);
      values.get(id)![m.variable] = v !== undefined && v in m.targets ? v : null;
    }
  }
  const result = rake(
    responseIds.map((id) => ({ id, values: values.get(id)! })),
    margins,
    { trim: { min: 0.2, max: 5 } },
  );
  if (!result.ok) return undefined;
  return { weights: result.weights, designEffect: result.designEffect, effectiveN: result.effectiveN };
}

/**
 * The indicator's estimate for one wave and area. Suppressed when it rests on
 * fewer than K answers, or when those who gave a counted answer, or those who
 * did not, are between 1 and K−1 (a share of 2 in 80 would point out two
 * people as surely as the count). Including suspicious responses is ignored
 * when the area has between 1 and K−1 of them: "with" minus "without" would
 * otherwise give those few respondents' answers.
 */
export async function estimateIndicator(db: Queryable, def: IndicatorDefinition, surveyId: number, areaId: number, options: EstimateOptions): Promise<IndicatorResult> {
  // A closed wave's answers never change (it cannot be reopened once it has
  // responses), so its estimates are kept; the key holds everything else an
  // estimate depends on, the area's population margins included.
  const [wave] = await db.select({ status: surveys.status }).from(surveys).where(eq(surveys.id, surveyId)).limit(1);
  if (wave?.status !== 'closed') return computeEstimate(db, def, surveyId, areaId, options);
  const [margins] = await db
    .select({ n: count(), last: max(populationMargins.id), people: sum(populationMargins.population) })
    .from(populationMargins)
    .where(eq(populationMargins.areaId, areaId))
    .limit(1);
  // The respondents' count and newest id too: cheap (indexed), and it keeps the
  // cache right should a closed wave ever get a late paper response.
  const [respondents] = await db
    .select({ n: count(), last: max(responses.id) })
    .from(responses)
    .where(and(eq(responses.surveyId, surveyId), eq(responses.areaId, areaId)))
    .limit(1);
  const key = JSON.stringify([surveyId, areaId, def.questionKey, def.item, [...def.successValues].sort(), options, margins, respondents]);
  const cache = closedWaveCache(db);
  const hit = cache.get(key);
  if (hit) {
    // Refresh its place: the least recently used entry goes first.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = await computeEstimate(db, def, surveyId, areaId, options);
  cache.set(key, result);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return result;
}

/** Estimates kept per database (tests open several), a few hundred at most: each is a handful of numbers. */
const CACHE_ENTRIES = 500;
const caches = new WeakMap<object, Map<string, IndicatorResult>>();
function closedWaveCache(db: Queryable): Map<string, IndicatorResult> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

async function computeEstimate(db: Queryable, def: IndicatorDefinition, surveyId: number, areaId: number, options: EstimateOptions): Promise<IndicatorResult> {
  const K = Math.max(MIN_K, options.k);
  const excludeSuspicious = options.excludeSuspicious || (await smallSuspiciousGroup(db, surveyId, areaId, K));
  const ids = await respondentsInArea(db, surveyId, areaId, excludeSuspicious);
  const given = await answersInScope(db, { surveyId, areaId, excludeSuspicious }, def.questionKey, def.item);
  const substantive = [...given].filter(([, v]) => v !== DONT_KNOW && v !== PREFER_NOT);
  const success = new Set(def.successValues);
  const counted = substantive.filter(([, v]) => success.has(v)).length;
  const small = (n: number) => n > 0 && n < K;
  if (substantive.length < K || small(counted) || small(substantive.length - counted)) return { suppressed: true };
  // The n shown is the engine's published count of the substantive answers (their respondents' record keys
  // summed), as the analysis pages show it; when the noise takes it below K the estimate is not shown there either.
  const shownN = publishCount(substantive.length, await keySum(db, substantive.map(([id]) => id)), K);
  if (shownN === undefined) return { suppressed: true };
  const weights = options.weighted ? await respondentWeights(db, surveyId, areaId, ids) : undefined;
  const estimate = proportionEstimate(substantive.map(([id, v]) => ({ weight: weights?.weights.get(id) ?? 1, success: success.has(v) })));
  return {
    suppressed: false,
    p: estimate.p,
    low: estimate.low,
    high: estimate.high,
    n: shownN,
    effectiveN: estimate.effectiveN,
    designEffect: estimate.designEffect,
    weighted: weights !== undefined,
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

/** Whether a wave's area has between 1 and K−1 responses flagged as suspicious. */
export async function smallSuspiciousGroup(db: Queryable, surveyId: number, areaId: number, k: number): Promise<boolean> {
  const rows = await db
    .select({ id: responses.id })
    .from(responses)
    .where(and(eq(responses.surveyId, surveyId), eq(responses.areaId, areaId), eq(responses.suspicious, true)));
  const flagged = rows.length;
  return flagged > 0 && flagged < Math.max(MIN_K, k);
}
