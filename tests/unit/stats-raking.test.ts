import { describe, expect, it } from 'vitest';
import { rake, type Margin, type RakingRespondent } from '../../src/lib/stats/raking.ts';
import { kishDesignEffect } from '../../src/lib/stats/weights.ts';

/** `count` respondents with the same answers, numbered on from `start`. */
function group(start: number, count: number, values: Record<string, string | null>): RakingRespondent<number>[] {
  return Array.from({ length: count }, (_, i) => ({ id: start + i, values }));
}

/** The weighted share of each category among those who answered the variable. */
function weightedShares(respondents: readonly RakingRespondent<number>[], weights: Map<number, number>, variable: string): Record<string, number> {
  const sums: Record<string, number> = {};
  let total = 0;
  for (const r of respondents) {
    const v = r.values[variable];
    if (v === null || v === undefined) continue;
    const w = weights.get(r.id)!;
    sums[v] = (sums[v] ?? 0) + w;
    total += w;
  }
  return Object.fromEntries(Object.entries(sums).map(([k, s]) => [k, s / total]));
}

const mean = (weights: Map<number, number>): number => [...weights.values()].reduce((s, w) => s + w, 0) / weights.size;

// The 2×2 sample: 30 young women, 20 young men, 10 old women, 40 old men (100 in all, half young, 40 % women).
const sample2x2 = [
  ...group(0, 30, { age: 'young', gender: 'f' }),
  ...group(30, 20, { age: 'young', gender: 'm' }),
  ...group(50, 10, { age: 'old', gender: 'f' }),
  ...group(60, 40, { age: 'old', gender: 'm' }),
];
// Population: 40 % young, half women. Counts, not shares, to show margins are normalised.
const margins2x2: Margin[] = [
  { variable: 'age', targets: { young: 40_000, old: 60_000 } },
  { variable: 'gender', targets: { f: 0.5, m: 0.5 } },
];

describe('rake on a 2×2 sample (age × gender)', () => {
  it('one IPF round gives the hand-calculated weights 10/9, 5/8, 5/3, 15/16', () => {
    // Age step: young weigh 50 (share 0.5) against 40 → ×0.8; old weigh 50 against 60 → ×1.2.
    //   young f 0.8 (total 24), young m 0.8 (16), old f 1.2 (12), old m 1.2 (48).
    // Gender step: women weigh 24 + 12 = 36 against 50 → ×50/36; men 16 + 48 = 64 against 50 → ×50/64.
    //   young f 0.8·50/36 = 10/9, young m 0.8·50/64 = 5/8, old f 1.2·50/36 = 5/3, old m 1.2·50/64 = 15/16.
    // Total 30·10/9 + 20·5/8 + 10·5/3 + 40·15/16 = 33.33 + 12.5 + 16.67 + 37.5 = 100: mean already 1.
    // Age is off again (young 45.83 %), so one round has not converged.
    const result = rake(sample2x2, margins2x2, { maxIterations: 1 });
    if (!result.ok) throw new Error('expected ok');
    expect(result.iterations).toBe(1);
    expect(result.converged).toBe(false);
    expect(result.weights.get(0)).toBeCloseTo(10 / 9, 12);
    expect(result.weights.get(30)).toBeCloseTo(5 / 8, 12);
    expect(result.weights.get(50)).toBeCloseTo(5 / 3, 12);
    expect(result.weights.get(60)).toBeCloseTo(15 / 16, 12);
    expect(weightedShares(sample2x2, result.weights, 'age')['young']).toBeCloseTo(45.8333 / 100, 6);
  });

  it('raking converges to the closed-form weights 1, ½, 2, 1 (design effect 1.15)', () => {
    // IPF keeps the sample's odds ratio: cell totals t (young f), 40 − t, 50 − t, 10 + t with
    // t(10 + t) / ((40 − t)(50 − t)) = (30·40)/(20·10) = 6  ⇒  t² − 110t + 2400 = 0  ⇒  t = 30.
    // Cell totals 30, 10, 20, 40 over 30, 20, 10, 40 respondents: weights 1, 0.5, 2, 1.
    // Σw = 100, Σw² = 30 + 20·0.25 + 10·4 + 40 = 115: effN = 100²/115 = 86.957, deff = 1.15.
    const result = rake(sample2x2, margins2x2, { tolerance: 1e-12 });
    if (!result.ok) throw new Error('expected ok');
    expect(result.converged).toBe(true);
    expect(result.weights.get(0)).toBeCloseTo(1, 9);
    expect(result.weights.get(30)).toBeCloseTo(0.5, 9);
    expect(result.weights.get(50)).toBeCloseTo(2, 9);
    expect(result.weights.get(60)).toBeCloseTo(1, 9);
    expect(result.designEffect).toBeCloseTo(1.15, 9);
    expect(result.effectiveN).toBeCloseTo(10_000 / 115, 6);
  });

  it('with default options the weighted margins match the targets within 1e-6 and the weights have mean 1', () => {
    const result = rake(sample2x2, margins2x2);
    if (!result.ok) throw new Error('expected ok');
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThan(50);
    const age = weightedShares(sample2x2, result.weights, 'age');
    const gender = weightedShares(sample2x2, result.weights, 'gender');
    expect(Math.abs(age['young']! - 0.4)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(age['old']! - 0.6)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(gender['f']! - 0.5)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(gender['m']! - 0.5)).toBeLessThanOrEqual(1e-6);
    expect(mean(result.weights)).toBeCloseTo(1, 12);
    expect(result.weights.size).toBe(100);
  });

  it('the reported design effect is Kish’s of the returned weights', () => {
    const result = rake(sample2x2, margins2x2);
    if (!result.ok) throw new Error('expected ok');
    const k = kishDesignEffect([...result.weights.values()]);
    expect(result.designEffect).toBeCloseTo(k.designEffect, 12);
    expect(result.effectiveN).toBeCloseTo(k.effectiveN, 9);
  });

  it('a sample that already matches the margins converges in one round with all weights 1', () => {
    const balanced = [
      ...group(0, 20, { age: 'young', gender: 'f' }),
      ...group(20, 20, { age: 'young', gender: 'm' }),
      ...group(40, 30, { age: 'old', gender: 'f' }),
      ...group(70, 30, { age: 'old', gender: 'm' }),
    ];
    const result = rake(balanced, margins2x2);
    if (!result.ok) throw new Error('expected ok');
    expect(result).toMatchObject({ iterations: 1, converged: true });
    for (const w of result.weights.values()) expect(w).toBeCloseTo(1, 12);
    expect(result.designEffect).toBeCloseTo(1, 12);
  });
});

describe('rake convergence on three variables', () => {
  it('an uneven sample of 300 over age × gender × district converges and meets every margin within 1e-6', () => {
    // A fixed pseudo-random sequence (mulberry32) makes an uneven but reproducible sample.
    let seed = 12345;
    const next = (k: number): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
    };
    const ages = ['18-29', '30-44', '45-64', '65+'];
    const districts = ['Indre By', 'Nørrebro', 'Vesterbro', 'Amager', 'Valby'];
    const respondents: RakingRespondent<number>[] = Array.from({ length: 300 }, (_, id) => ({
      id,
      values: {
        // The smaller of two draws skews the sample towards the first categories.
        age: ages[Math.min(next(4), next(4))]!,
        gender: next(3) === 0 ? 'm' : 'f',
        district: districts[Math.min(next(5), next(5))]!,
      },
    }));
    const margins: Margin[] = [
      { variable: 'age', targets: { '18-29': 0.3, '30-44': 0.28, '45-64': 0.25, '65+': 0.17 } },
      { variable: 'gender', targets: { f: 0.505, m: 0.495 } },
      { variable: 'district', targets: { 'Indre By': 57, Nørrebro: 80, Vesterbro: 77, Amager: 110, Valby: 62 } },
    ];
    const result = rake(respondents, margins);
    if (!result.ok) throw new Error('expected ok');
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeGreaterThan(1);
    expect(result.iterations).toBeLessThan(50);
    for (const margin of margins) {
      const total = Object.values(margin.targets).reduce((s, t) => s + t, 0);
      const shares = weightedShares(respondents, result.weights, margin.variable);
      for (const [category, target] of Object.entries(margin.targets)) {
        expect(Math.abs(shares[category]! - target / total)).toBeLessThanOrEqual(1e-6);
      }
    }
    expect(mean(result.weights)).toBeCloseTo(1, 12);
    expect(result.designEffect).toBeGreaterThan(1);
  });
});

describe('rake with missing answers', () => {
  it('respondents who did not give their gender keep their weight in the gender step', () => {
    // Three women, one man, one without gender; target half women.
    // Gender step among the 4 who answered (total 4): women 3 against 2 → ×2/3; the man 1 against 2 → ×2.
    // Weights 2/3, 2/3, 2/3, 2, and 1 for the one who did not say; total 5, mean 1 already.
    const respondents = [
      ...group(0, 3, { gender: 'f' }),
      ...group(3, 1, { gender: 'm' }),
      ...group(4, 1, { gender: null }),
    ];
    const result = rake(respondents, [{ variable: 'gender', targets: { f: 1, m: 1 } }]);
    if (!result.ok) throw new Error('expected ok');
    expect(result).toMatchObject({ iterations: 1, converged: true });
    expect(result.weights.get(0)).toBeCloseTo(2 / 3, 12);
    expect(result.weights.get(3)).toBeCloseTo(2, 12);
    expect(result.weights.get(4)).toBeCloseTo(1, 12);
  });

  it('with missing answers on two variables each margin is met among those who answered it', () => {
    const respondents = [
      ...sample2x2,
      ...group(100, 15, { age: 'young', gender: null }),
      ...group(115, 5, { age: null, gender: 'f' }),
      ...group(120, 5, { age: null, gender: null }),
      // A variable missing from `values` counts as not answered, like null.
      ...group(125, 5, {}),
    ];
    const result = rake(respondents, margins2x2);
    if (!result.ok) throw new Error('expected ok');
    expect(result.converged).toBe(true);
    const age = weightedShares(respondents, result.weights, 'age');
    const gender = weightedShares(respondents, result.weights, 'gender');
    expect(Math.abs(age['young']! - 0.4)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(gender['f']! - 0.5)).toBeLessThanOrEqual(1e-6);
    // Nobody adjusts those who answered neither; only normalisation to mean 1 moves them, and all get the same.
    expect(result.weights.get(120)).toBeCloseTo(result.weights.get(125)!, 12);
    expect(mean(result.weights)).toBeCloseTo(1, 12);
  });
});

describe('rake with categories that cannot be fitted', () => {
  it('a target above 0 with no respondents is ok: false, empty_category, naming the variable and category', () => {
    const respondents = group(0, 10, { age: 'young', gender: 'f' }).concat(group(10, 10, { age: 'young', gender: 'm' }));
    expect(rake(respondents, margins2x2)).toEqual({ ok: false, reason: 'empty_category', variable: 'age', category: 'old' });
  });

  it('respondents in a category with target 0 is ok: false, empty_category', () => {
    const margins: Margin[] = [{ variable: 'gender', targets: { f: 0.5, m: 0.5, x: 0 } }];
    const respondents = [...group(0, 3, { gender: 'f' }), ...group(3, 3, { gender: 'm' }), ...group(6, 1, { gender: 'x' })];
    expect(rake(respondents, margins)).toEqual({ ok: false, reason: 'empty_category', variable: 'gender', category: 'x' });
  });

  it('a target of 0 with nobody in it is fine', () => {
    const margins: Margin[] = [{ variable: 'gender', targets: { f: 0.5, m: 0.5, x: 0 } }];
    const result = rake([...group(0, 3, { gender: 'f' }), ...group(3, 1, { gender: 'm' })], margins);
    expect(result.ok).toBe(true);
  });

  it('an answer the margin does not list is ok: false, unknown_category', () => {
    const respondents = [...sample2x2, ...group(100, 1, { age: 'middle', gender: 'f' })];
    expect(rake(respondents, margins2x2)).toEqual({ ok: false, reason: 'unknown_category', variable: 'age', category: 'middle' });
  });

  it('misuse (no respondents, duplicate ids, negative or all-zero targets, bad options) throws a RangeError', () => {
    expect(() => rake([], margins2x2)).toThrow(RangeError);
    expect(() => rake([...group(0, 2, { age: 'young' }), ...group(1, 1, { age: 'old' })], margins2x2)).toThrow(RangeError);
    expect(() => rake(sample2x2, [{ variable: 'age', targets: { young: -1, old: 2 } }])).toThrow(RangeError);
    expect(() => rake(sample2x2, [{ variable: 'age', targets: { young: 0, old: 0 } }])).toThrow(RangeError);
    expect(() => rake(sample2x2, margins2x2, { maxIterations: 0 })).toThrow(RangeError);
    expect(() => rake(sample2x2, margins2x2, { tolerance: 0 })).toThrow(RangeError);
    expect(() => rake(sample2x2, margins2x2, { trim: { min: 1.5, max: 5 } })).toThrow(RangeError);
  });
});

describe('rake with trimming', () => {
  it('trimming keeps every weight within its bounds with mean 1: 90 young and 10 old raked to 50/50, capped at 2', () => {
    // Raking alone: young ×50/90 = 5/9, old ×50/10 = 5.
    // Trimming to [0.2, 2] at mean 1: scale s with the old capped: 90·(5/9)·s + 10·2 = 100 ⇒ 50s = 80 ⇒ s = 1.6.
    // Young 5/9·1.6 = 8/9 = 0.8889, old 2. The next round rakes back to 5/9 and 5 and trims to the same again,
    // so the margin stays at 80 % young and raking reports that it did not converge.
    const respondents = [...group(0, 90, { age: 'young' }), ...group(90, 10, { age: 'old' })];
    const result = rake(respondents, [{ variable: 'age', targets: { young: 1, old: 1 } }], { trim: { min: 0.2, max: 2 } });
    if (!result.ok) throw new Error('expected ok');
    expect(result).toMatchObject({ iterations: 50, converged: false });
    expect(result.weights.get(0)).toBeCloseTo(8 / 9, 12);
    expect(result.weights.get(90)).toBe(2);
    for (const w of result.weights.values()) {
      expect(w).toBeGreaterThanOrEqual(0.2);
      expect(w).toBeLessThanOrEqual(2);
    }
    expect(mean(result.weights)).toBeCloseTo(1, 12);
  });

  it('the lower bound holds too: 10 young and 90 old raked to 90/10 with weights at least 0.5', () => {
    // Raking alone: young ×90/10 = 9, old ×10/90 = 1/9.
    // With bounds [0.5, 5]: both ends clip, young 5 (total 50) and old 0.5 (total 45), mean 0.95 < 1, so the scale
    // must bring the old up off the floor: 50 + 90·(1/9)·s = 100 ⇒ 10s = 50 ⇒ s = 5, old 5/9 = 0.5556, young 9·5 → 5.
    const respondents = [...group(0, 10, { age: 'young' }), ...group(10, 90, { age: 'old' })];
    const result = rake(respondents, [{ variable: 'age', targets: { young: 9, old: 1 } }], { trim: { min: 0.5, max: 5 } });
    if (!result.ok) throw new Error('expected ok');
    expect(result.weights.get(0)).toBe(5);
    expect(result.weights.get(10)).toBeCloseTo(5 / 9, 12);
    expect(mean(result.weights)).toBeCloseTo(1, 12);
    expect(result.converged).toBe(false);
  });

  it('bounds that do not bind leave the raked weights as they are', () => {
    const plain = rake(sample2x2, margins2x2);
    const trimmed = rake(sample2x2, margins2x2, { trim: { min: 0.2, max: 5 } });
    if (!plain.ok || !trimmed.ok) throw new Error('expected ok');
    expect(trimmed.converged).toBe(true);
    for (const [id, w] of plain.weights) expect(trimmed.weights.get(id)).toBeCloseTo(w, 12);
  });
});
