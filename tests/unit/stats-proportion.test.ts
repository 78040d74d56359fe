import { describe, expect, it } from 'vitest';
import {
  proportionEstimate,
  shareEstimate,
  twoProportionTest,
  weightedProportion,
  wilsonInterval,
} from '../../src/lib/stats/proportion.ts';
import { kishDesignEffect } from '../../src/lib/stats/weights.ts';

// z = 1.959963984540054 throughout, so z² = 3.841458820694124.

describe('wilsonInterval', () => {
  it('a Wilson interval for 20 of 100 is 13.3 % to 28.9 %', () => {
    // p = 0.2; z²/n = 0.0384146; denominator = 1.0384146
    // centre = (0.2 + 0.0192073) / 1.0384146 = 0.2111040
    // half = (1.959964 / 1.0384146) · √(0.2·0.8/100 + 3.841459/40000)
    //      = 1.887458 · √(0.0016 + 0.0000960) = 1.887458 · 0.0411830 = 0.0777311
    // low = 0.1333669, high = 0.2888292
    const w = wilsonInterval(20, 100);
    expect(w.p).toBe(0.2);
    expect(w.low).toBeCloseTo(0.1333669, 6);
    expect(w.high).toBeCloseTo(0.2888292, 6);
  });

  it('0 of 10 gives 0 % to z²/(n + z²) = 27.8 %', () => {
    // p = 0: centre = half = (z²/2n)/(1 + z²/n), so low = 0 and high = z²/(n + z²) = 3.841459/13.841459 = 0.2775328.
    const w = wilsonInterval(0, 10);
    expect(w.low).toBe(0);
    expect(w.high).toBeCloseTo(0.2775328, 6);
  });

  it('10 of 10 gives n/(n + z²) = 72.2 % to 100 %', () => {
    // Mirror of 0 of 10: low = 10/13.841459 = 0.7224672, high = 1 exactly.
    const w = wilsonInterval(10, 10);
    expect(w.low).toBeCloseTo(0.7224672, 6);
    expect(w.high).toBe(1);
  });

  it('an effective sample size may be fractional: 0.5 of 2.5 gives the same as p = 0.2 on n = 2.5', () => {
    const w = wilsonInterval(0.5, 2.5);
    expect(w.p).toBeCloseTo(0.2, 15);
    expect(w.low).toBeGreaterThan(0);
    expect(w.high).toBeLessThan(1);
  });

  it('a wider z gives a wider interval', () => {
    const narrow = wilsonInterval(20, 100, 1.644853626951472);
    const wide = wilsonInterval(20, 100);
    expect(narrow.low).toBeGreaterThan(wide.low);
    expect(narrow.high).toBeLessThan(wide.high);
  });

  it('n = 0 or successes outside 0..n is refused with a RangeError', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(Number.NaN, 10)).toThrow(RangeError);
  });
});

describe('kishDesignEffect and weightedProportion', () => {
  it('weights 1, 1, 2, 2 have effective n 36/10 = 3.6 and design effect 4/3.6 = 1.111', () => {
    // Σw = 6, Σw² = 1 + 1 + 4 + 4 = 10; effN = 6²/10 = 3.6; deff = 4/3.6 = 1.1111.
    const k = kishDesignEffect([1, 1, 2, 2]);
    expect(k.effectiveN).toBeCloseTo(3.6, 12);
    expect(k.designEffect).toBeCloseTo(4 / 3.6, 12);
  });

  it('equal weights have design effect 1 and effective n = n', () => {
    const k = kishDesignEffect([0.7, 0.7, 0.7, 0.7, 0.7]);
    expect(k.designEffect).toBeCloseTo(1, 12);
    expect(k.effectiveN).toBeCloseTo(5, 12);
  });

  it('the weighted share of 1✓, 1✗, 2✓, 2✗ is (1 + 2)/6 = 0.5 with effective n 3.6', () => {
    const w = weightedProportion([
      { weight: 1, success: true },
      { weight: 1, success: false },
      { weight: 2, success: true },
      { weight: 2, success: false },
    ]);
    expect(w).toEqual({ p: 0.5, n: 4, effectiveN: expect.closeTo(3.6, 12), designEffect: expect.closeTo(4 / 3.6, 12) });
  });

  it('weights 1✓, 1✗, 2✗, 2✗ give p = 1/6, not the unweighted 1/4', () => {
    expect(weightedProportion([
      { weight: 1, success: true },
      { weight: 1, success: false },
      { weight: 2, success: false },
      { weight: 2, success: false },
    ]).p).toBeCloseTo(1 / 6, 15);
  });

  it('no values, negative weights or all-zero weights are refused with a RangeError', () => {
    expect(() => weightedProportion([])).toThrow(RangeError);
    expect(() => weightedProportion([{ weight: -1, success: true }])).toThrow(RangeError);
    expect(() => weightedProportion([{ weight: 0, success: true }])).toThrow(RangeError);
  });
});

describe('proportionEstimate', () => {
  it('the interval is the Wilson interval on the effective n, wider than on the raw n', () => {
    // 100 respondents, 50 with weight 1 and 50 with weight 3; successes: 20 of the weight-1 and 10 of the weight-3.
    // Σw = 200, success weight = 20 + 30 = 50, p = 0.25; Σw² = 50 + 450 = 500, effN = 40000/500 = 80, deff = 1.25.
    const values = [
      ...Array.from({ length: 50 }, (_, i) => ({ weight: 1, success: i < 20 })),
      ...Array.from({ length: 50 }, (_, i) => ({ weight: 3, success: i < 10 })),
    ];
    const e = proportionEstimate(values);
    expect(e.p).toBeCloseTo(0.25, 15);
    expect(e.n).toBe(100);
    expect(e.effectiveN).toBeCloseTo(80, 10);
    expect(e.designEffect).toBeCloseTo(1.25, 12);
    const onEffective = wilsonInterval(20, 80);
    expect(e.low).toBeCloseTo(onEffective.low, 12);
    expect(e.high).toBeCloseTo(onEffective.high, 12);
    const onRaw = wilsonInterval(25, 100);
    expect(e.high - e.low).toBeGreaterThan(onRaw.high - onRaw.low);
  });
});

describe('twoProportionTest', () => {
  it('40 of 200 against 30 of 200: pooled 0.175, z = −1.3159, two-sided p = 0.1882, not significant', () => {
    // pooled = (40 + 30)/400 = 0.175
    // se = √(0.175 · 0.825 · (1/200 + 1/200)) = √(0.144375 · 0.01) = √0.00144375 = 0.0379967
    // z = (0.15 − 0.20)/0.0379967 = −1.315903
    // p = 2 · Φ(−1.315903) = 2 · 0.0941032 = 0.1882065
    const t = twoProportionTest({ p: 0.2, effectiveN: 200 }, { p: 0.15, effectiveN: 200 });
    expect(t.difference).toBeCloseTo(-0.05, 15);
    expect(t.zStatistic).toBeCloseTo(-1.315903, 6);
    expect(t.pValue).toBeCloseTo(0.1882, 4);
    expect(t.significant).toBe(false);
    // Newcombe from the Wilson intervals 40/200 = (0.150452, 0.260855) and 30/200 = (0.107136, 0.206056):
    // low  = −0.05 − √((0.15 − 0.107136)² + (0.260855 − 0.2)²) = −0.05 − √(0.0018373 + 0.0037034) = −0.124436
    // high = −0.05 + √((0.206056 − 0.15)² + (0.2 − 0.150452)²) = −0.05 + √(0.0031422 + 0.0024550) = 0.024815
    expect(t.low).toBeCloseTo(-0.124436, 5);
    expect(t.high).toBeCloseTo(0.024815, 5);
  });

  it('Newcombe 1998 (Table II, method 10): 56/70 against 48/80 differ by 0.2 with interval 0.0524 to 0.3339', () => {
    const t = twoProportionTest({ p: 48 / 80, effectiveN: 80 }, { p: 56 / 70, effectiveN: 70 });
    expect(t.difference).toBeCloseTo(0.2, 12);
    expect(t.low).toBeCloseTo(0.0524, 4);
    expect(t.high).toBeCloseTo(0.3339, 4);
    // Pooled (48 + 56)/150 = 0.693333; se = √(0.693333 · 0.306667 · (1/80 + 1/70)) = √(0.212622 · 0.0267857) = 0.0754668;
    // z = 0.2/0.0754668 = 2.650172, p = 2 · Φ(−2.650172) = 0.008045.
    expect(t.zStatistic).toBeCloseTo(2.650172, 5);
    expect(t.pValue).toBeCloseTo(0.008045, 5);
    expect(t.significant).toBe(true);
  });

  it('swapping the groups negates the difference and mirrors the interval', () => {
    const ab = twoProportionTest({ p: 48 / 80, effectiveN: 80 }, { p: 56 / 70, effectiveN: 70 });
    const ba = twoProportionTest({ p: 56 / 70, effectiveN: 70 }, { p: 48 / 80, effectiveN: 80 });
    expect(ba.difference).toBeCloseTo(-ab.difference, 15);
    expect(ba.low).toBeCloseTo(-ab.high, 15);
    expect(ba.high).toBeCloseTo(-ab.low, 15);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 15);
  });

  it('both shares 0 (or both 1) is no difference: z = 0, p = 1, not significant, and a finite interval around 0', () => {
    for (const p of [0, 1]) {
      const t = twoProportionTest({ p, effectiveN: 12 }, { p, effectiveN: 30 });
      expect(t).toMatchObject({ difference: 0, zStatistic: 0, pValue: 1, significant: false });
      expect(t.low).toBeLessThan(0);
      expect(t.high).toBeGreaterThan(0);
    }
  });

  it('a very large difference gets a tiny but non-zero p-value', () => {
    const t = twoProportionTest({ p: 0.1, effectiveN: 1000 }, { p: 0.5, effectiveN: 1000 });
    expect(t.pValue).toBeGreaterThan(0);
    expect(t.pValue).toBeLessThan(1e-50);
    expect(t.significant).toBe(true);
  });

  it('an effective n of 0 or a share outside 0..1 is refused with a RangeError', () => {
    expect(() => twoProportionTest({ p: 0.2, effectiveN: 0 }, { p: 0.1, effectiveN: 10 })).toThrow(RangeError);
    expect(() => twoProportionTest({ p: 1.2, effectiveN: 10 }, { p: 0.1, effectiveN: 10 })).toThrow(RangeError);
  });
});

describe('one share estimator', () => {
  it('the wave analysis (shareEstimate from weighted sums) and the goal indicators (proportionEstimate from respondents) give the same figures', () => {
    const values = [0.4, 1.7, 1, 2.2, 0.9, 1.3, 0.6, 1.1].map((weight, i) => ({ weight, success: i % 3 === 0 }));
    const full = proportionEstimate(values);
    const total = values.reduce((s, v) => s + v.weight, 0);
    const successWeight = values.filter((v) => v.success).reduce((s, v) => s + v.weight, 0);
    const fromSums = shareEstimate(successWeight / total, full.effectiveN);
    expect(fromSums.p).toBeCloseTo(full.p, 15);
    expect(fromSums.low).toBeCloseTo(full.low, 15);
    expect(fromSums.high).toBeCloseTo(full.high, 15);
  });
});
