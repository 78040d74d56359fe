import { describe, expect, it } from 'vitest';
import { NO_NOISE, suppressRow as suppressWithNoise, type Cell, type Row } from '../../src/lib/disclosure/index.ts';

// The structural rules, without the noise (perturbation.ts): the published values are the counts.
const suppressRow = <K extends string>(cells: readonly Omit<Cell<K>, 'ck'>[], k: number): Row<K> =>
  suppressWithNoise(
    cells.map((c) => ({ ...c, ck: 0 })),
    k,
    NO_NOISE,
  );

const shown = (row: Row) => row.cells.filter((c) => !c.suppressed);
const hiddenKeys = (row: Row) => row.cells.filter((c) => c.suppressed).map((c) => c.key);

describe('suppressRow', () => {
  it('a cell below K is never shown', () => {
    const row = suppressRow([{ key: 'a', n: 20 }, { key: 'b', n: 4 }, { key: 'c', n: 30 }], 5);
    expect(hiddenKeys(row)).toContain('b');
  });

  it('a single suppressed cell cannot be recovered from the total: a second cell is hidden', () => {
    const row = suppressRow([{ key: 'a', n: 20 }, { key: 'b', n: 4 }, { key: 'c', n: 30 }], 5);
    expect(hiddenKeys(row)).toEqual(['a', 'b']);
    expect(row.total).toEqual({ suppressed: false, n: 54 });
    // total minus shown cells = 24, which is not b's count alone.
    const visibleSum = shown(row).reduce((s, c) => s + (c.suppressed ? 0 : c.n), 0);
    expect(54 - visibleSum).not.toBe(4);
  });

  it('suppressed cells together reach K, so their sum does not point at few people', () => {
    const row = suppressRow([{ key: 'a', n: 1 }, { key: 'b', n: 1 }, { key: 'c', n: 40 }, { key: 'd', n: 12 }], 5);
    const hidden = [1, 1, 40, 12].filter((_, i) => row.cells[i]!.suppressed).reduce((s, n) => s + n, 0);
    expect(hidden).toBeGreaterThanOrEqual(5);
  });

  it('zeros are shown and cells at K are shown', () => {
    const row = suppressRow([{ key: 'a', n: 0 }, { key: 'b', n: 5 }, { key: 'c', n: 9 }], 5);
    expect(row.cells).toEqual([
      { key: 'a', suppressed: false, n: 0 },
      { key: 'b', suppressed: false, n: 5 },
      { key: 'c', suppressed: false, n: 9 },
    ]);
  });

  it('a total below K hides the whole row', () => {
    const row = suppressRow([{ key: 'a', n: 2 }, { key: 'b', n: 2 }], 5);
    expect(row.total).toEqual({ suppressed: true });
    expect(hiddenKeys(row)).toEqual(['a', 'b']);
  });

  it('K is never below 3, whatever is asked', () => {
    expect(hiddenKeys(suppressRow([{ key: 'a', n: 2 }, { key: 'b', n: 50 }, { key: 'c', n: 50 }], 1))).toContain('a');
  });
});
