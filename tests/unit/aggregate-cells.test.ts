import { describe, expect, it } from 'vitest';
import { cellsAtLeastK, suppressAreaTotals, type AreaCount } from '../../src/lib/aggregate.ts';

describe('cellsAtLeastK', () => {
  it('a cell below K is dropped, not shown as 0', () => {
    const shown = cellsAtLeastK(
      [
        { cell: 'a', n: 4 },
        { cell: 'b', n: 5 },
        { cell: 'c', n: 1 },
        { cell: 'd', n: 12 },
      ],
      5,
    );
    expect(shown.map((c) => c.cell)).toEqual(['b', 'd']);
  });

  it('K below the platform minimum is raised to 3', () => {
    expect(cellsAtLeastK([{ cell: 'a', n: 2 }, { cell: 'b', n: 3 }], 1).map((c) => c.cell)).toEqual(['b']);
  });
});

/** What an observer can work out: an area total minus the shown cells of that area. */
function recoverable(area: AreaCount, shownCellsInArea: number, k: number): number | undefined {
  const [result] = suppressAreaTotals([area, { key: 'other', n: 50, hidden: 0 }], k);
  return result!.suppressed ? undefined : result!.n - shownCellsInArea;
}

describe('suppressAreaTotals', () => {
  it('an area total is hidden when all but one cell are shown: the hidden cell cannot be recovered', () => {
    // Area with cells 10, 8 (shown) and 3 (hidden): total 21 would reveal 3.
    expect(recoverable({ key: 'a', n: 21, hidden: 3 }, 18, 5)).toBeUndefined();
  });

  it('an area total is hidden when several small hidden cells add up to fewer than K', () => {
    // Cells 10 (shown), 2 and 2 (hidden): 14 − 10 = 4 would be a small count.
    expect(recoverable({ key: 'a', n: 14, hidden: 4 }, 10, 5)).toBeUndefined();
  });

  it('an area total is shown when nothing is hidden in it', () => {
    expect(recoverable({ key: 'a', n: 18, hidden: 0 }, 18, 5)).toBe(0);
  });

  it('an area total is shown when its hidden cells together reach K (no single small count comes out)', () => {
    // Cells 10 (shown), 3 and 4 (hidden): 7 is the sum of two cells, each below K.
    expect(recoverable({ key: 'a', n: 17, hidden: 7 }, 10, 5)).toBe(7);
  });

  it('an area total below K is "too few" even with nothing hidden', () => {
    const [a] = suppressAreaTotals(
      [
        { key: 'a', n: 0, hidden: 0 },
        { key: 'b', n: 3, hidden: 3 },
        { key: 'c', n: 40, hidden: 0 },
      ],
      5,
    ).slice(1);
    expect(a).toEqual({ key: 'b', suppressed: true });
  });

  it('no shown area total minus its shown cells is ever between 1 and K−1 (exhaustive small cases)', () => {
    const k = 5;
    for (let shownSum = 0; shownSum <= 20; shownSum += 5) {
      for (let hidden = 0; hidden <= 12; hidden++) {
        const r = recoverable({ key: 'a', n: shownSum + hidden, hidden }, shownSum, k);
        if (r !== undefined) expect(r === 0 || r >= k).toBe(true);
      }
    }
  });
});
