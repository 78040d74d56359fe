/**
 * The benchmark's growth mode (`npm run bench -- --sizes 10000,100000,1000000`):
 * reading the list of sizes, and the Markdown table of each page's time at
 * each size with its growth from the smallest size to the largest. Pure
 * functions, so tests/unit/bench-growth.test.ts can check them.
 */

/** The largest size seed:large accepts (responses and reports each). */
export const MAX_SIZE = 10_000_000;

/**
 * `--sizes`: whole numbers separated by commas, each with an optional `k`
 * (thousand) or `M` (million) and `_` as a digit separator
 * ("10k,100_000,1M"). Returns them ascending, without repeats; throws an
 * Error that says what is wrong.
 */
export function parseSizes(text: string): number[] {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) throw new Error('--sizes needs at least one size, e.g. --sizes 10000,100000,1000000');
  const sizes = parts.map((part) => {
    const match = /^(\d[\d_]*)([kKmM]?)$/.exec(part);
    const n = match ? Number(match[1]!.replaceAll('_', '')) * ({ k: 1_000, m: 1_000_000 }[match[2]!.toLowerCase()] ?? 1) : NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > MAX_SIZE) throw new Error(`--sizes: "${part}" is not a whole number from 1 to ${MAX_SIZE.toLocaleString('en')}`);
    return n;
  });
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** A page's time at one size (ms), or undefined where it was not measured or did not answer 200. */
export interface GrowthCell {
  p50: number;
  p99: number;
  /** Some requests failed (a status other than 2xx/3xx, or a connection error). */
  failed?: boolean;
}

export interface GrowthRow {
  page: string;
  database: string;
  /** One per size, in the order of the sizes. */
  cells: (GrowthCell | undefined)[];
}

const int = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => (n < 10 ? n.toFixed(1) : int(n));

/**
 * The growth from the first measured size to the last: the ratio of the p50
 * times, and the exponent k of size^k that gives it (0: flat; 1: linear in
 * the data; a logarithmic growth shows as a small k that shrinks as the
 * sizes grow). Undefined with fewer than two measured sizes.
 */
export function growth(sizes: readonly number[], cells: readonly (GrowthCell | undefined)[]): { ratio: number; exponent: number } | undefined {
  const measured = cells.flatMap((c, i) => (c === undefined ? [] : [{ size: sizes[i]!, p50: c.p50 }]));
  if (measured.length < 2) return undefined;
  const first = measured[0]!;
  const last = measured.at(-1)!;
  if (first.p50 <= 0 || last.size === first.size) return undefined;
  const ratio = last.p50 / first.p50;
  return { ratio, exponent: Math.log(ratio) / Math.log(last.size / first.size) };
}

/** The table's lines: a row per page and database, a column per size (p50 / p99 ms), then the growth. */
export function growthTable(sizes: readonly number[], rows: readonly GrowthRow[]): string[] {
  const lines = [
    `| page | database | ${sizes.map((s) => `${int(s)}: p50 / p99 ms`).join(' | ')} | p50 growth (largest ÷ smallest) | ≈ size^k |`,
    `| --- | --- | ${sizes.map(() => '--:').join(' | ')} | --: | --: |`,
  ];
  for (const row of rows) {
    const cells = sizes.map((_, i) => {
      const c = row.cells[i];
      return c === undefined ? 'n/a' : `${ms(c.p50)} / ${ms(c.p99)}${c.failed ? ' ⚠' : ''}`;
    });
    const g = growth(sizes, row.cells);
    lines.push(`| ${row.page} | ${row.database} | ${cells.join(' | ')} | ${g ? `×${g.ratio.toFixed(2)}` : '–'} | ${g ? `k = ${g.exponent.toFixed(2)}` : '–'} |`);
  }
  return lines;
}
