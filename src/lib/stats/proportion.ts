/**
 * Proportions for the authority dashboard: the share of (weighted) respondents
 * giving an answer, its confidence interval, and whether two shares differ.
 *
 * Weighted shares are treated as if they came from a simple random sample of
 * Kish's effective size, so that unequal weights widen the intervals honestly
 * instead of pretending the raw count of respondents applies.
 */
import { normalCdf, Z_95 } from './normal.ts';
import { kishDesignEffect } from './weights.ts';

export interface Interval {
  p: number;
  low: number;
  high: number;
}

export interface WeightedValue {
  weight: number;
  success: boolean;
}

export interface WeightedProportion {
  /** Σw·success / Σw. */
  p: number;
  /** The number of respondents. */
  n: number;
  /** Kish: (Σw)² / Σw². */
  effectiveN: number;
  /** n / effectiveN. */
  designEffect: number;
}

export interface ProportionEstimate extends WeightedProportion {
  low: number;
  high: number;
}

export interface ProportionSample {
  p: number;
  effectiveN: number;
}

export interface TwoProportionResult {
  /** b.p − a.p. */
  difference: number;
  /** Newcombe's hybrid score interval for the difference. */
  low: number;
  high: number;
  zStatistic: number;
  /** Two-sided. */
  pValue: number;
  /** pValue < 0.05. */
  significant: boolean;
}

/**
 * Wilson's score interval for a proportion (Wilson 1927). Unlike the Wald
 * interval it stays inside [0, 1] and keeps its coverage near 0 and 1, where
 * safety questions often sit. `n` may be an effective (non-integer) sample
 * size, with `successes` = p·n. Throws a RangeError for n ≤ 0: a share of
 * nobody has no interval, and callers must not ask for one.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): Interval {
  if (!Number.isFinite(n) || n <= 0) throw new RangeError(`wilsonInterval: n must be positive, got ${String(n)}`);
  if (!Number.isFinite(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: successes must be within 0..n, got ${String(successes)} of ${String(n)}`);
  }
  if (!Number.isFinite(z) || z <= 0) throw new RangeError(`wilsonInterval: z must be positive, got ${String(z)}`);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // The bounds are exactly 0 and 1 at the extremes in exact arithmetic; pin them so rounding cannot show −0.0 % or 100.0…1 %.
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === n ? 1 : Math.min(1, centre + half);
  return { p, low, high };
}

/**
 * The weighted share of successes, with Kish's effective sample size and
 * design effect. Throws a RangeError for no values or weights summing to 0.
 */
export function weightedProportion(values: readonly WeightedValue[]): WeightedProportion {
  const { designEffect, effectiveN } = kishDesignEffect(values.map((v) => v.weight));
  let total = 0;
  let successWeight = 0;
  for (const v of values) {
    total += v.weight;
    if (v.success) successWeight += v.weight;
  }
  // Division of a ≤ b never rounds above 1, so p stays a valid share.
  return { p: successWeight / total, n: values.length, effectiveN, designEffect };
}

/** The weighted share with its Wilson interval computed on the effective sample size. */
export function proportionEstimate(values: readonly WeightedValue[], z: number = Z_95): ProportionEstimate {
  const weighted = weightedProportion(values);
  return { ...weighted, ...shareEstimate(weighted.p, weighted.effectiveN, z) };
}

/**
 * The platform's one share estimator, for callers that already hold the
 * weighted sums (the dashboard's wave analysis keeps them per area): the
 * share of successes and its Wilson interval on the effective sample size.
 * proportionEstimate is this, from the respondents' weights.
 */
export function shareEstimate(p: number, effectiveN: number, z: number = Z_95): { p: number; low: number; high: number } {
  const { low, high } = wilsonInterval(p * effectiveN, effectiveN, z);
  return { p, low, high };
}

/**
 * Compares two shares: b − a with Newcombe's hybrid score interval (method 10
 * in R. G. Newcombe, "Interval estimation for the difference between
 * independent proportions", Statistics in Medicine 17, 1998), and a pooled
 * two-proportion z-test, both on effective sample sizes. `z` sets the interval's
 * level only; `significant` is always the two-sided test at 5 %.
 *
 * Newcombe's interval is used rather than the Wald one because it keeps its
 * coverage for small samples and shares near 0 or 1. When both shares are 0
 * (or both 1) the pooled variance is 0: there is no evidence of a difference,
 * so the test reports z = 0, p = 1.
 */
export function twoProportionTest(a: ProportionSample, b: ProportionSample, z: number = Z_95): TwoProportionResult {
  for (const [name, s] of [['a', a], ['b', b]] as const) {
    if (!Number.isFinite(s.effectiveN) || s.effectiveN <= 0) {
      throw new RangeError(`twoProportionTest: ${name}.effectiveN must be positive, got ${String(s.effectiveN)}`);
    }
    if (!(s.p >= 0 && s.p <= 1)) throw new RangeError(`twoProportionTest: ${name}.p must be within 0..1, got ${String(s.p)}`);
  }
  const difference = b.p - a.p;
  const wa = wilsonInterval(a.p * a.effectiveN, a.effectiveN, z);
  const wb = wilsonInterval(b.p * b.effectiveN, b.effectiveN, z);
  // Each bound of the difference combines the two Wilson half-widths on the side it moves towards.
  const low = difference - Math.hypot(b.p - wb.low, wa.high - a.p);
  const high = difference + Math.hypot(wb.high - b.p, a.p - wa.low);

  const pooled = (a.p * a.effectiveN + b.p * b.effectiveN) / (a.effectiveN + b.effectiveN);
  if (pooled <= 0 || pooled >= 1) {
    return { difference, low, high, zStatistic: 0, pValue: 1, significant: false };
  }
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.effectiveN + 1 / b.effectiveN));
  const zStatistic = difference / se;
  // 2·Φ(−|z|) rather than 2·(1 − Φ(|z|)): no cancellation for small p-values.
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(zStatistic)));
  return { difference, low, high, zStatistic, pValue, significant: pValue < 0.05 };
}
