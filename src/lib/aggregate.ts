/**
 * The privacy rule for every figure shown or exported: a cell counting fewer
 * than K respondents (or reports) is suppressed, and so is enough of the rest
 * of its row that the suppressed cell cannot be worked out by subtracting the
 * shown cells from the shown total (complementary suppression).
 *
 * This is the one place the rule lives; pages and exports call it and show a
 * suppressed cell as "for få svar" / "too few responses", never as 0 or blank.
 */

export interface Cell<K extends string = string> {
  key: K;
  n: number;
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
export function suppressRow<K extends string>(cells: readonly Cell<K>[], k: number): Row<K> {
  const K = Math.max(MIN_K, k);
  const total = cells.reduce((s, c) => s + c.n, 0);
  if (total < K) return { cells: cells.map((c) => ({ key: c.key, suppressed: true })), total: { suppressed: true } };
  const hidden = new Set(cells.filter((c) => c.n > 0 && c.n < K).map((c) => c.key));
  // Complementary suppression: keep hiding the smallest shown non-zero cell
  // until the hidden cells are not a single one and together reach K.
  const hiddenSum = () => cells.filter((c) => hidden.has(c.key)).reduce((s, c) => s + c.n, 0);
  while (hidden.size > 0 && (hidden.size === 1 || hiddenSum() < K)) {
    const next = cells.filter((c) => !hidden.has(c.key) && c.n > 0).sort((a, b) => a.n - b.n)[0];
    if (!next) break;
    hidden.add(next.key);
  }
  return {
    cells: cells.map((c) => (hidden.has(c.key) ? { key: c.key, suppressed: true } : { key: c.key, suppressed: false, n: c.n })),
    total: { suppressed: false, n: total },
  };
}

/** A count of reports in one H3 hexagon (or any other map cell). */
export interface MapCellCount {
  cell: string;
  n: number;
}

/**
 * The map rule: a cell with fewer than K reports is dropped, not shown as 0
 * or as "too few", so an empty hexagon and a small one look the same.
 */
export function cellsAtLeastK<T extends MapCellCount>(counts: readonly T[], k: number): T[] {
  const K = Math.max(MIN_K, k);
  return counts.filter((c) => c.n >= K);
}

/** An area's total with how many of its reports lie in cells the map does not show. */
export interface AreaCount<K extends string = string> {
  key: K;
  n: number;
  /** Reports of this area in cells dropped by cellsAtLeastK. */
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
export function suppressAreaTotals<K extends string>(areas: readonly AreaCount<K>[], k: number): ShownCell<K>[] {
  const K = Math.max(MIN_K, k);
  const row = suppressRow(
    areas.map((a) => ({ key: a.key, n: a.n })),
    K,
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
  dimensions: readonly FilterDimension<R>[],
  k: number,
): FilteredRelease {
  const K = Math.max(MIN_K, k);
  const counts = new Map<string, number>();
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
    }
  }
  const units = [...new Set(records.map(unitOf))];
  const memo = new Map<string, number | undefined>();
  const count = (unit: string, filter: Filter): number => counts.get(key(unit, filter)) ?? 0;

  function shown(unit: string, filter: Filter): number | undefined {
    const memoKey = key(unit, filter);
    if (memo.has(memoKey)) return memo.get(memoKey);
    let result: number | undefined = count(unit, filter);
    if (result < K) result = undefined;
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
      const { cells } = suppressRow(remainder > 0 ? [...siblings, { key: '\u0002', n: remainder }] : siblings, K);
      const cell = cells.find((c) => c.key === value);
      if (!cell || cell.suppressed) result = undefined;
    }
    memo.set(memoKey, result);
    return result;
  }
  return { shown, units: () => units };
}
