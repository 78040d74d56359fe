/**
 * The benchmark's growth mode (src/server/bench/growth.ts): `--sizes` is read
 * as whole numbers with k/M and `_`, ascending and without repeats, and the
 * table has a p50 / p99 column per size and the growth from the smallest
 * size to the largest.
 */
import { describe, expect, it } from 'vitest';
import { growth, growthTable, parseSizes } from '../../src/server/bench/growth.ts';

describe('parseSizes', () => {
  it('reads whole numbers, k and M, and digit separators, ascending without repeats', () => {
    expect(parseSizes('10000,100000,1000000')).toEqual([10_000, 100_000, 1_000_000]);
    expect(parseSizes('1M, 10k,100_000')).toEqual([10_000, 100_000, 1_000_000]);
    expect(parseSizes('5000,2000,5000,')).toEqual([2_000, 5_000]);
    expect(parseSizes('7')).toEqual([7]);
  });

  it('refuses what is not a whole number from 1 to 10 million', () => {
    for (const bad of ['', ',', '0', '-5', '1.5', '10x', 'abc', '1e6', '11M', '2000,,x']) expect(() => parseSizes(bad), bad).toThrow(/--sizes/);
  });
});

describe('growth', () => {
  it('is the ratio of the p50 at the largest measured size to the smallest, and its exponent', () => {
    const g = growth([10_000, 100_000, 1_000_000], [{ p50: 10, p99: 20 }, { p50: 15, p99: 30 }, { p50: 100, p99: 200 }]);
    expect(g?.ratio).toBeCloseTo(10);
    expect(g?.exponent).toBeCloseTo(0.5); // ×10 for ×100 the data
    expect(growth([1, 10], [{ p50: 4, p99: 4 }, { p50: 4, p99: 9 }])?.exponent).toBe(0);
  });

  it('skips sizes that were not measured, and is undefined with fewer than two', () => {
    expect(growth([10, 100, 1000], [undefined, { p50: 2, p99: 2 }, { p50: 20, p99: 20 }])?.exponent).toBeCloseTo(1);
    expect(growth([10, 100], [undefined, { p50: 2, p99: 2 }])).toBeUndefined();
    expect(growth([10], [{ p50: 2, p99: 2 }])).toBeUndefined();
  });
});

describe('growthTable', () => {
  it('has a column per size and a row per page and database', () => {
    const lines = growthTable(
      [2_000, 50_000],
      [
        { page: 'Front page `/`', database: 'SQLite', cells: [{ p50: 3.04, p99: 12.6 }, { p50: 3.5, p99: 140.2 }] },
        { page: 'Dashboard front', database: 'PostgreSQL', cells: [{ p50: 40, p99: 60, failed: true }, undefined] },
      ],
    );
    expect(lines).toEqual([
      '| page | database | 2,000: p50 / p99 ms | 50,000: p50 / p99 ms | p50 growth (largest ÷ smallest) | ≈ size^k |',
      '| --- | --- | --: | --: | --: | --: |',
      '| Front page `/` | SQLite | 3.0 / 13 | 3.5 / 140 | ×1.15 | k = 0.04 |',
      '| Dashboard front | PostgreSQL | 40 / 60 ⚠ | n/a | – | – |',
    ]);
  });
});
