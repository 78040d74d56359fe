import { describe, expect, it } from 'vitest';
import { NO_NOISE, releaseFilteredCounts, suppressAreaTotals, type AreaCount, type FilterDimension } from '../../src/lib/disclosure/index.ts';

// These are tests of the structural rules: the noise (perturbation.ts) is off, and every cell key is 0.

/** What an observer can work out: an area total minus the shown cells of that area. */
function recoverable(area: AreaCount, shownCellsInArea: number, k: number): number | undefined {
  const [result] = suppressAreaTotals([area, { key: 'other', n: 50, ck: 0, hidden: 0 }], k, NO_NOISE);
  return result!.suppressed ? undefined : result!.n - shownCellsInArea;
}

describe('suppressAreaTotals', () => {
  it('an area total is hidden when all but one cell are shown: the hidden cell cannot be recovered', () => {
    // Area with cells 10, 8 (shown) and 3 (hidden): total 21 would reveal 3.
    expect(recoverable({ key: 'a', n: 21, ck: 0, hidden: 3 }, 18, 5)).toBeUndefined();
  });

  it('an area total is hidden when several small hidden cells add up to fewer than K', () => {
    // Cells 10 (shown), 2 and 2 (hidden): 14 − 10 = 4 would be a small count.
    expect(recoverable({ key: 'a', n: 14, ck: 0, hidden: 4 }, 10, 5)).toBeUndefined();
  });

  it('an area total is shown when nothing is hidden in it', () => {
    expect(recoverable({ key: 'a', n: 18, ck: 0, hidden: 0 }, 18, 5)).toBe(0);
  });

  it('an area total is shown when its hidden cells together reach K (no single small count comes out)', () => {
    // Cells 10 (shown), 3 and 4 (hidden): 7 is the sum of two cells, each below K.
    expect(recoverable({ key: 'a', n: 17, ck: 0, hidden: 7 }, 10, 5)).toBe(7);
  });

  it('an area total below K is "too few" even with nothing hidden', () => {
    const [a] = suppressAreaTotals(
      [
        { key: 'a', n: 0, ck: 0, hidden: 0 },
        { key: 'b', n: 3, ck: 0, hidden: 3 },
        { key: 'c', n: 40, ck: 0, hidden: 0 },
      ],
      5,
      NO_NOISE,
    ).slice(1);
    expect(a).toEqual({ key: 'b', suppressed: true });
  });

  it('no shown area total minus its shown cells is ever between 1 and K−1 (exhaustive small cases)', () => {
    const k = 5;
    for (let shownSum = 0; shownSum <= 20; shownSum += 5) {
      for (let hidden = 0; hidden <= 12; hidden++) {
        const r = recoverable({ key: 'a', n: shownSum + hidden, ck: 0, hidden }, shownSum, k);
        if (r !== undefined) expect(r === 0 || r >= k).toBe(true);
      }
    }
  });
});

describe('releaseFilteredCounts', () => {
  interface R {
    cell: string;
    category: string;
    year: string;
    who: string;
  }
  const records = (spec: [string, string, string, string, number][]): R[] =>
    spec.flatMap(([cell, category, year, who, n]) => Array.from({ length: n }, () => ({ cell, category, year, who })));
  const dims = (rs: R[]): FilterDimension<R>[] => [
    { name: 'category', values: [...new Set(rs.map((r) => r.category))], of: (r) => r.category },
    { name: 'year', values: ['2025', '2026'], of: (r) => r.year },
    { name: 'who', values: ['resident', 'business'], of: (r) => r.who },
  ];
  const K = 5;

  /** Every figure a reader can see for one cell, by filter. */
  function published(rs: R[], cell: string) {
    const release = releaseFilteredCounts(rs, (r) => r.cell, () => 0, dims(rs), K, NO_NOISE);
    const out = new Map<string, number>();
    for (const category of [undefined, ...new Set(rs.map((r) => r.category))])
      for (const year of [undefined, '2025', '2026'])
        for (const who of [undefined, 'resident', 'business']) {
          const n = release.shown(cell, { category, year, who });
          if (n !== undefined) out.set(`${category ?? '*'}|${year ?? '*'}|${who ?? '*'}`, n);
        }
    return out;
  }

  it('with four reports in a cell and K = 5 no filter shows the cell; with five the unfiltered view does', () => {
    expect(published(records([['a', 'dealing', '2026', 'resident', 4]]), 'a').size).toBe(0);
    expect(published(records([['a', 'dealing', '2026', 'resident', 5]]), 'a').get('*|*|*')).toBe(5);
  });

  it('"all categories minus one category" cannot give a count below K', () => {
    // 12 reports: 9 dealing, 3 lighting. Showing 12 and 9 would reveal the 3.
    const shown = published(records([['a', 'dealing', '2026', 'resident', 9], ['a', 'lighting', '2026', 'resident', 3]]), 'a');
    expect(shown.get('*|*|*')).toBe(12);
    expect(shown.has('dealing|*|*')).toBe(false);
    expect(shown.has('lighting|*|*')).toBe(false);
  });

  it('"all time minus one year" cannot give a count below K', () => {
    const shown = published(records([['a', 'dealing', '2025', 'resident', 2], ['a', 'dealing', '2026', 'resident', 8]]), 'a');
    expect(shown.get('*|*|*')).toBe(10);
    expect(shown.has('*|2026|*')).toBe(false);
  });

  it('"all minus the sum of the shown categories" cannot give a count below K', () => {
    // 6 + 6 + 2: showing 14, 6 and 6 would reveal the 2; a second cell is hidden with it.
    const shown = published(
      records([['a', 'dealing', '2026', 'resident', 6], ['a', 'groups', '2026', 'resident', 6], ['a', 'lighting', '2026', 'resident', 2]]),
      'a',
    );
    expect(shown.get('*|*|*')).toBe(14);
    const categories = ['dealing', 'groups', 'lighting'].filter((c) => shown.has(`${c}|*|*`));
    const hiddenSum = 14 - categories.reduce((s, c) => s + shown.get(`${c}|*|*`)!, 0);
    expect(hiddenSum === 0 || hiddenSum >= K).toBe(true);
  });

  it('no published figure for a cell differs from another along one filter by a count between 1 and K − 1', () => {
    // A random-ish mix over three dimensions; check every pair of parent and child views.
    const rs = records([
      ['a', 'dealing', '2025', 'resident', 7],
      ['a', 'dealing', '2026', 'resident', 5],
      ['a', 'dealing', '2026', 'business', 3],
      ['a', 'groups', '2025', 'business', 6],
      ['a', 'groups', '2026', 'resident', 1],
      ['a', 'lighting', '2026', 'resident', 9],
      ['a', 'lighting', '2025', 'business', 2],
    ]);
    const shown = published(rs, 'a');
    expect(shown.size).toBeGreaterThan(3);
    for (const [key, n] of shown) {
      const parts = key.split('|');
      parts.forEach((part, i) => {
        if (part === '*') return;
        const parent = parts.map((p, j) => (j === i ? '*' : p)).join('|');
        const p = shown.get(parent);
        expect(p, `${key} is shown but its parent ${parent} is not`).toBeDefined();
        const diff = p! - n;
        expect(diff === 0 || diff >= K, `${parent} − ${key} = ${diff}`).toBe(true);
      });
    }
  });

  it('a combination of two filters is checked against both of its parents', () => {
    // dealing × business = 5 is at K, but dealing (all) = 7 would reveal dealing × resident = 2.
    const shown = published(records([['a', 'dealing', '2026', 'business', 5], ['a', 'dealing', '2026', 'resident', 2], ['a', 'groups', '2026', 'business', 9]]), 'a');
    expect(shown.has('dealing|*|business')).toBe(false);
  });
});
