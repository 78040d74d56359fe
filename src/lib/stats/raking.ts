/**
 * Raking (iterative proportional fitting, Deming & Stephan 1940): respondent
 * weights are adjusted one variable at a time until the weighted sample
 * matches known population margins (e.g. age and gender from Statistics
 * Denmark), so that groups who answer more often do not dominate the figures.
 *
 * Missing answers: a respondent with null (or no value) for a variable is left
 * out of that variable's step and keeps its weight there; the step rescales
 * the respondents who did answer so that their weighted shares match the
 * target shares, without changing their weighted total. The target is thus
 * read as "the distribution among those who answered", which assumes the
 * non-answers are not concentrated in one category; the alternative (imputing
 * a category) would invent answers nobody gave.
 *
 * Weights start at 1 and come back normalised to mean 1, so their sum is the
 * number of respondents and unweighted and weighted counts stay comparable.
 */
import { kishDesignEffect } from './weights.ts';

export type RespondentId = string | number;

export interface RakingRespondent<Id extends RespondentId = RespondentId> {
  id: Id;
  /** Category per variable; null = the respondent did not say. */
  values: Readonly<Record<string, string | null>>;
}

export interface Margin {
  variable: string;
  /** Population counts or shares per category; normalised to shares. */
  targets: Readonly<Record<string, number>>;
}

export interface RakingOptions {
  /** Full passes over all margins at most; default 50. */
  maxIterations?: number;
  /**
   * Largest allowed absolute difference between a weighted share and its
   * target; default 1e-12, so that the weights (and every figure made from
   * them) match an independent implementation run to convergence (R's
   * survey::rake) to 1e-9: tests/unit/stats-reference.test.ts. Raking
   * converges geometrically, so this costs a few passes more than 1e-6.
   */
  tolerance?: number;
  /**
   * Bounds for the weights relative to mean 1 (e.g. 0.2 and 5), applied after
   * each full pass so that a few respondents cannot carry a whole group. With
   * trimming the margins may no longer be met exactly; `converged` tells.
   */
  trim?: { min: number; max: number };
}

export type RakingFailure =
  /** A category with a positive target but no respondents, or respondents in a category with target 0. */
  | { ok: false; reason: 'empty_category'; variable: string; category: string }
  /** A respondent gave a category the margin does not list. */
  | { ok: false; reason: 'unknown_category'; variable: string; category: string };

export interface RakingSuccess<Id extends RespondentId = RespondentId> {
  ok: true;
  /** Normalised to mean 1 over all respondents. */
  weights: Map<Id, number>;
  /** Full passes over all margins performed. */
  iterations: number;
  /** Whether every weighted margin is within the tolerance of its target. */
  converged: boolean;
  designEffect: number;
  effectiveN: number;
}

export type RakingResult<Id extends RespondentId = RespondentId> = RakingSuccess<Id> | RakingFailure;

/** One margin prepared for the loop: target shares by index, and each respondent's category index (−1 = no answer). */
interface PreparedMargin {
  variable: string;
  categories: string[];
  shares: number[];
  memberOf: Int32Array;
}

const DEFAULT_MAX_ITERATIONS = 50;
const DEFAULT_TOLERANCE = 1e-12;

/**
 * Rakes weights to the margins. Data problems that a caller may meet with real
 * answers (an empty category) come back as `ok: false`; misuse (no
 * respondents, duplicate ids, negative targets, bad options) throws a
 * RangeError.
 */
export function rake<Id extends RespondentId>(
  respondents: readonly RakingRespondent<Id>[],
  margins: readonly Margin[],
  options: RakingOptions = {},
): RakingResult<Id> {
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  validateOptions(maxIterations, tolerance, options.trim);
  const n = respondents.length;
  if (n === 0) throw new RangeError('rake: no respondents');
  const ids = new Set<Id>();
  for (const r of respondents) {
    if (ids.has(r.id)) throw new RangeError(`rake: duplicate respondent id ${String(r.id)}`);
    ids.add(r.id);
  }

  const prepared: PreparedMargin[] = [];
  const variables = new Set<string>();
  for (const margin of margins) {
    if (variables.has(margin.variable)) throw new RangeError(`rake: margin ${margin.variable} given twice`);
    variables.add(margin.variable);
    const result = prepareMargin(margin, respondents);
    if ('ok' in result) return result;
    prepared.push(result);
  }

  let weights: Float64Array = new Float64Array(n).fill(1);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    for (const margin of prepared) rakeStep(weights, margin);
    weights = options.trim === undefined ? normaliseToMeanOne(weights) : trimWeights(weights, options.trim.min, options.trim.max);
    if (maxShareDifference(weights, prepared) <= tolerance) {
      converged = true;
      break;
    }
  }

  const result = new Map<Id, number>();
  respondents.forEach((r, i) => result.set(r.id, weights[i]!));
  const { designEffect, effectiveN } = kishDesignEffect(Array.from(weights));
  return { ok: true, weights: result, iterations, converged, designEffect, effectiveN };
}

function validateOptions(maxIterations: number, tolerance: number, trim: RakingOptions['trim']): void {
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new RangeError(`rake: maxIterations must be a positive integer, got ${String(maxIterations)}`);
  }
  if (!(tolerance > 0)) throw new RangeError(`rake: tolerance must be positive, got ${String(tolerance)}`);
  // Mean 1 must be reachable within the bounds, or trimming has no solution.
  if (trim !== undefined && !(trim.min >= 0 && trim.min <= 1 && trim.max >= 1 && Number.isFinite(trim.max))) {
    throw new RangeError(`rake: trim bounds must satisfy 0 ≤ min ≤ 1 ≤ max, got ${String(trim.min)} and ${String(trim.max)}`);
  }
}

function prepareMargin(margin: Margin, respondents: readonly RakingRespondent[]): PreparedMargin | RakingFailure {
  const { variable } = margin;
  const categories = Object.keys(margin.targets);
  const targets = categories.map((c) => margin.targets[c]!);
  for (const [i, t] of targets.entries()) {
    if (!Number.isFinite(t) || t < 0) throw new RangeError(`rake: target for ${variable}=${categories[i]!} must be ≥ 0, got ${String(t)}`);
  }
  const total = targets.reduce((s, t) => s + t, 0);
  if (total === 0) throw new RangeError(`rake: margin ${variable} has no positive target`);

  const index = new Map(categories.map((c, i) => [c, i] as const));
  const counts = new Array<number>(categories.length).fill(0);
  const memberOf = new Int32Array(respondents.length).fill(-1);
  for (const [r, respondent] of respondents.entries()) {
    const value = respondent.values[variable];
    if (value === null || value === undefined) continue;
    const i = index.get(value);
    if (i === undefined) return { ok: false, reason: 'unknown_category', variable, category: value };
    memberOf[r] = i;
    counts[i]!++;
  }
  for (const [i, category] of categories.entries()) {
    // Either way a step would divide by zero or have to move weight into a cell with nobody in it.
    if ((targets[i]! > 0) !== (counts[i]! > 0)) return { ok: false, reason: 'empty_category', variable, category };
  }
  return { variable, categories, shares: targets.map((t) => t / total), memberOf };
}

/** Weighted total per category among those who answered, and the answered total. */
function categoryTotals(weights: Float64Array, margin: PreparedMargin): { sums: number[]; answered: number } {
  const sums = new Array<number>(margin.categories.length).fill(0);
  let answered = 0;
  for (const [r, c] of margin.memberOf.entries()) {
    if (c < 0) continue;
    sums[c]! += weights[r]!;
    answered += weights[r]!;
  }
  return { sums, answered };
}

/** One IPF step: scales each category to its target share of the answered total, which stays unchanged. */
function rakeStep(weights: Float64Array, margin: PreparedMargin): void {
  const { sums, answered } = categoryTotals(weights, margin);
  // Categories with target 0 have no members (checked in prepareMargin), so the factor 0 is never applied.
  const factors = sums.map((s, c) => (s > 0 ? (margin.shares[c]! * answered) / s : 0));
  for (const [r, c] of margin.memberOf.entries()) {
    if (c >= 0) weights[r] = weights[r]! * factors[c]!;
  }
}

function maxShareDifference(weights: Float64Array, margins: readonly PreparedMargin[]): number {
  let worst = 0;
  for (const margin of margins) {
    const { sums, answered } = categoryTotals(weights, margin);
    for (const [c, s] of sums.entries()) worst = Math.max(worst, Math.abs(s / answered - margin.shares[c]!));
  }
  return worst;
}

function normaliseToMeanOne(weights: Float64Array): Float64Array {
  const mean = weights.reduce((s, w) => s + w, 0) / weights.length;
  return weights.map((w) => w / mean);
}

/**
 * Scales and clips the weights so that they lie within [min, max] and have
 * mean 1: the fixed point of "clip, then renormalise" repeated, found directly
 * so the result satisfies both conditions at once. The mean of
 * clip(s·w, min, max) rises continuously with s from ≤ min to ≥ max, so a
 * scale s giving mean 1 exists; bisection finds which weights are clipped at
 * it, and s then follows exactly from the unclipped ones.
 */
function trimWeights(weights: Float64Array, min: number, max: number): Float64Array {
  const n = weights.length;
  const clippedMean = (s: number): number => weights.reduce((acc, w) => acc + Math.min(max, Math.max(min, s * w)), 0) / n;
  // clippedMean(0) = min ≤ 1; grow the upper end until it reaches 1 (weights are positive, so it does).
  let lo = 0;
  let hi = n / weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < 2100 && clippedMean(hi) < 1; i++) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > Number.EPSILON * hi; i++) {
    const mid = (lo + hi) / 2;
    if (clippedMean(mid) < 1) lo = mid;
    else hi = mid;
  }
  // Solve n = Σ(clipped bounds) + s·Σ(unclipped w) for s, with the clipping pattern found at the bracket.
  let fixed = 0;
  let free = 0;
  for (const w of weights) {
    const v = hi * w;
    if (v <= min) fixed += min;
    else if (v >= max) fixed += max;
    else free += w;
  }
  const s = free > 0 ? (n - fixed) / free : hi;
  // Clipping last keeps the bounds exact; the mean is then 1 up to rounding.
  return weights.map((w) => Math.min(max, Math.max(min, s * w)));
}
