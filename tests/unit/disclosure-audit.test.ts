/**
 * The audit statistical offices run on a release of tables: for every
 * figure that is hidden and truly small, find by linear programming the
 * smallest and largest value it can have given EVERY figure published
 * together (all filters of the public map at once: category × year ×
 * reporter, per hexagon and per area), and check that the attacker is left
 * with more than one possible value. That covers every linear combination of
 * published figures at once: differences across filters, cross-tabulations,
 * neighbour hexagons against their area, "all minus the sum of the shown".
 *
 * The attacker is given the rules: a shown figure p means the truth lies in
 * [p − D, p + D] and is at least K; a shown 0 is exactly 0. The LP solver
 * is HiGHS (the `highs` package).
 *
 * The same audit run on the structural rules alone (no noise) finds exact
 * small counts in many datasets, as the reviewers did: that proves the audit
 * sees the attack, and that the noise is what closes it.
 */
import highsLoader, { type Highs } from 'highs';
import { gridDisk, latLngToCell } from 'h3-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOISE, KEY_RANGE, NO_NOISE, type NoiseParameters } from '../../src/lib/disclosure/index.ts';
import type { ReporterType } from '../../db/schema.ts';
import { ReleasedReports, type ReleasedReport, type Release } from '../../src/server/disclosure/releases.ts';
import { ALL_PERIODS, prepareReportMap, type MapFilter } from '../../src/server/reports/map.ts';
import { PlaceBook } from '../../src/lib/places.ts';
import { SEEDED_PLACES } from '../../src/lib/seeded-places.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

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

const K = 5;
const CATEGORIES = ['violence', 'groups', 'drugs'];
const YEARS = ['2025', '2026'];
const REPORTERS = ['resident', 'visitor'] as const satisfies readonly ReporterType[];
const HEXES = gridDisk(latLngToCell(55.6895, 12.5535, 9), 1).slice(0, 3);
const AREA = 1;

interface Variable {
  name: string;
  hex: string;
  category: string;
  year: string;
  reporter: ReporterType;
}
const VARIABLES: Variable[] = HEXES.flatMap((hex, h) =>
  CATEGORIES.flatMap((category, c) =>
    YEARS.flatMap((year, y) => REPORTERS.map((reporter, r) => ({ name: `x${h}_${c}_${y}_${r}`, hex, category, year, reporter }))),
  ),
);

/** A dataset: a small, lumpy number of reports in each finest cell, many of them below K. */
function dataset(random: () => number): { release: Release; truth: Map<string, number> } {
  const records: ReleasedReport[] = [];
  const truth = new Map<string, number>();
  for (const v of VARIABLES) {
    const n = random() < 0.35 ? 0 : Math.floor(random() ** 2 * 9);
    truth.set(v.name, n);
    for (let i = 0; i < n; i++) {
      records.push({ cell: v.hex, areaId: AREA, category: v.category, year: v.year, reporterType: v.reporter, initiativeId: null, key: 1 + Math.floor(random() * (KEY_RANGE - 1)) });
    }
  }
  return { release: { id: 1, madeOn: '2026-06-01', records: ReleasedReports.from(records) }, truth };
}

/** One published figure: which variables it adds up, and what was shown (undefined: hidden or absent). */
interface Figure {
  label: string;
  vars: string[];
  shown: number | undefined;
}

function publishedFigures(release: Release, noise: NoiseParameters): Figure[] {
  const map = prepareReportMap(release, [AREA], K, new PlaceBook(SEEDED_PLACES.map((p) => ({ ...p, retired: false }))), noise);
  const figures: Figure[] = [];
  for (const category of [undefined, ...CATEGORIES]) {
    for (const period of [ALL_PERIODS, ...YEARS]) {
      for (const reporterType of [undefined, ...REPORTERS]) {
        const filter: MapFilter = { categorySlug: category, period, reporterType };
        const built = map.build(filter);
        const matches = (v: Variable) => (!category || v.category === category) && (period === ALL_PERIODS || v.year === period) && (!reporterType || v.reporter === reporterType);
        const label = `${category ?? '*'}/${period}/${reporterType ?? '*'}`;
        for (const hex of HEXES) {
          const shown = built.cells.find((c) => c.cell === hex)?.n;
          figures.push({ label: `${hex}/${label}`, vars: VARIABLES.filter((v) => v.hex === hex && matches(v)).map((v) => v.name), shown });
        }
        const area = built.areas.find((a) => a.areaId === AREA)!;
        figures.push({ label: `area/${label}`, vars: VARIABLES.filter(matches).map((v) => v.name), shown: area.total.suppressed ? undefined : area.total.n });
      }
    }
  }
  return figures;
}

/** The LP bounds of a figure given everything published. */
function bounds(figures: readonly Figure[], target: Figure, D: number): { min: number; max: number } {
  const constraints: string[] = [];
  figures.forEach((f, i) => {
    if (f.vars.length === 0) return;
    const sum = f.vars.join(' + ');
    if (f.shown === 0) constraints.push(` z${i}: ${sum} = 0`);
    else if (f.shown !== undefined) {
      constraints.push(` lo${i}: ${sum} >= ${Math.max(K, f.shown - D)}`);
      constraints.push(` hi${i}: ${sum} <= ${f.shown + D}`);
    }
    // A hidden figure tells nothing: an area's total can be hidden at 0 when the row of areas is below K.
  });
  const solve = (sense: 'Minimize' | 'Maximize'): number => {
    const lp = `${sense}\n obj: ${target.vars.join(' + ')}\nSubject To\n${constraints.join('\n')}\nBounds\n${VARIABLES.map((v) => ` ${v.name} >= 0`).join('\n')}\nEnd`;
    const result = highs.solve(lp);
    // Unbounded: the published figures put no limit on it at all.
    if (result.Status === 'Unbounded') return sense === 'Minimize' ? -Infinity : Infinity;
    // The truth always satisfies the constraints: anything else is a fault in the audit or the engine.
    if (result.Status !== 'Optimal') throw new Error(`LP ${sense} for ${target.label}: ${result.Status}`);
    return result.ObjectiveValue;
  };
  return { min: solve('Minimize'), max: solve('Maximize') };
}

/** Hidden figures whose true value is 1…K−1 and that the LP pins to a single whole number. */
let audited = 0;

function exactSmallCounts(release: Release, truth: Map<string, number>, noise: NoiseParameters): { figure: string; value: number }[] {
  const figures = publishedFigures(release, noise);
  const found: { figure: string; value: number }[] = [];
  const seen = new Set<string>();
  for (const f of figures) {
    if (f.shown !== undefined || f.vars.length === 0) continue;
    const value = f.vars.reduce((s, v) => s + truth.get(v)!, 0);
    const id = [...f.vars].sort().join(',');
    if (value < 1 || value >= K || seen.has(id)) continue;
    seen.add(id);
    audited++;
    const { min, max } = bounds(figures, f, noise.maxNoise);
    const integers = Math.floor(max + 1e-7) - Math.ceil(min - 1e-7) + 1;
    if (integers <= 1) found.push({ figure: f.label, value });
  }
  return found;
}

describe('no combination of the public map’s figures pins down a count below K', () => {
  it('the audit finds exact small counts when the structural rules stand alone (the reviewers’ cross-tabulation attack)', () => {
    const random = rng(11);
    let datasets = 0;
    for (let i = 0; i < 6; i++) {
      const { release, truth } = dataset(random);
      if (exactSmallCounts(release, truth, NO_NOISE).length > 0) datasets++;
    }
    console.log(`structural rules alone: exact small counts in ${datasets} of 6 datasets`);
    expect(datasets).toBeGreaterThan(0);
  }, 120_000);

  it('with the engine’s noise, no hidden count below K is determined by all published figures together', () => {
    const random = rng(12);
    const exposed: string[] = [];
    audited = 0;
    for (let i = 0; i < 10; i++) {
      const { release, truth } = dataset(random);
      for (const e of exactSmallCounts(release, truth, DEFAULT_NOISE)) exposed.push(`dataset ${i}: ${e.figure} = ${e.value}`);
    }
    console.log(`with noise: ${audited} hidden small figures audited in 10 datasets, ${exposed.length} determined`);
    expect(audited).toBeGreaterThan(50);
    expect(exposed).toEqual([]);
  }, 120_000);
});
