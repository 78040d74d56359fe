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
