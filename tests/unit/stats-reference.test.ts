/**
 * The goal method against an independent implementation: the committed
 * fixture (tests/reference/goals-*.csv: two waves of respondents, population
 * margins, three goals) and the figures R's `survey` package computed from it
 * (tests/reference/goals.R → goals-expected.csv, with the R and package
 * versions in its last rows). R is not needed here: the expected values are
 * read from the committed file. Every figure must match to 1e-9, computed
 * with the options the site itself rakes with (trimming bounds, tolerance).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proportionEstimate, twoProportionTest } from '../../src/lib/stats/proportion.ts';
import { rake } from '../../src/lib/stats/raking.ts';
import { changeVerdict, holmAdjust, targetVerdict, type GoalDirection } from '../../src/lib/stats/verdict.ts';
import { TRIM_DEFAULT } from '../../src/server/dashboard/indicators.ts';

const dir = new URL('../reference/', import.meta.url);
function csv(name: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(new URL(name, dir), 'utf8').trim().split(/\r?\n/);
  const keys = head!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i]!, v])));
}

const respondents = csv('goals-respondents.csv');
const margins = csv('goals-margins.csv');
const goals = csv('goals-definitions.csv');
const expected = new Map(csv('goals-expected.csv').map((r) => [r.key!, r.value!]));
const num = (key: string): number => {
  const v = expected.get(key);
  if (v === undefined) throw new Error(`no expected value ${key}`);
  return Number(v);
};
const TOLERANCE = 1e-9;
const close = (actual: number, key: string) => expect(Math.abs(actual - num(key)), key).toBeLessThanOrEqual(TOLERANCE);

const targets = (variable: string) => Object.fromEntries(margins.filter((m) => m.variable === variable).map((m) => [m.category!, Number(m.population)]));
const WAVES = ['2024', '2025'] as const;

function weightsOf(wave: string): Map<number, number> {
  const rows = respondents.filter((r) => r.wave === wave);
  const result = rake(
    rows.map((r) => ({ id: Number(r.id), values: { gender: r.gender!, age: r.age! } })),
    [
      { variable: 'gender', targets: targets('gender') },
      { variable: 'age', targets: targets('age') },
    ],
    // The options the site rakes with (src/server/dashboard/answers.ts and indicators.ts): its
    // trimming bounds and the default tolerance and passes, so the figures compared are the site's.
    { trim: TRIM_DEFAULT },
  );
  if (!result.ok) throw new Error(result.reason);
  expect(result.converged).toBe(true);
  return result.weights;
}

function estimates(wave: string, indicator: string) {
  const weights = weightsOf(wave);
  return proportionEstimate(respondents.filter((r) => r.wave === wave).map((r) => ({ weight: weights.get(Number(r.id))!, success: r[indicator] === '1' })));
}

describe('the goal method against R survey (tests/reference/goals.R)', () => {
  it('the reference was made with R and the survey package, versions recorded', () => {
    expect(expected.get('R.version')).toMatch(/^R version \d/);
    expect(expected.get('survey.version')).toMatch(/^\d/);
  });

  it('raking weights (mean 1) match survey::rake for every respondent', () => {
    for (const wave of WAVES) {
      const weights = weightsOf(wave);
      expect(weights.size).toBe(respondents.filter((r) => r.wave === wave).length);
      for (const [id, w] of weights) close(w, `weight.${wave}.${id}`);
    }
  });

  it('shares, effective n, design effects and Wilson intervals match', () => {
    for (const wave of WAVES) {
      for (const g of goals) {
        const e = estimates(wave, g.indicator!);
        close(e.p, `p.${g.goal!}.${wave}`);
        close(e.low, `low.${g.goal!}.${wave}`);
        close(e.high, `high.${g.goal!}.${wave}`);
        close(e.effectiveN, `effectiveN.${wave}`);
        close(e.designEffect, `designEffect.${wave}`);
      }
    }
  });

  it('changes, Newcombe intervals, z, p-values, Holm-adjusted p-values and both verdicts match', () => {
    const tests = goals.map((g) => {
      const a = estimates('2024', g.indicator!);
      const b = estimates('2025', g.indicator!);
      return { g, b, t: twoProportionTest(a, b) };
    });
    const adjusted = holmAdjust(tests.map((x) => x.t.pValue));
    const verdicts = new Set<string>();
    tests.forEach(({ g, b, t }, i) => {
      const id = g.goal!;
      close(t.difference, `difference.${id}`);
      close(t.low, `changeLow.${id}`);
      close(t.high, `changeHigh.${id}`);
      close(t.zStatistic, `z.${id}`);
      close(t.pValue, `pValue.${id}`);
      close(adjusted[i]!, `holm.${id}`);
      const direction = g.direction as GoalDirection;
      const tv = targetVerdict(b, Number(g.target), direction);
      const cv = changeVerdict(t.difference, adjusted[i]!, direction);
      expect(tv, `targetVerdict.${id}`).toBe(expected.get(`targetVerdict.${id}`));
      expect(cv, `changeVerdict.${id}`).toBe(expected.get(`changeVerdict.${id}`));
      verdicts.add(tv).add(cv);
    });
    // The fixture is chosen so that the verdicts are not all alike.
    expect(verdicts.size).toBeGreaterThanOrEqual(3);
  });
});
