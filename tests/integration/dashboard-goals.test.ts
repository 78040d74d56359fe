/**
 * Goal tracking against a real SQLite file with crafted responses whose
 * figures are worked out by hand (the working is in the comments): the
 * baseline and latest shares, their Wilson intervals, the change with
 * Newcombe's interval and the two-proportion test, weighted by raking to
 * population margins and unweighted, the suspicious switch, and K. The n
 * shown is the disclosure engine's published count (src/lib/disclosure),
 * worked out from the respondents' record keys; the estimates are exact.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { answers, areas, questions, responses } from '../../db/schema.ts';
import { addKeys, publishCount } from '../../src/lib/disclosure/index.ts';
import { isSuppressed, toCsv } from '../../src/lib/data-table.ts';
import { INSECURITY_EVENING, estimateIndicator } from '../../src/server/dashboard/indicators.ts';
import { createGoal, goalStatus, goalsTable, listGoals, setMargins } from '../../src/server/dashboard/goals.ts';
import { goalSentence } from '../../src/server/dashboard/front.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';
import { addRespondents, makeEveningGoal, makeSeries, makeWave } from '../support/survey-factory.ts';
import type { Survey } from '../../db/schema.ts';

let t: TestDb;
let inner: number;
let square: number;
let seriesId: number;
let baseline: Survey;
let latest: Survey;
let analyst: number;

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  const all = await t.db.select().from(areas);
  inner = all.find((a) => a.slug === 'indre-norrebro')!.id;
  square = all.find((a) => a.slug === 'skt-hans-torv')!.id;
  analyst = (await makeUser(t.db, 'analyst')).user.id;
  seriesId = await makeSeries(t.db);
  baseline = await makeWave(t.db, seriesId, { year: 2024 });
  latest = await makeWave(t.db, seriesId, { year: 2025 });
  const A = 'indre-norrebro';
  // Baseline: 60 women (18 unsafe = 30 %), 40 men (4 unsafe = 10 %), 3 "don't know" who did not give their gender.
  await addRespondents(t.db, baseline, 12, { area: A, safety_evening: 'unsafe', gender: 'woman' });
  await addRespondents(t.db, baseline, 6, { area: A, safety_evening: 'very_unsafe', gender: 'woman' });
  await addRespondents(t.db, baseline, 42, { area: A, safety_evening: 'safe', gender: 'woman' });
  await addRespondents(t.db, baseline, 4, { area: A, safety_evening: 'unsafe', gender: 'man' });
  await addRespondents(t.db, baseline, 36, { area: A, safety_evening: 'neither', gender: 'man' });
  await addRespondents(t.db, baseline, 3, { area: A, safety_evening: 'dont_know', gender: 'prefer_not' });
  // Latest: 40 women (4 unsafe = 10 %), 60 men (3 unsafe = 5 %).
  await addRespondents(t.db, latest, 4, { area: A, safety_evening: 'unsafe', gender: 'woman' });
  await addRespondents(t.db, latest, 36, { area: A, safety_evening: 'very_safe', gender: 'woman' });
  await addRespondents(t.db, latest, 3, { area: A, safety_evening: 'very_unsafe', gender: 'man' });
  await addRespondents(t.db, latest, 57, { area: A, safety_evening: 'safe', gender: 'man' });
  // Suspicious responses (too fast): all "very unsafe"; left out by default.
  await addRespondents(t.db, latest, 10, { area: A, safety_evening: 'very_unsafe', gender: 'man' }, { suspicious: true });
});

async function makeGoal(targetValue = 0.072) {
  return makeEveningGoal(t.db, analyst, { seriesId, areaId: inner, baselineId: baseline.id, targetValue });
}

const options = { k: 5, excludeSuspicious: true, locale: 'da' as const };

/** The published number of substantive answers to safety_evening in a wave's area (K = 5), from the stored record keys. */
async function publishedN(wave: Survey, areaId: number, withSuspicious = false): Promise<number | undefined> {
  const rows = await t.db
    .select({ cellKey: responses.cellKey, value: answers.value, suspicious: responses.suspicious })
    .from(responses)
    .innerJoin(answers, eq(answers.responseId, responses.id))
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .where(and(eq(responses.surveyId, wave.id), eq(responses.areaId, areaId), eq(questions.key, 'safety_evening')));
  const counted = rows.filter((r) => (withSuspicious || !r.suspicious) && r.value !== 'dont_know' && r.value !== 'prefer_not');
  return publishCount(
    counted.length,
    addKeys(...counted.map((r) => r.cellKey)),
    5,
  );
}

/** A published count: within the noise (2) of the count, and at least K. */
function expectNear(shown: number | undefined, count: number): void {
  expect(shown).toBeDefined();
  expect(Math.abs(shown! - count)).toBeLessThanOrEqual(2);
  expect(shown!).toBeGreaterThanOrEqual(5);
}

describe('goal status, unweighted', () => {
  it('baseline 22 of 100 and latest 7 of 100: a fall of 15 points that is statistically significant', async () => {
    const s = await goalStatus(t.db, await makeGoal(), { ...options, weighted: false });
    // "Don't know" is left out: 18 + 4 = 22 unsafe of 100 substantive answers.
    expect(s.baseline).toMatchObject({ kind: 'estimate', p: 0.22, n: await publishedN(baseline, inner), effectiveN: 100 });
    expectNear(await publishedN(baseline, inner), 100);
    // Wilson 95 % for 22/100: centre (0.22 + z²/200)/(1 + z²/100), z = 1.96 → 0.1500 to 0.3107.
    expect(s.baseline!.kind === 'estimate' && s.baseline!.low).toBeCloseTo(0.150013, 5);
    expect(s.baseline!.kind === 'estimate' && s.baseline!.high).toBeCloseTo(0.310704, 5);
    expect(s.latest).toMatchObject({ kind: 'estimate', p: 0.07, n: await publishedN(latest, inner) });
    expectNear(await publishedN(latest, inner), 100);
    // Pooled p = 29/200 = 0.145; se = √(0.145 · 0.855 · (1/100 + 1/100)) = 0.049795;
    // z = −0.15 / 0.049795 = −3.0124; two-sided p = 0.00259.
    expect(s.change!.difference).toBeCloseTo(-0.15, 10);
    expect(s.change!.pValue).toBeCloseTo(0.002592, 5);
    expect(s.change!.significant).toBe(true);
    // Newcombe: −0.15 − √((0.07 − 0.034319)² + (0.310704 − 0.22)²) = −0.2475, and −0.15 + √((0.137495 − 0.07)² + (0.22 − 0.150013)²) = −0.0528.
    expect(s.change!.low).toBeCloseTo(-0.247469, 5);
    expect(s.change!.high).toBeCloseTo(-0.052769, 5);
    // 7 % is below the 7.2 % target, but its interval (3.4 %–13.7 %) contains it: not yet clear, not "met".
    expect(s.latest!.kind === 'estimate' && s.latest!.low).toBeCloseTo(0.034319, 5);
    expect(s.targetVerdict).toBe('unclear');
    expect(s.targetMet).toBeUndefined();
    expect(s.change!.verdict).toBe('improved');
    expect(goalSentence(s, 'da')?.replace(/\s/g, ' ')).toBe('Utryghed om aftenen faldt fra 22 % til 7 %; faldet er statistisk sikkert.');
  });

  it('the suspicious responses count only when the switch is off', async () => {
    const s = await goalStatus(t.db, await makeGoal(), { ...options, weighted: false, excludeSuspicious: false });
    // 7 + 10 unsafe of 110.
    expect(s.latest).toMatchObject({ kind: 'estimate', n: await publishedN(latest, inner, true) });
    expectNear(await publishedN(latest, inner, true), 110);
    expect(s.latest!.kind === 'estimate' && s.latest!.p).toBeCloseTo(17 / 110, 10);
  });
});

describe('goal status, weighted by raking to population margins', () => {
  beforeEach(async () => {
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 5000 }, { category: 'man', population: 5000 }], 'Testtal', analyst);
  });

  it('weights women and men to half each: baseline 20 %, latest 7.5 %, with the design effect', async () => {
    const s = await goalStatus(t.db, await makeGoal(), { ...options, weighted: true });
    // Baseline: women 60 → weight 50/60 = 0.8333, men 40 → 50/40 = 1.25 (the three without a gender keep 1).
    // p = (0.8333 · 18 + 1.25 · 4) / 100 = (15 + 5) / 100 = 0.20.
    // Σw² = 60 · 0.8333² + 40 · 1.25² = 41.667 + 62.5 = 104.167; effective n = 100² / 104.167 = 96; deff = 100 / 96 = 1.0417.
    expect(s.baseline).toMatchObject({ kind: 'estimate', weighted: true, n: await publishedN(baseline, inner) });
    const b = s.baseline!.kind === 'estimate' ? s.baseline! : undefined;
    expect(b!.p).toBeCloseTo(0.2, 6);
    expect(b!.effectiveN).toBeCloseTo(96, 4);
    expect(b!.designEffect).toBeCloseTo(1.041667, 5);
    // Wilson on the effective n: 19.2 of 96 → 0.1322 to 0.2908.
    expect(b!.low).toBeCloseTo(0.132237, 5);
    expect(b!.high).toBeCloseTo(0.290848, 5);
    // Latest: women 40 → 1.25, men 60 → 0.8333; p = 0.5 · 0.10 + 0.5 · 0.05 = 0.075.
    const l = s.latest!.kind === 'estimate' ? s.latest! : undefined;
    expect(l!.p).toBeCloseTo(0.075, 6);
    expect(l!.effectiveN).toBeCloseTo(96, 4);
    // Pooled (0.2 · 96 + 0.075 · 96) / 192 = 0.1375; se = √(0.1375 · 0.8625 · 2/96) = 0.049706; z = −2.5148; p = 0.01191.
    expect(s.change!.difference).toBeCloseTo(-0.125, 6);
    expect(s.change!.pValue).toBeCloseTo(0.011911, 5);
    expect(s.change!.significant).toBe(true);
    expect(s.change!.low).toBeCloseTo(-0.223413, 5);
    expect(s.change!.high).toBeCloseTo(-0.027184, 5);
    // 7.5 % > 7.2 %, but the interval contains the target: not yet clear, weighted or not.
    expect(s.targetVerdict).toBe('unclear');
    expect(s.weighting).toMatchObject({ requested: true, basis: 'weighted', problems: [] });
  });

  it('an area without margins stays unweighted, and says so', async () => {
    // Seven, so that the noise cannot take the published n below K (which suppresses the estimate).
    await addRespondents(t.db, baseline, 7, { area: 'skt-hans-torv', safety_evening: 'unsafe', gender: 'woman' });
    const r = await estimateIndicator(t.db, INSECURITY_EVENING, baseline.id, square, { k: 5, weighted: true, excludeSuspicious: true });
    expect(r).toMatchObject({ suppressed: false, weighted: false, p: 1, n: await publishedN(baseline, square) });
  });
});

describe('goal status and K', () => {
  it('an area with four answers is "too few", with no share and no n anywhere', async () => {
    await addRespondents(t.db, baseline, 4, { area: 'skt-hans-torv', safety_evening: 'unsafe', gender: 'woman' });
    expect(await estimateIndicator(t.db, INSECURITY_EVENING, baseline.id, square, { k: 5, weighted: false, excludeSuspicious: true })).toEqual({ suppressed: true });
    const goal = await createGoal(
      t.db,
      { titleDa: 'Torvet', titleEn: null, seriesId, questionKey: 'safety_evening', item: null, successValues: ['unsafe'], areaId: square, direction: 'decrease', baseline: { kind: 'wave', surveyId: baseline.id }, targetValue: 0.1, targetDate: '2027-12-31' },
      analyst,
    );
    expect(goal.ok).toBe(true);
    const table = await goalsTable({ db: t.db, locale: 'da', role: 'analyst', k: 5, params: new URLSearchParams('vaegtet=0') });
    const row = table.rows.find((r) => r['goal'] === 'Torvet')!;
    expect(isSuppressed(row['baseline']!)).toBe(true);
    expect(isSuppressed(row['baselineN']!)).toBe(true);
    const csv = toCsv(table, 'danish', 'for få svar');
    const line = csv.split('\r\n').find((l) => l.startsWith('Torvet'))!;
    expect(line).toContain('for få svar');
    expect(line).not.toMatch(/;4;/);
  });

  it('comparable baseline: a hand-entered figure from another survey is context, and the series\' own first wave is the baseline', async () => {
    const r = await createGoal(
      t.db,
      { titleDa: 'Mod kommunens tal', titleEn: null, seriesId, questionKey: 'safety_evening', item: null, successValues: ['unsafe', 'very_unsafe'], areaId: inner, direction: 'decrease', baseline: { kind: 'manual', value: 0.25, n: 400, source: 'Kommunens tryghedsundersøgelse' }, targetValue: 0.1, targetDate: '2027-12-31' },
      analyst,
    );
    if (!r.ok) throw new Error(r.reason);
    const s = await goalStatus(t.db, (await listGoals(t.db)).find((g) => g.id === r.id)!, { ...options, weighted: false });
    // The outside figure is kept as context only; the comparison starts from the series' first closed wave (22 of 100).
    expect(s.external).toEqual({ p: 0.25, n: 400, source: 'Kommunens tryghedsundersøgelse' });
    expect(s.baselineRule).toBe('first_wave');
    expect(s.baseline).toMatchObject({ kind: 'estimate', p: 0.22, n: await publishedN(baseline, inner) });
    expect(s.baseline!.wave.id).toBe(baseline.id);
    expect(s.latest).toMatchObject({ p: 0.07 });
    expect(s.change!.difference).toBeCloseTo(-0.15, 10);
    // The goal and its chart use the same baseline: the trend's first point is the comparison's.
    expect(s.trend[0]).toBe(s.baseline);
  });

  it('an open wave is never the latest: its figures would change with every response', async () => {
    const open = await makeWave(t.db, seriesId, { year: 2026, status: 'open' });
    await addRespondents(t.db, open, 20, { area: 'indre-norrebro', safety_evening: 'very_unsafe', gender: 'man' });
    const s = await goalStatus(t.db, await makeGoal(), { ...options, weighted: false });
    expect(s.latest!.wave.id).toBe(latest.id);
  });
});

describe('goal estimates cannot point out a few respondents', () => {
  it('a share whose counted answers are between 1 and K − 1 shows no share, only the worst-case bound "below 5 %" (2 unsafe of 80)', async () => {
    await addRespondents(t.db, baseline, 2, { area: 'skt-hans-torv', safety_evening: 'unsafe', gender: 'man' });
    await addRespondents(t.db, baseline, 78, { area: 'skt-hans-torv', safety_evening: 'safe', gender: 'man' });
    const r = await estimateIndicator(t.db, INSECURITY_EVENING, baseline.id, square, { k: 5, weighted: false, excludeSuspicious: true });
    // K − 1 = 4 respondents of 80 at most: below 4/80 = 5 %, whether 1 or 4 of them answered "unsafe".
    expect(r).toMatchObject({ suppressed: 'bounded', side: 'below', bound: 0.05, low: 0 });
    expect(r).not.toHaveProperty('p');
    expect(r).not.toHaveProperty('n');
  });

  it('a share where all but a few gave a counted answer shows only the bound "above 95 %" (78 unsafe of 80)', async () => {
    await addRespondents(t.db, baseline, 78, { area: 'skt-hans-torv', safety_evening: 'unsafe', gender: 'man' });
    await addRespondents(t.db, baseline, 2, { area: 'skt-hans-torv', safety_evening: 'safe', gender: 'man' });
    const r = await estimateIndicator(t.db, INSECURITY_EVENING, baseline.id, square, { k: 5, weighted: false, excludeSuspicious: true });
    expect(r).toMatchObject({ suppressed: 'bounded', side: 'above', bound: 0.95, high: 1 });
    expect(r).not.toHaveProperty('p');
  });

  it('nobody or everybody counted is shown: a zero reveals no one', async () => {
    await addRespondents(t.db, baseline, 10, { area: 'skt-hans-torv', safety_evening: 'safe', gender: 'man' });
    expect(await estimateIndicator(t.db, INSECURITY_EVENING, baseline.id, square, { k: 5, weighted: false, excludeSuspicious: true })).toMatchObject({
      suppressed: false,
      p: 0,
      n: await publishedN(baseline, square),
    });
    expectNear(await publishedN(baseline, square), 10);
  });

  it('"include suspicious" is ignored when there are fewer than K of them, so with − without cannot reveal them', async () => {
    await addRespondents(t.db, baseline, 20, { area: 'skt-hans-torv', safety_evening: 'safe', gender: 'man' });
    await addRespondents(t.db, baseline, 2, { area: 'skt-hans-torv', safety_evening: 'very_unsafe', gender: 'man' }, { suspicious: true });
    const without = await estimateIndicator(t.db, INSECURITY_EVENING, baseline.id, square, { k: 5, weighted: false, excludeSuspicious: true });
    const withThem = await estimateIndicator(t.db, INSECURITY_EVENING, baseline.id, square, { k: 5, weighted: false, excludeSuspicious: false });
    expect(withThem).toEqual(without);
  });
});

describe('estimates of closed waves are kept, but never stale', () => {
  it('new population margins change the weighted estimate at once', async () => {
    const def = INSECURITY_EVENING;
    const weighted = { k: 5, weighted: true, excludeSuspicious: true };
    const unweightedFirst = await estimateIndicator(t.db, def, baseline.id, inner, weighted);
    expect(unweightedFirst).toMatchObject({ weighted: false, p: 0.22 });
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 5000 }, { category: 'man', population: 5000 }], 'Testtal', analyst);
    const after = await estimateIndicator(t.db, def, baseline.id, inner, weighted);
    expect(after).toMatchObject({ weighted: true });
    expect(after.suppressed === false && after.p).toBeCloseTo(0.2, 6);
  });
});
