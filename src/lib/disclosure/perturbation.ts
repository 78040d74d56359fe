/**
 * The cell key method (ABS TableBuilder; ONS, 2021 census): every record
 * carries a random key, a published cell's key is the sum of its records'
 * keys, and a fixed perturbation table turns (count, cell key) into the
 * published count. The same set of records therefore always shows the same
 * value, in every view, filter, export and release, so averaging many views
 * cannot wash the noise out; and a cell that differs from another by one
 * record has an unrelated key, so "this view minus that view" gives the
 * difference plus noise, never the difference.
 *
 * Record keys are integers in [1, 2³¹ − 1] (they fit a 32-bit signed column in
 * both databases); a cell key is the sum modulo 2³¹, read as a fraction of
 * 2³¹ in [0, 1). The sum of independent uniform keys modulo 2³¹ is uniform,
 * whatever the number of records.
 *
 * The perturbation table. Counts below K are never published (see
 * publishCount), so only rows at or above K are used; with K ≥ MAX_NOISE
 * every such row has the full symmetric range −D…D and they all share one
 * distribution: the maximum-entropy distribution on −D…D with mean 0 and
 * variance V, p(v) ∝ exp(−b·v²), which is what sdcTools/ptable builds for
 * rows far from zero. A perturbed count that lands below K is suppressed
 * as well, so a published count is never below K.
 */

/** Keys are in [1, KEY_RANGE). */
export const KEY_RANGE = 2 ** 31;

/** The published noise parameters (README "Privacy"). */
export interface NoiseParameters {
  /** Largest change of a count, D: noise lies in −D…D. */
  maxNoise: number;
  /** Variance V of the noise. */
  variance: number;
}

export const DEFAULT_NOISE: NoiseParameters = { maxNoise: 2, variance: 1 };

/** No noise: the structural rules alone (tests of suppression, and the noise's own tests). */
export const NO_NOISE: NoiseParameters = { maxNoise: 0, variance: 0 };

/** Adds record keys (or cell keys of disjoint cells) modulo 2³¹; a negative term subtracts (a part from its whole). */
export function addKeys(...keys: readonly number[]): number {
  return sumKeys(keys);
}

/**
 * addKeys over any number of keys: a cell's members' keys, however many.
 * (Spread into addKeys, an array is one call argument per key, and some
 * hundred thousand of them exceed the call stack: a wave of 500,000
 * responses did, measured.)
 */
export function sumKeys(keys: Iterable<number>): number {
  let sum = 0;
  for (const k of keys) sum = (((sum + k) % KEY_RANGE) + KEY_RANGE) % KEY_RANGE;
  return sum;
}

/** The probabilities of noise −D…D (index 0 is −D). */
export function noiseDistribution(params: NoiseParameters = DEFAULT_NOISE): number[] {
  const D = params.maxNoise;
  if (!Number.isInteger(D) || D < 0) throw new Error('maxNoise must be a whole number ≥ 0');
  if (D === 0) return [1];
  // The uniform distribution on −D…D has the largest variance, D(D+1)/3.
  const uniformVariance = (D * (D + 1)) / 3;
  if (!(params.variance > 0) || params.variance >= uniformVariance) {
    throw new Error(`variance must be in (0, ${uniformVariance}) for maxNoise ${D}`);
  }
  const values = Array.from({ length: 2 * D + 1 }, (_, i) => i - D);
  const distribution = (b: number): number[] => {
    const w = values.map((v) => Math.exp(-b * v * v));
    const total = w.reduce((s, x) => s + x, 0);
    return w.map((x) => x / total);
  };
  const varianceOf = (p: number[]): number => p.reduce((s, x, i) => s + x * values[i]! ** 2, 0);
  // Variance falls as b grows: bisect b in [0, hi].
  let lo = 0;
  let hi = 1;
  while (varianceOf(distribution(hi)) > params.variance) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (varianceOf(distribution(mid)) > params.variance) lo = mid;
    else hi = mid;
  }
  return distribution((lo + hi) / 2);
}

const cumulativeCache = new Map<string, number[]>();

function cumulative(params: NoiseParameters): number[] {
  const id = `${params.maxNoise}/${params.variance}`;
  let c = cumulativeCache.get(id);
  if (!c) {
    let s = 0;
    c = noiseDistribution(params).map((p) => (s += p));
    c[c.length - 1] = 1;
    cumulativeCache.set(id, c);
  }
  return c;
}

/** The noise the table gives a cell with this key: −D…D, a pure function of the key. */
export function noiseFor(cellKey: number, params: NoiseParameters = DEFAULT_NOISE): number {
  // A missing key would give every such cell the same noise, which a reader could subtract.
  if (!Number.isInteger(cellKey)) throw new TypeError(`noiseFor: a cell key must be a whole number, got ${String(cellKey)}`);
  const u = (((cellKey % KEY_RANGE) + KEY_RANGE) % KEY_RANGE) / KEY_RANGE;
  const c = cumulative(params);
  let i = 0;
  while (u >= c[i]!) i++;
  return i - params.maxNoise;
}

/**
 * The published value of a count: 0 as it is (it points at no one), nothing
 * for a count below K, otherwise the count plus its cell's noise, and
 * nothing when that lands below K. undefined means "too few to show".
 */
export function publishCount(n: number, cellKey: number, k: number, params: NoiseParameters = DEFAULT_NOISE): number | undefined {
  if (n === 0) return 0;
  if (n < k) return undefined;
  const shown = n + noiseFor(cellKey, params);
  return shown < k ? undefined : shown;
}
