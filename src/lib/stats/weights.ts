/**
 * Kish's design effect of unequal weights: how much the spread of survey
 * weights shrinks the information in a sample, so that intervals and tests
 * can be computed on the effective sample size rather than the raw count.
 */

export interface KishSummary {
  /** n · Σw² / (Σw)²: 1 for equal weights, larger the more unequal they are. */
  designEffect: number;
  /** (Σw)² / Σw²: the size of a simple random sample carrying the same information. */
  effectiveN: number;
}

/**
 * Kish's design effect and effective sample size for a set of weights.
 * Throws a RangeError for no weights, a negative or non-finite weight, or all
 * weights zero: there is no sample to describe then.
 */
export function kishDesignEffect(weights: readonly number[]): KishSummary {
  if (weights.length === 0) throw new RangeError('kishDesignEffect: no weights');
  let sum = 0;
  let sumSquares = 0;
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`kishDesignEffect: invalid weight ${String(w)}`);
    sum += w;
    sumSquares += w * w;
  }
  if (sum === 0) throw new RangeError('kishDesignEffect: all weights are zero');
  const effectiveN = (sum * sum) / sumSquares;
  return { designEffect: weights.length / effectiveN, effectiveN };
}
