/**
 * The structural half of the disclosure rule (the other half is the noise
 * of perturbation.ts): a cell counting fewer than K respondents (or reports)
 * is suppressed, and so is enough of the rest of its row that the
 * suppressed cell cannot be worked out by subtracting the shown cells from
 * the shown total (complementary suppression). Every figure these functions
 * show is then published through publishCount: perturbed by its cell key,
 * and suppressed too when the perturbed value falls below K.
 *
 * Pages and exports show a suppressed cell as "for få svar" / "too few
 * responses", never as 0 or blank.
 */
import { addKeys, DEFAULT_NOISE, publishCount, sumKeys, type NoiseParameters } from './perturbation.ts';

export interface Cell<K extends string = string> {
  key: K;
  n: number;
  /** The cell key: the sum of its records' keys modulo 2³¹ (perturbation.ts). */
  ck: number;
}

export type ShownCell<K extends string = string> = { key: K; suppressed: false; n: number } | { key: K; suppressed: true };

export interface Row<K extends string = string> {
  cells: ShownCell<K>[];
  /** The row total, itself suppressed when below K. */
  total: { suppressed: false; n: number } | { suppressed: true };
}

/** The smallest K the platform allows, whatever the configuration says. */
export const MIN_K = 3;

/**
 * Suppresses a row of counts that add up to the row total.
 *
 * - Any cell with 0 < n < K is suppressed. (A zero is shown: it reveals no one.)
 * - If exactly one cell is suppressed and the total is shown, the smallest
 *   other non-zero cell is suppressed too, so the first cannot be recovered
 *   by difference; likewise the sum of suppressed cells must itself reach K.
 * - A total below K suppresses the whole row.
 */
export function suppressRow<K extends string>(cells: readonly Cell<K>[], k: number, noise: NoiseParameters = DEFAULT_NOISE): Row<K> {
  const K = Math.max(MIN_K, k);
  const total = cells.reduce((s, c) => s + c.n, 0);
  if (total < K) return { cells: cells.map((c) => ({ key: c.key, suppressed: true })), total: { suppressed: true } };
  const hidden = hiddenCells(cells, K);
  const publishedTotal = publishCount(total, sumKeys(cells.map((c) => c.ck)), K, noise);
  return {
    cells: cells.map((c) => shownOrSuppressed(c.key, hidden.has(c.key) ? undefined : publishCount(c.n, c.ck, K, noise))),
    total: publishedTotal === undefined ? { suppressed: true } : { suppressed: false, n: publishedTotal },
  };
}

/**
 * The cells suppressRow hides in a row whose total is at least K: those
 * below K and, by complementary suppression, the smallest shown non-zero
 * cells until the hidden ones are not a single one and together reach K.
 */
function hiddenCells(cells: readonly { key: string; n: number }[], K: number): Set<string> {
  const hidden = new Set(cells.filter((c) => c.n > 0 && c.n < K).map((c) => c.key));
  const hiddenSum = (): number => cells.filter((c) => hidden.has(c.key)).reduce((s, c) => s + c.n, 0);
  while (hidden.size > 0 && (hidden.size === 1 || hiddenSum() < K)) {
    const next = cells.filter((c) => !hidden.has(c.key) && c.n > 0).sort((a, b) => a.n - b.n)[0];
    if (!next) break;
    hidden.add(next.key);
  }
  return hidden;
}

/** Whether suppressRow's structural rules (before noise) leave this cell of the row shown. */
function survivesRow(cells: readonly { key: string; n: number }[], value: string, K: number): boolean {
  if (cells.reduce((s, c) => s + c.n, 0) < K || !cells.some((c) => c.key === value)) return false;
  return !hiddenCells(cells, K).has(value);
}

function shownOrSuppressed<K extends string>(key: K, n: number | undefined): ShownCell<K> {
  return n === undefined ? { key, suppressed: true } : { key, suppressed: false, n };
}

/** An area's total with how many of its reports lie in cells the map does not show. */
export interface AreaCount<K extends string = string> {
  key: K;
  n: number;
  ck: number;
  /** Reports of this area in cells the map does not show. */
  hidden: number;
}

/**
 * Area totals next to a map of cells. Totals are counted from every report
 * (shown cells or not) and go through suppressRow across areas; on top of
 * that, an area's total is suppressed when its reports in hidden cells add up
 * to between 1 and K−1: otherwise "area total minus the shown cells of that
 * area" would give the count of a hidden cell (or of a few small ones)
 * exactly. A hidden sum of 0 reveals nothing, and one of K or more is no
 * small count. The grand total (the row total) must not be shown, or a
 * suppressed area total could be recovered from it.
 */
export function suppressAreaTotals<K extends string>(areas: readonly AreaCount<K>[], k: number, noise: NoiseParameters = DEFAULT_NOISE): ShownCell<K>[] {
  const K = Math.max(MIN_K, k);
  const row = suppressRow(
    areas.map((a) => ({ key: a.key, n: a.n, ck: a.ck })),
    K,
    noise,
  );
  return row.cells.map((c, i) => {
    const hidden = areas[i]!.hidden;
    return !c.suppressed && hidden > 0 && hidden < K ? { key: c.key, suppressed: true } : c;
  });
}

/**
 * One filter dimension of a published table (category, year, reporter type…)
 * with every value it can take. Records with a value outside `values` count
 * only in the unfiltered view.
 */
export interface FilterDimension<R> {
  name: string;
  values: readonly string[];
  of(record: R): string;
}

/** A filter: a value per dimension, or undefined for "all". */
export type Filter = Readonly<Record<string, string | undefined>>;

export interface FilteredRelease {
  /** The count of a unit (a hexagon, an area) under a filter, or undefined when it must not be shown. */
  shown(unit: string, filter: Filter): number | undefined;
  /** Every unit that has records at all. */
  units(): string[];
}

/**
 * Counts of units (map cells or areas) under every combination of filters,
 * released so that differencing across filters cannot give a count below K.
 *
 * A unit's count under filter F is shown only when
 *   1. it is at least K;
 *   2. for every dimension d that F fixes, the unit's count under F without d
 *      (the "parent") is itself shown; and
 *   3. F's value survives suppressRow in the row of its siblings (F with every
 *      other value of d), so "parent minus the shown siblings" is 0 or at least K.
 * Rule 2 and 3 together stop the attacks a reader of the page can make: "all
 * categories minus this category", "all years minus this year", "all minus the
 * sum of the shown categories", in one dimension or across two. (A full audit
 * over all linear combinations, as statistical offices do with an integer
 * program, is not attempted; the dimensions here are few and disjoint.)
 * Filters must be partitions: a sliding "last 12 months" inside "all time"
 * would be a value that is not a sibling of the others, so periods are
 * calendar years.
 */
export function releaseFilteredCounts<R>(
  records: readonly R[],
  unitOf: (record: R) => string,
  keyOf: (record: R) => number,
  dimensions: readonly FilterDimension<R>[],
  k: number,
  noise: NoiseParameters = DEFAULT_NOISE,
): FilteredRelease {
  const K = Math.max(MIN_K, k);
  const counts = new Map<string, number>();
  const keys = new Map<string, number>();
  const key = (unit: string, filter: Filter): string =>
    `${unit}\u0000${dimensions.map((d) => filter[d.name] ?? '\u0001').join('\u0000')}`;
  for (const r of records) {
    const unit = unitOf(r);
    const values = dimensions.map((d) => {
      const v = d.of(r);
      return d.values.includes(v) ? v : undefined;
    });
    // Every subset of fixed dimensions: 2^dimensions keys per record.
    for (let mask = 0; mask < 1 << dimensions.length; mask++) {
      const filter: Record<string, string | undefined> = {};
      let valid = true;
      dimensions.forEach((d, i) => {
        if (mask & (1 << i)) {
          if (values[i] === undefined) valid = false;
          filter[d.name] = values[i];
        }
      });
      if (!valid) continue;
      const k2 = key(unit, filter);
      counts.set(k2, (counts.get(k2) ?? 0) + 1);
      keys.set(k2, addKeys(keys.get(k2) ?? 0, keyOf(r)));
    }
  }
  const units = [...new Set(records.map(unitOf))];
  const memo = new Map<string, number | undefined>();
  const count = (unit: string, filter: Filter): number => counts.get(key(unit, filter)) ?? 0;

  function shown(unit: string, filter: Filter): number | undefined {
    const memoKey = key(unit, filter);
    if (memo.has(memoKey)) return memo.get(memoKey);
    const n = count(unit, filter);
    let result: number | undefined = n < K ? undefined : n;
    for (const d of dimensions) {
      if (result === undefined) break;
      const value = filter[d.name];
      if (value === undefined) continue;
      const parent = { ...filter, [d.name]: undefined };
      if (shown(unit, parent) === undefined) {
        result = undefined;
        break;
      }
      // The siblings add up to the parent, except for records whose value is
      // not listed: they form one more (unpublished) sibling.
      const siblings = d.values.map((v) => ({ key: v, n: count(unit, { ...filter, [d.name]: v }) }));
      const remainder = count(unit, parent) - siblings.reduce((s, c) => s + c.n, 0);
      if (!survivesRow(remainder > 0 ? [...siblings, { key: '\u0002', n: remainder }] : siblings, value, K)) result = undefined;
    }
    // The structural rules decide on true counts; what is shown is perturbed.
    if (result !== undefined) result = publishCount(result, keys.get(memoKey) ?? 0, K, noise);
    memo.set(memoKey, result);
    return result;
  }
  return { shown, units: () => units };
}

/** One row of a two-way table of counts: every row has the same column keys, in the same order. */
export interface TableRowCounts<R extends string = string, C extends string = string> {
  key: R;
  cells: readonly Cell<C>[];
}

/** A total that the privacy rule shows or suppresses. */
export type ShownTotal = Row['total'];

/** A two-way table after suppression: cells, row totals, column totals and the grand total. */
export interface SuppressedTable<R extends string = string, C extends string = string> {
  rows: { key: R; cells: ShownCell<C>[]; total: ShownTotal }[];
  /** In column order. */
  columnTotals: ShownCell<C>[];
  total: ShownTotal;
}

/**
 * Figures that must be suppressed whatever their size, because another
 * published table (or the public map) suppresses the same figure: a figure
 * hidden in one place and shown in another is not hidden.
 */
export interface ForcedSuppression<R extends string = string, C extends string = string> {
  cells?: (row: R, column: C) => boolean;
  rowTotals?: readonly R[];
  columnTotals?: readonly C[];
  total?: boolean;
}

/**
 * Suppresses a two-way table (category × area, time of day × weekday …)
 * published with its row totals, column totals and grand total, so that no
 * suppressed figure can be worked out from the figures shown.
 *
 * The table is treated together with its margins as one grid of
 * (rows + 1) × (columns + 1) figures in which every line (each row, each
 * column, the row of column totals, the column of row totals) adds up to its
 * last figure. The rules:
 *
 * 1. A cell with 0 < n < K is suppressed (a zero is shown: it reveals no one).
 * 2. A line whose total is below K (but not 0) is suppressed whole, total
 *    included: each of its figures is small.
 * 3. In a line whose total is shown, the suppressed figures must be none, or
 *    together reach K and be at least two non-zero ones (suppressRow's rule);
 *    otherwise the smallest shown non-zero figure of the line is suppressed
 *    too, or, when there is none, the line's total.
 * 4. No suppressed non-zero figure may be worked out exactly by combining
 *    lines. With every line's sum known, the unknowns form a graph (a vertex
 *    per line, an edge per suppressed figure joining its row and its column)
 *    and a figure is determined exactly when its edge is a bridge: on no
 *    cycle. Each such bridge is put on a cycle by suppressing the cheapest
 *    shown figures along a path between its two lines. Suppressed zeros are
 *    left out of the graph, since counts are never negative: a reader who
 *    finds that a line's suppressed figures add up to what its others do
 *    knows those are zeros, so a cycle through a zero protects nothing.
 *
 * Rules 3 and 4 repeat until nothing changes: a figure suppressed for one
 * line can leave another line exposed ("iterate over rows and columns until
 * stable"). What is not attempted: bounds a reader could derive from counts
 * never being negative, beyond rule 3's "the suppressed figures of a line
 * together reach K".
 */
export function suppressTable<R extends string, C extends string>(
  rows: readonly TableRowCounts<R, C>[],
  k: number,
  force: ForcedSuppression<R, C> = {},
  noise: NoiseParameters = DEFAULT_NOISE,
): SuppressedTable<R, C> {
  const K = Math.max(MIN_K, k);
  const columnKeys = (rows[0]?.cells ?? []).map((c) => c.key);
  for (const row of rows) {
    if (row.cells.length !== columnKeys.length || row.cells.some((c, j) => c.key !== columnKeys[j])) {
      throw new Error(`suppressTable: row ${row.key} does not have the columns ${columnKeys.join(', ')}`);
    }
  }
  const R = rows.length;
  const C = columnKeys.length;
  // The grid with margins: value[i][j] for i < R, j < C are cells; column C
  // holds the row totals, row R the column totals, [R][C] the grand total.
  const value: number[][] = Array.from({ length: R + 1 }, () => new Array<number>(C + 1).fill(0));
  // The cell keys of the same grid: a margin's key is the sum of its cells' keys.
  const keys: number[][] = Array.from({ length: R + 1 }, () => new Array<number>(C + 1).fill(0));
  rows.forEach((row, i) =>
    row.cells.forEach((c, j) => {
      if (!Number.isInteger(c.n) || c.n < 0) throw new Error(`suppressTable: ${row.key}/${c.key} is not a count`);
      const own = value[i]!;
      const margin = value[R]!;
      own[j] = c.n;
      own[C] = own[C]! + c.n;
      margin[j] = margin[j]! + c.n;
      margin[C] = margin[C]! + c.n;
      const ownKeys = keys[i]!;
      const marginKeys = keys[R]!;
      ownKeys[j] = c.ck;
      ownKeys[C] = addKeys(ownKeys[C]!, c.ck);
      marginKeys[j] = addKeys(marginKeys[j]!, c.ck);
      marginKeys[C] = addKeys(marginKeys[C]!, c.ck);
    }),
  );
  const hidden: boolean[][] = Array.from({ length: R + 1 }, () => new Array<boolean>(C + 1).fill(false));
  const v = (i: number, j: number): number => value[i]![j]!;
  const isHidden = (i: number, j: number): boolean => hidden[i]![j]!;
  const hide = (i: number, j: number): void => {
    hidden[i]![j] = true;
  };

  // A line is a row (0…R) or a column (0…C) of the grid; its last figure is its total.
  type Line = { kind: 'row' | 'column'; index: number };
  const lines: Line[] = [
    ...Array.from({ length: R + 1 }, (_, index): Line => ({ kind: 'row', index })),
    ...Array.from({ length: C + 1 }, (_, index): Line => ({ kind: 'column', index })),
  ];
  const figures = (line: Line): [number, number][] =>
    line.kind === 'row'
      ? Array.from({ length: C }, (_, j): [number, number] => [line.index, j])
      : Array.from({ length: R }, (_, i): [number, number] => [i, line.index]);
  const totalOf = (line: Line): [number, number] => (line.kind === 'row' ? [line.index, C] : [R, line.index]);

  // Rule 1, and the forced figures.
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      if ((v(i, j) > 0 && v(i, j) < K) || force.cells?.(rows[i]!.key, columnKeys[j]!)) hide(i, j);
    }
  }
  rows.forEach((row, i) => {
    if (force.rowTotals?.includes(row.key)) hide(i, C);
  });
  columnKeys.forEach((key, j) => {
    if (force.columnTotals?.includes(key)) hide(R, j);
  });
  if (force.total) hide(R, C);
  // Rule 2. The figures of a line hidden whole are unknown to a reader, its
  // zeros included: they are protected as if they were not zeros (rules 3
  // and 4), or else the repairs would go only where the line's non-zero
  // figures are, and where the repairs are would show where a lone
  // respondent is (which column of a small row, say).
  const unknown: boolean[][] = Array.from({ length: R + 1 }, () => new Array<boolean>(C + 1).fill(false));
  const isUnknown = (i: number, j: number): boolean => unknown[i]![j]!;
  /**
   * Counts as a figure to protect: non-zero, or a figure of a line hidden
   * whole, unless its row or column adds up to 0 (then it is known to be 0).
   */
  const counts = (i: number, j: number): boolean => v(i, j) > 0 || (isUnknown(i, j) && v(i, C) > 0 && v(R, j) > 0);
  for (const line of lines) {
    const [ti, tj] = totalOf(line);
    if (v(ti, tj) > 0 && v(ti, tj) < K) {
      hide(ti, tj);
      unknown[ti]![tj] = true;
      for (const [i, j] of figures(line)) {
        hide(i, j);
        unknown[i]![j] = true;
      }
    }
  }

  // Rule 3 for one line; true when it suppressed something.
  const protectLine = (line: Line): boolean => {
    const [ti, tj] = totalOf(line);
    if (isHidden(ti, tj)) return false;
    const members = figures(line);
    const suppressed = members.filter(([i, j]) => isHidden(i, j));
    const sum = suppressed.reduce((s, [i, j]) => s + v(i, j), 0);
    const nonZero = suppressed.filter(([i, j]) => counts(i, j)).length;
    const vague = suppressed.some(([i, j]) => isUnknown(i, j) && counts(i, j));
    if ((sum === 0 && !vague) || (nonZero >= 2 && sum >= K)) return false;
    const next = members.filter(([i, j]) => !isHidden(i, j) && v(i, j) > 0).sort((a, b) => v(a[0], a[1]) - v(b[0], b[1]))[0];
    if (next) hide(next[0], next[1]);
    else hide(ti, tj);
    return true;
  };

  // Rule 4: vertices 0…R are the rows, R+1…R+C+1 the columns; an edge per suppressed figure.
  const vertexCount = R + C + 2;
  const col = (j: number): number => R + 1 + j;
  const bridges = (): [number, number][] => {
    const adjacency: { to: number; i: number; j: number }[][] = Array.from({ length: vertexCount }, () => []);
    for (let i = 0; i <= R; i++) {
      for (let j = 0; j <= C; j++) {
        // A suppressed zero protects nothing: counts are never negative, so a
        // line whose other suppressed figures add up to its rest shows it is 0.
        if (!isHidden(i, j) || !counts(i, j)) continue;
        adjacency[i]!.push({ to: col(j), i, j });
        adjacency[col(j)]!.push({ to: i, i, j });
      }
    }
    // Tarjan's bridge-finding (iterative depth-first search with low-links).
    const order = new Array<number>(vertexCount).fill(-1);
    const low = new Array<number>(vertexCount).fill(0);
    const found: [number, number][] = [];
    let counter = 0;
    for (let start = 0; start < vertexCount; start++) {
      if (order[start] !== -1) continue;
      const stack: { vertex: number; parentEdge: string | undefined; next: number }[] = [{ vertex: start, parentEdge: undefined, next: 0 }];
      order[start] = low[start] = counter++;
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const edges = adjacency[top.vertex]!;
        if (top.next < edges.length) {
          const e = edges[top.next++]!;
          const id = `${e.i},${e.j}`;
          if (id === top.parentEdge) continue;
          if (order[e.to] === -1) {
            order[e.to] = low[e.to] = counter++;
            stack.push({ vertex: e.to, parentEdge: id, next: 0 });
          } else {
            low[top.vertex] = Math.min(low[top.vertex]!, order[e.to]!);
          }
        } else {
          stack.pop();
          const parent = stack[stack.length - 1];
          if (parent) {
            low[parent.vertex] = Math.min(low[parent.vertex]!, low[top.vertex]!);
            if (low[top.vertex]! > order[parent.vertex]!) {
              const [i, j] = top.parentEdge!.split(',').map(Number) as [number, number];
              found.push([i, j]);
            }
          }
        }
      }
    }
    return found;
  };
  // The cheapest path between a bridge's row and column that does not use the
  // bridge, through non-zero figures only (see above): suppressed figures cost
  // nothing, shown ones their count (plus a half, so that fewer are preferred).
  // Dijkstra on the grid's complete bipartite graph. A path always exists
  // through the margins: a non-zero cell has a non-zero row total, column
  // total and grand total.
  const closeCycle = (bi: number, bj: number): boolean => {
    const distance = new Array<number>(vertexCount).fill(Infinity);
    const via = new Array<[number, number, number] | undefined>(vertexCount).fill(undefined);
    const done = new Array<boolean>(vertexCount).fill(false);
    distance[bi] = 0;
    for (;;) {
      let u = -1;
      for (let x = 0; x < vertexCount; x++) if (!done[x] && distance[x]! < Infinity && (u === -1 || distance[x]! < distance[u]!)) u = x;
      if (u === -1 || u === col(bj)) break;
      done[u] = true;
      const neighbours = u <= R ? Array.from({ length: C + 1 }, (_, j) => col(j)) : Array.from({ length: R + 1 }, (_, i) => i);
      for (const w of neighbours) {
        const [i, j] = u <= R ? [u, w - R - 1] : [w, u - R - 1];
        if ((i === bi && j === bj) || !counts(i, j)) continue;
        const cost = isHidden(i, j) ? 0 : v(i, j) + 0.5;
        if (distance[u]! + cost < distance[w]!) {
          distance[w] = distance[u]! + cost;
          via[w] = [u, i, j];
        }
      }
    }
    if (via[col(bj)] === undefined) return false;
    for (let w = col(bj); w !== bi; ) {
      const [from, i, j] = via[w]!;
      hide(i, j);
      w = from;
    }
    return true;
  };

  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) if (protectLine(line)) changed = true;
    if (changed) continue;
    const exposed = bridges().find(([i, j]) => counts(i, j));
    if (exposed) {
      // Unreachable with at least one row and one column: the grid's graph is complete bipartite.
      if (!closeCycle(exposed[0], exposed[1])) throw new Error('suppressTable: a suppressed figure cannot be protected');
      changed = true;
    }
  }

  // What is shown is published: perturbed by its cell key, and suppressed
  // after all when the perturbed value falls below K.
  const published = (i: number, j: number): number | undefined => (isHidden(i, j) ? undefined : publishCount(v(i, j), keys[i]![j]!, K, noise));
  const shownTotal = (i: number, j: number): ShownTotal => {
    const n = published(i, j);
    return n === undefined ? { suppressed: true } : { suppressed: false, n };
  };
  const shownCell = <X extends string>(key: X, i: number, j: number): ShownCell<X> => shownOrSuppressed(key, published(i, j));
  return {
    rows: rows.map((row, i) => ({
      key: row.key,
      cells: columnKeys.map((key, j) => shownCell(key, i, j)),
      total: shownTotal(i, C),
    })),
    columnTotals: columnKeys.map((key, j) => shownCell(key, R, j)),
    total: shownTotal(R, C),
  };
}
