/**
 * Verdicts a steering group can read without over-reading them: whether a
 * goal's target is met, and whether its indicator has changed since the
 * baseline, each in three states, with the uncertainty deciding which.
 *
 * Target ("mål nået / ikke nået / endnu uklart"): decided by the 95 % interval
 * of the latest share against the target. Met when the whole interval lies on
 * the goal's side of the target (at or below it for a goal to decrease), not
 * met when the whole interval lies on the wrong side, and not yet clear when
 * the interval contains the target: the data cannot tell then, whatever side
 * the point estimate falls on.
 *
 * Change ("bedre / værre / ingen klar ændring"): decided by the two-sided
 * test of latest against baseline after Holm's adjustment over the goals
 * measured in the same wave (Holm 1979, "A simple sequentially rejective
 * multiple test procedure"). Improved or worsened when the adjusted p-value
 * is below 5 %, in the direction of the difference; otherwise no clear change.
 */

export type GoalDirection = 'decrease' | 'increase';
export type TargetVerdict = 'met' | 'not_met' | 'unclear';
export type ChangeVerdict = 'improved' | 'worsened' | 'no_clear_change';

/** The level the verdicts use: 5 % two-sided, i.e. 95 % intervals. */
export const ALPHA = 0.05;

/** Met / not met / not yet clear, from the latest share's 95 % interval and the target. */
export function targetVerdict(interval: { low: number; high: number }, target: number, direction: GoalDirection): TargetVerdict {
  const { low, high } = interval;
  if (!(low <= high)) throw new RangeError(`targetVerdict: low must not exceed high, got ${String(low)} and ${String(high)}`);
  if (!Number.isFinite(target)) throw new RangeError(`targetVerdict: target must be finite, got ${String(target)}`);
  if (direction === 'decrease') {
    if (high <= target) return 'met';
    if (low > target) return 'not_met';
    return 'unclear';
  }
  if (low >= target) return 'met';
  if (high < target) return 'not_met';
  return 'unclear';
}

/** Improved / worsened / no clear change, from the difference (latest − baseline) and its Holm-adjusted p-value. */
export function changeVerdict(difference: number, adjustedP: number, direction: GoalDirection): ChangeVerdict {
  if (!(adjustedP >= 0 && adjustedP <= 1)) throw new RangeError(`changeVerdict: p must be within 0..1, got ${String(adjustedP)}`);
  if (adjustedP >= ALPHA || difference === 0) return 'no_clear_change';
  const fell = difference < 0;
  return fell === (direction === 'decrease') ? 'improved' : 'worsened';
}

/**
 * Holm's step-down adjustment: sort the m p-values ascending, multiply the
 * i-th smallest (i from 0) by m − i, carry the running maximum upwards and
 * cap at 1. Returned in the input's order. Rejecting where the adjusted value
 * is below α controls the family-wise error rate at α, with no assumption
 * about how the tests depend on each other (they share respondents here).
 * Ties keep their input order, which does not change the result.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  for (const p of pValues) if (!(p >= 0 && p <= 1)) throw new RangeError(`holmAdjust: p-values must be within 0..1, got ${String(p)}`);
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}
