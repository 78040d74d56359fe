import { describe, expect, it } from 'vitest';
import { NO_NOISE, suppressTable as suppressWithNoise, type ForcedSuppression, type SuppressedTable, type TableRowCounts } from '../../src/lib/disclosure/index.ts';

// The structural rules, without the noise (perturbation.ts): the published values are the counts.
const suppressTable = <R extends string, C extends string>(rows: readonly TableRowCounts<R, C>[], k: number, force: ForcedSuppression<R, C> = {}): SuppressedTable<R, C> =>
  suppressWithNoise(rows, k, force, NO_NOISE);

/** Builds the input of suppressTable from a matrix: rows r0, r1 …, columns c0, c1 …. */
function table(matrix: number[][]): TableRowCounts[] {
  return matrix.map((row, i) => ({ key: `r${i}`, cells: row.map((n, j) => ({ key: `c${j}`, n, ck: 0 })) }));
}

/** The grid with margins, as published: a number, or undefined where suppressed. */
function published(t: SuppressedTable): (number | undefined)[][] {
  const n = (x: { suppressed: true } | { suppressed: false; n: number }): number | undefined => (x.suppressed ? undefined : x.n);
  return [...t.rows.map((r) => [...r.cells.map(n), n(r.total)]), [...t.columnTotals.map(n), n(t.total)]];
}

/** The grid with margins, true values. */
function truth(matrix: number[][]): number[][] {
  const columns = matrix[0]?.length ?? 0;
  const rows = matrix.map((r) => [...r, r.reduce((s, x) => s + x, 0)]);
  const bottom = Array.from({ length: columns + 1 }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0));
  return [...rows, bottom];
}

/**
 * The reader's attack: every line of the grid (rows, columns and both
 * margins) adds up to its total, so the suppressed figures satisfy a system
 * of linear equations; and counts are never negative, so in a line whose
 * suppressed figures must add up to 0 each of them is 0. Both are applied
 * until nothing more is learnt. Returns what is pinned down, with its value.
 */
function recoverable(pub: (number | undefined)[][]): Map<string, number> {
  const known = pub.map((row) => [...row]);
  const found = new Map<string, number>();
  for (;;) {
    const before = found.size;
    for (const [at, value] of solveLinear(known)) {
      found.set(at, value);
      const [i, j] = at.split(',').map(Number) as [number, number];
      known[i]![j] = value;
    }
    const R = known.length - 1;
    const C = known[0]!.length - 1;
    const lines = [
      ...Array.from({ length: R + 1 }, (_, i) => Array.from({ length: C + 1 }, (_, j): [number, number] => [i, j])),
      ...Array.from({ length: C + 1 }, (_, j) => Array.from({ length: R + 1 }, (_, i): [number, number] => [i, j])),
    ];
    for (const line of lines) {
      const [ti, tj] = line.at(-1)!;
      const total = known[ti]![tj];
      if (total === undefined) continue;
      const rest = total - line.slice(0, -1).reduce((s, [i, j]) => s + (known[i]![j] ?? 0), 0);
      if (rest !== 0) continue;
      for (const [i, j] of line.slice(0, -1)) {
        if (known[i]![j] === undefined) {
          known[i]![j] = 0;
          found.set(`${i},${j}`, 0);
        }
      }
    }
    if (found.size === before) return found;
  }
}

/** The suppressed figures the linear system alone pins down (Gaussian elimination). */
function solveLinear(pub: (number | undefined)[][]): Map<string, number> {
  const R = pub.length - 1;
  const C = pub[0]!.length - 1;
  const unknowns: [number, number][] = [];
  pub.forEach((row, i) => row.forEach((x, j) => x === undefined && unknowns.push([i, j])));
  const index = new Map(unknowns.map(([i, j], u) => [`${i},${j}`, u]));
  const equations: number[][] = [];
  // A line: coefficient +1 for each figure, −1 for the total, = 0.
  const addLine = (members: [number, number][], total: [number, number]): void => {
    const eq = new Array<number>(unknowns.length + 1).fill(0);
    const terms: [number, number, number][] = [...members.map(([i, j]): [number, number, number] => [i, j, 1]), [total[0], total[1], -1]];
    for (const [i, j, sign] of terms) {
      const u = index.get(`${i},${j}`);
      if (u === undefined) eq[unknowns.length]! -= sign * pub[i]![j]!;
      else eq[u]! += sign;
    }
    equations.push(eq);
  };
  for (let i = 0; i <= R; i++) addLine(Array.from({ length: C }, (_, j): [number, number] => [i, j]), [i, C]);
  for (let j = 0; j <= C; j++) addLine(Array.from({ length: R }, (_, i): [number, number] => [i, j]), [R, j]);
  // Reduced row echelon form.
  const pivots: number[] = [];
  let row = 0;
  for (let colIndex = 0; colIndex < unknowns.length && row < equations.length; colIndex++) {
    let best = row;
    for (let r = row + 1; r < equations.length; r++) if (Math.abs(equations[r]![colIndex]!) > Math.abs(equations[best]![colIndex]!)) best = r;
    if (Math.abs(equations[best]![colIndex]!) < 1e-9) continue;
    [equations[row], equations[best]] = [equations[best]!, equations[row]!];
    const pivot = equations[row]![colIndex]!;
    equations[row] = equations[row]!.map((x) => x / pivot);
    for (let r = 0; r < equations.length; r++) {
      if (r === row) continue;
      const f = equations[r]![colIndex]!;
      if (Math.abs(f) > 1e-12) equations[r] = equations[r]!.map((x, c) => x - f * equations[row]![c]!);
    }
    pivots.push(colIndex);
    row++;
  }
  // An unknown is pinned down when its pivot row has no other unknown in it.
  const found = new Map<string, number>();
  pivots.forEach((p, r) => {
    const eq = equations[r]!;
    if (eq.slice(0, unknowns.length).every((x, c) => c === p || Math.abs(x) < 1e-9)) {
      const [i, j] = unknowns[p]!;
      found.set(`${i},${j}`, Math.round(eq[unknowns.length]!));
    }
  });
  return found;
}

/** Checks every privacy property of a suppressed table against the true counts; returns the problems. */
function audit(matrix: number[][], k: number, force: ForcedSuppression = {}): string[] {
  const t = suppressTable(table(matrix), k, force);
  const pub = published(t);
  const real = truth(matrix);
  const problems: string[] = [];
  pub.forEach((row, i) =>
    row.forEach((x, j) => {
      if (x !== undefined && x !== real[i]![j]) problems.push(`${i},${j} shown as ${x}, is ${real[i]![j]}`);
      if (x !== undefined && x > 0 && x < k) problems.push(`${i},${j} = ${x} shown below K`);
    }),
  );
  for (const [at, value] of recoverable(pub)) {
    if (value !== 0) problems.push(`${at} = ${value} recoverable`);
  }
  // In a line with a shown total, the suppressed figures together reach K.
  const R = real.length - 1;
  const C = real[0]!.length - 1;
  const lines: [number, number][][] = [
    ...Array.from({ length: R + 1 }, (_, i) => Array.from({ length: C + 1 }, (_, j): [number, number] => [i, j])),
    ...Array.from({ length: C + 1 }, (_, j) => Array.from({ length: R + 1 }, (_, i): [number, number] => [i, j])),
  ];
  for (const line of lines) {
    const [ti, tj] = line[line.length - 1]!;
    if (pub[ti]![tj] === undefined) continue;
    const hiddenSum = line.slice(0, -1).reduce((s, [i, j]) => s + (pub[i]![j] === undefined ? real[i]![j]! : 0), 0);
    if (hiddenSum > 0 && hiddenSum < k) problems.push(`line ending ${ti},${tj}: suppressed figures add up to ${hiddenSum}`);
  }
  return problems;
}

describe('suppressTable', () => {
  it('the attack these tests use does find the cell a naive release (only the small cell hidden) gives away', () => {
    const naive = [
      [20, undefined, 30, 54],
      [12, 15, 18, 45],
      [32, 19, 48, 99],
    ];
    expect(recoverable(naive).get('0,1')).toBe(4);
  });

  it('a cell below K is never shown; its partners in its row and column are hidden with it, and the rest is shown', () => {
    // By hand, K = 5: the 4 needs a partner in its row (the 20, smallest), the
    // 4 then needs one in its column (the 15), and the 20 one in its column (the 12).
    const t = suppressTable(table([[20, 4, 30], [12, 15, 18]]), 5);
    expect(published(t)).toEqual([
      [undefined, undefined, 30, 54],
      [undefined, undefined, 18, 45],
      [32, 19, 48, 99],
    ]);
    expect(audit([[20, 4, 30], [12, 15, 18]], 5)).toEqual([]);
  });

  it('differencing attack: a hidden cell cannot be recovered as its row total minus the shown cells of the row', () => {
    const matrix = [[20, 4, 30], [12, 15, 18]];
    const pub = published(suppressTable(table(matrix), 5));
    const rowTotal = pub[0]![3];
    const shownInRow = pub[0]!.slice(0, 3).filter((x): x is number => x !== undefined);
    // Either the row total is hidden, or more than the one small cell is.
    expect(rowTotal === undefined || shownInRow.length < 2).toBe(true);
    expect(rowTotal === undefined ? undefined : rowTotal - shownInRow.reduce((s, x) => s + x, 0)).not.toBe(4);
    expect(recoverable(pub).has('0,1')).toBe(false);
  });

  it('differencing attack: a hidden cell cannot be recovered as its column total minus the shown cells of the column', () => {
    // The small cell's row is all small but its column has large neighbours.
    const matrix = [[40, 2, 25], [30, 35, 22], [18, 26, 31]];
    const pub = published(suppressTable(table(matrix), 5));
    expect(pub[0]![1]).toBeUndefined();
    const columnTotal = pub[3]![1];
    const shownInColumn = [pub[0]![1], pub[1]![1], pub[2]![1]].filter((x): x is number => x !== undefined);
    expect(columnTotal === undefined || columnTotal - shownInColumn.reduce((s, x) => s + x, 0) !== 2).toBe(true);
    expect(recoverable(pub).has('0,1')).toBe(false);
    expect(audit(matrix, 5)).toEqual([]);
  });

  it('differencing attack: a small row total, suppressed with its row, cannot be recovered from the grand total minus the other row totals', () => {
    const matrix = [[1, 2, 0], [14, 9, 20], [11, 30, 25]];
    const t = suppressTable(table(matrix), 5);
    expect(t.rows[0]!.total).toEqual({ suppressed: true });
    const pub = published(t);
    const grand = pub[3]![3];
    const otherRowTotals = [pub[1]![3], pub[2]![3]];
    // The reader's attempt: grand total − shown row totals.
    if (grand !== undefined && otherRowTotals.every((x) => x !== undefined)) {
      expect(grand - otherRowTotals.reduce((s, x) => s! + x!, 0)!).not.toBe(3);
    }
    expect(recoverable(pub).has('0,3')).toBe(false);
    expect(audit(matrix, 5)).toEqual([]);
  });

  it('differencing attack: a small column total cannot be recovered from the grand total minus the other column totals', () => {
    const matrix = [[12, 1, 30], [25, 2, 16], [9, 0, 40]];
    const pub = published(suppressTable(table(matrix), 5));
    expect(pub[3]![1]).toBeUndefined();
    expect(recoverable(pub).has('3,1')).toBe(false);
    expect(audit(matrix, 5)).toEqual([]);
  });

  it('a complementary cell that would be the only hidden one in its column gets a partner, so the chain back to the small cell is cut', () => {
    // Suppressing 3 needs a partner in row 0 (the 10); the 10 alone in its column would then be column total minus shown cells.
    const matrix = [[3, 10, 50], [40, 60, 70], [45, 55, 65]];
    const t = suppressTable(table(matrix), 5);
    const hiddenInColumn1 = t.rows.filter((r) => r.cells[1]!.suppressed).length + (t.columnTotals[1]!.suppressed ? 1 : 0);
    expect(hiddenInColumn1).not.toBe(1);
    expect(audit(matrix, 5)).toEqual([]);
  });

  it('two groups of hidden cells joined by one cell (a bridge) do not leave that cell recoverable', () => {
    // Rows 0–1 × columns 0–1 and rows 2–3 × columns 2–3 are small blocks; row 1 column 2 links them.
    const matrix = [
      [2, 2, 30, 40],
      [2, 2, 1, 40],
      [30, 40, 2, 2],
      [40, 30, 2, 2],
    ];
    expect(audit(matrix, 5)).toEqual([]);
  });

  it('where the cells are hidden never shows which cell of a small line is the non-zero one (the lone respondent’s stance)', () => {
    // One person in a small group (the second row) chose one of three columns; everything else is the same.
    const hiddenPattern = (t: SuppressedTable) => published(t).map((line) => line.map((x) => (x === undefined ? 'x' : '.')).join('')).join('|');
    for (const rest of [
      [20, 10, 7],
      [30, 0, 12],
      [6, 6, 6],
    ]) {
      const patterns = new Set(
        [0, 1, 2].map((choice) => hiddenPattern(suppressTable(table([rest, [0, 1, 2].map((j) => (j === choice ? 1 : 0)), [9, 8, 7]]), 5))),
      );
      expect(patterns.size, `rows ${JSON.stringify(rest)}`).toBe(1);
    }
    // And a column hidden whole (two people chose it) does not show which rows they are in.
    const columnPatterns = new Set(
      [[1, 1, 0], [2, 0, 0], [0, 1, 1]].map((split) =>
        hiddenPattern(suppressTable(table([[20, split[0]!, 9], [12, split[1]!, 8], [15, split[2]!, 6]]), 5)),
      ),
    );
    expect(columnPatterns.size).toBe(1);
  });

  it('a line whose total is below K is suppressed whole; a line of zeros is shown as zeros', () => {
    const t = suppressTable(table([[1, 1, 0], [0, 0, 0], [20, 30, 40], [25, 35, 45]]), 5);
    expect(t.rows[0]!.total).toEqual({ suppressed: true });
    expect(t.rows[0]!.cells.every((c) => c.suppressed)).toBe(true);
    expect(t.rows[1]!.total).toEqual({ suppressed: false, n: 0 });
    expect(t.rows[1]!.cells).toEqual([
      { key: 'c0', suppressed: false, n: 0 },
      { key: 'c1', suppressed: false, n: 0 },
      { key: 'c2', suppressed: false, n: 0 },
    ]);
  });

  it('a table whose grand total is below K shows nothing', () => {
    const t = suppressTable(table([[1, 1], [0, 2]]), 5);
    expect(t.total).toEqual({ suppressed: true });
    expect(published(t).flat().every((x) => x === undefined || x === 0)).toBe(true);
  });

  it('a table with nothing below K is shown in full', () => {
    const t = suppressTable(table([[5, 6], [7, 0]]), 5);
    expect(published(t)).toEqual(truth([[5, 6], [7, 0]]));
  });

  it('K is never below 3, whatever is asked', () => {
    const t = suppressTable(table([[2, 50], [50, 50]]), 1);
    expect(t.rows[0]!.cells[0]!.suppressed).toBe(true);
  });

  it('forced suppression: a total hidden in another published table is hidden here too, and protected like a small one', () => {
    const matrix = [[20, 30], [25, 35]];
    const t = suppressTable(table(matrix), 5, { columnTotals: ['c0'] });
    expect(t.columnTotals[0]).toEqual({ key: 'c0', suppressed: true });
    const pub = published(t);
    expect(recoverable(pub).has('2,0')).toBe(false);
  });

  it('a cycle through zeros protects nothing: forced totals are protected by non-zero figures', () => {
    // The zero row's cells are known to be 0 from its total; hiding them would leave both column totals recoverable.
    const matrix = [[23, 19, 16], [16, 17, 20], [0, 0, 0]];
    const t = suppressTable(table(matrix), 5, { columnTotals: ['c1', 'c2'] });
    expect(t.rows[2]!.cells.every((c) => !c.suppressed)).toBe(true);
    expect(audit(matrix, 5, { columnTotals: ['c1', 'c2'] })).toEqual([]);
  });

  it('forced suppression of cells: a cell another release hides is hidden and cannot be recovered', () => {
    const t = suppressTable(table([[20, 30], [25, 35]]), 5, { cells: (r, c) => r === 'r1' && c === 'c1' });
    expect(t.rows[1]!.cells[1]!.suppressed).toBe(true);
    expect(recoverable(published(t)).has('1,1')).toBe(false);
  });

  it('rows with different columns are refused', () => {
    expect(() =>
      suppressTable(
        [
          { key: 'a', cells: [{ key: 'x', n: 1, ck: 0 }] },
          { key: 'b', cells: [{ key: 'y', n: 1, ck: 0 }] },
        ],
        5,
      ),
    ).toThrow(/columns/);
  });

  it('no hidden count in a thousand random tables can be recovered from the shown cells and totals, and no shown cell is below K', () => {
    // A small deterministic generator (mulberry32), so a failure can be replayed.
    let seed = 20260601;
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    for (let run = 0; run < 1000; run++) {
      const rows = 1 + Math.floor(random() * 8);
      const columns = 1 + Math.floor(random() * 8);
      const k = 3 + Math.floor(random() * 4);
      // Mostly small counts, with zeros and some large ones, as in a year of reports.
      const matrix = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => {
          const r = random();
          return r < 0.25 ? 0 : r < 0.6 ? 1 + Math.floor(random() * k) : Math.floor(random() * 40);
        }),
      );
      // Now and then a total another release hides.
      const force: ForcedSuppression = random() < 0.3 ? { columnTotals: [`c${Math.floor(random() * columns)}`], total: random() < 0.2 } : {};
      expect(audit(matrix, k, force), JSON.stringify({ matrix, k, force })).toEqual([]);
    }
  });
});
