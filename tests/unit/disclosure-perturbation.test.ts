/**
 * The cell key method's own rules (src/lib/disclosure/perturbation.ts): the
 * perturbation table, the lookup, and what a published count may be.
 */
import { describe, expect, it } from 'vitest';
import { addKeys, DEFAULT_NOISE, KEY_RANGE, noiseDistribution, noiseFor, NO_NOISE, publishCount, sumKeys, suppressRow } from '../../src/lib/disclosure/index.ts';

/** A seeded generator (mulberry32), so the datasets are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const keyFrom = (random: () => number): number => 1 + Math.floor(random() * (KEY_RANGE - 1));

describe('the perturbation table', () => {
  it('is a distribution on −D…D with mean 0 and the stated variance', () => {
    for (const params of [DEFAULT_NOISE, { maxNoise: 3, variance: 2 }, { maxNoise: 1, variance: 0.4 }]) {
      const p = noiseDistribution(params);
      const values = p.map((_, i) => i - params.maxNoise);
      expect(p).toHaveLength(2 * params.maxNoise + 1);
      expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      expect(p.reduce((s, x, i) => s + x * values[i]!, 0)).toBeCloseTo(0, 12);
      expect(p.reduce((s, x, i) => s + x * values[i]! ** 2, 0)).toBeCloseTo(params.variance, 9);
      // Maximum entropy under those constraints: symmetric and falling away from 0.
      for (let i = 0; i < params.maxNoise; i++) {
        expect(p[i]).toBeCloseTo(p[p.length - 1 - i]!, 12);
        expect(p[i]!).toBeLessThan(p[i + 1]!);
      }
    }
  });

  it('refuses a variance the range cannot carry', () => {
    expect(() => noiseDistribution({ maxNoise: 2, variance: 2 })).toThrow(/variance/);
    expect(() => noiseDistribution({ maxNoise: 2, variance: 0 })).toThrow(/variance/);
    expect(noiseDistribution(NO_NOISE)).toEqual([1]);
  });

  it('turns cell keys into noise with the table’s frequencies', () => {
    const random = rng(1);
    const seen = new Map<number, number>();
    const N = 200_000;
    for (let i = 0; i < N; i++) {
      const v = noiseFor(keyFrom(random));
      seen.set(v, (seen.get(v) ?? 0) + 1);
    }
    const p = noiseDistribution(DEFAULT_NOISE);
    p.forEach((expected, i) => expect(Math.abs((seen.get(i - DEFAULT_NOISE.maxNoise) ?? 0) / N - expected)).toBeLessThan(0.005));
  });
});

describe('publishCount', () => {
  it('shows a zero as zero, hides counts below K, and never shows a count below K', () => {
    const random = rng(2);
    for (let n = 0; n < 60; n++) {
      for (let j = 0; j < 200; j++) {
        const shown = publishCount(n, keyFrom(random), 5);
        if (n === 0) expect(shown).toBe(0);
        else if (n < 5) expect(shown).toBeUndefined();
        else if (shown !== undefined) {
          expect(shown).toBeGreaterThanOrEqual(5);
          expect(Math.abs(shown - n)).toBeLessThanOrEqual(DEFAULT_NOISE.maxNoise);
        }
      }
    }
  });

  it('gives the same records the same published count, whatever order they are added in', () => {
    const random = rng(3);
    const keys = Array.from({ length: 40 }, () => keyFrom(random));
    const forwards = addKeys(...keys);
    const backwards = addKeys(...[...keys].reverse());
    expect(forwards).toBe(backwards);
    expect(publishCount(40, forwards, 5)).toBe(publishCount(40, backwards, 5));
  });

  it('gives a cell that differs by one record an unrelated noise (a difference of two views is not the difference of the counts)', () => {
    const random = rng(4);
    const differences = new Map<number, number>();
    for (let trial = 0; trial < 2000; trial++) {
      const keys = Array.from({ length: 20 }, () => keyFrom(random));
      const before = publishCount(19, addKeys(...keys.slice(1)), 5)!;
      const after = publishCount(20, addKeys(...keys), 5)!;
      differences.set(after - before, (differences.get(after - before) ?? 0) + 1);
    }
    // The true difference is 1; the published one is spread over −3…5.
    expect(differences.get(1)! / 2000).toBeLessThan(0.35);
    expect([...differences.keys()].filter((d) => (differences.get(d) ?? 0) > 20).length).toBeGreaterThanOrEqual(5);
  });

  it('cannot be averaged away: asking for the same cell again gives the same value', () => {
    const key = keyFrom(rng(5));
    const answers = new Set(Array.from({ length: 100 }, () => publishCount(17, key, 5)));
    expect(answers.size).toBe(1);
  });
});

describe('estimates from published counts stay within the stated bounds', () => {
  it('a published count is within D of the truth, and a share from published counts within D/n of the true share', () => {
    const random = rng(6);
    for (let trial = 0; trial < 5000; trial++) {
      const n = 50 + Math.floor(random() * 400);
      const x = 5 + Math.floor(random() * (n - 10));
      const ksum = Array.from({ length: 3 }, () => keyFrom(random));
      const shownX = publishCount(x, ksum[0]!, 5);
      const shownN = publishCount(n, ksum[1]!, 5)!;
      expect(Math.abs(shownN - n)).toBeLessThanOrEqual(2);
      if (shownX !== undefined) {
        expect(Math.abs(shownX - x)).toBeLessThanOrEqual(2);
        // |x̃/ñ − x/n| ≤ (|x̃−x| + (x/n)|ñ−n|)/ñ ≤ 2·D/ñ
        expect(Math.abs(shownX / shownN - x / n)).toBeLessThanOrEqual((2 * DEFAULT_NOISE.maxNoise) / shownN + 1e-12);
      }
    }
  });

  it('noise has mean zero: totals of many published counts are unbiased', () => {
    const random = rng(7);
    let error = 0;
    const N = 20_000;
    for (let i = 0; i < N; i++) {
      const n = 5 + Math.floor(random() * 100);
      error += publishCount(n, keyFrom(random), 0)! - n;
    }
    expect(Math.abs(error / N)).toBeLessThan(0.03);
  });

  it('suppression without noise is the structural rule alone (the tests of suppression.ts use it)', () => {
    const row = suppressRow([{ key: 'a', n: 10, ck: 123 }, { key: 'b', n: 7, ck: 456 }], 5, NO_NOISE);
    expect(row.cells).toEqual([{ key: 'a', suppressed: false, n: 10 }, { key: 'b', suppressed: false, n: 7 }]);
    expect(row.total).toEqual({ suppressed: false, n: 17 });
  });
});

describe('the cell key of a large cell', () => {
  it('sums any number of record keys modulo 2³¹, as addKeys does for a few', () => {
    expect(sumKeys([5, KEY_RANGE - 2, 7])).toBe(addKeys(5, KEY_RANGE - 2, 7));
    expect(sumKeys(new Set([3, -1]))).toBe(2);
    // A wave of 500,000 responses: one call argument per key would exceed the call stack.
    const keys = Array.from({ length: 1_000_000 }, (_, i) => i + 1);
    expect(sumKeys(keys)).toBe(Number((1_000_000n * 1_000_001n) / 2n % BigInt(KEY_RANGE)));
  });
});
