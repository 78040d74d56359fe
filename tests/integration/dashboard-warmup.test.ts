/**
 * The dashboard front's kept figures: the start-up warm-up (warmGoalStatuses)
 * works out the planned view's closed-wave estimates so that the first view
 * finds them kept, a view arriving while they are worked out waits for the
 * same work, the locale does not make entries of its own, and the cache
 * keeps at most ESTIMATE_CACHE_ENTRIES, the least recently used going first.
 *
 * Whether a figure was worked out again is seen from the figure itself: an
 * answer is changed behind the cache's back (the stamps follow responses,
 * not answers), so a kept estimate still shows the old share and one worked
 * out afresh the new.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { areas, type Survey } from '../../db/schema.ts';
import { ESTIMATE_CACHE_ENTRIES, INSECURITY_EVENING, estimateIndicator, keptEstimates, type IndicatorResult } from '../../src/server/dashboard/indicators.ts';
import { listGoalStatuses, listGoals, parseEstimateOptions, warmGoalStatuses, type GoalStatus } from '../../src/server/dashboard/goals.ts';
import { waveShares } from '../../src/server/dashboard/analysis.ts';
import { cache as areaAnswers, forgetAreaAnswers } from '../../src/server/dashboard/answers.ts';
import type { ShownEstimate } from '../../src/server/dashboard/estimates.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';
import { addRespondents, changeAnswersBehindCaches, makeEveningGoal, makeSeries, makeWave } from '../support/survey-factory.ts';

const K = 5;
let t: TestDb;
let inner: number;
let baseline: Survey;
let latest: Survey;

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  inner = (await t.db.select().from(areas)).find((a) => a.slug === 'indre-norrebro')!.id;
  const analyst = (await makeUser(t.db, 'analyst')).user.id;
  const seriesId = await makeSeries(t.db);
  baseline = await makeWave(t.db, seriesId, { year: 2024 });
  latest = await makeWave(t.db, seriesId, { year: 2025 });
  const A = 'indre-norrebro';
  // Baseline 20 unsafe of 60 (33.3 %), latest 10 unsafe of 60 (16.7 %).
  await addRespondents(t.db, baseline, 20, {
    area: A,
    safety_evening: 'unsafe',
    gender: 'woman',
  });
  await addRespondents(t.db, baseline, 40, {
    area: A,
    safety_evening: 'safe',
    gender: 'man',
  });
  await addRespondents(t.db, latest, 10, {
    area: A,
    safety_evening: 'unsafe',
    gender: 'woman',
  });
  await addRespondents(t.db, latest, 50, {
    area: A,
    safety_evening: 'safe',
    gender: 'man',
  });
  const goal = await makeEveningGoal(t.db, analyst, { seriesId, areaId: inner, baselineId: baseline.id, targetValue: 0.1 });
  expect((await listGoals(t.db)).map((g) => g.id)).toEqual([goal.id]);
});

/** Turns `count` of a wave's "safe" answers into "unsafe" behind the caches' back. */
const moreUnsafe = (wave: Survey, count: number) => changeAnswersBehindCaches(t.db, wave, 'safety_evening', 'safe', 'unsafe', count);

const shareOf = (r: IndicatorResult): number => (r.suppressed === false ? r.p : NaN);
const latestShare = (statuses: readonly GoalStatus[]): number => (statuses[0]?.latest?.kind === 'estimate' ? statuses[0].latest.p : NaN);
const planned = (locale: 'da' | 'en' = 'da') => ({
  ...parseEstimateOptions(new URLSearchParams(), K),
  locale,
});

describe('the start-up warm-up of the dashboard front', () => {
  it('works out the planned view once: the first view then reads the kept figures, in either language', async () => {
    expect(keptEstimates(t.db)).toBe(0);
    expect(await warmGoalStatuses(t.db, K)).toBe(1);
    const kept = keptEstimates(t.db);
    expect(kept).toBeGreaterThan(0);
    const warmed = await listGoalStatuses(t.db, planned());
    expect(latestShare(warmed)).toBeCloseTo(10 / 60, 12);
    // Changed answers are not seen: the view was served from what the warm-up kept, and made no new entries.
    await moreUnsafe(latest, 5);
    const da = await listGoalStatuses(t.db, planned('da'));
    const en = await listGoalStatuses(t.db, planned('en'));
    expect(keptEstimates(t.db)).toBe(kept);
    expect(latestShare(da)).toBeCloseTo(10 / 60, 12);
    expect(latestShare(en)).toBeCloseTo(10 / 60, 12);
    expect(en[0]!.change).toEqual(da[0]!.change);
    // Another view (everyone who named the area, not only residents) is worked out afresh and sees the change.
    const everyone = await listGoalStatuses(t.db, {
      ...planned(),
      population: 'all',
    });
    expect(latestShare(everyone)).toBeCloseTo(15 / 60, 12);
  });

  it('a view asked for while the warm-up is under way waits for the same work and gets the same figures', async () => {
    const warming = warmGoalStatuses(t.db, K);
    const view = listGoalStatuses(t.db, planned());
    await warming;
    const first = await view;
    const kept = keptEstimates(t.db);
    // Worked out once: a second warm-up adds nothing, and the view's figures are the warm-up's.
    await warmGoalStatuses(t.db, K);
    expect(keptEstimates(t.db)).toBe(kept);
    expect(await listGoalStatuses(t.db, planned())).toEqual(first);
  });
});

describe('the kept closed-wave estimates', () => {
  it(`keep at most ${ESTIMATE_CACHE_ENTRIES}, the least recently used going first`, async () => {
    const options = (k: number) => ({
      k,
      weighted: false,
      excludeSuspicious: true,
    });
    // Entry 0 is K = 5; then as many more K as fill the cache exactly.
    const first = await estimateIndicator(t.db, INSECURITY_EVENING, latest.id, inner, options(5));
    expect(shareOf(first)).toBeCloseTo(10 / 60, 12);
    for (let k = 6; k < 5 + ESTIMATE_CACHE_ENTRIES; k++) await estimateIndicator(t.db, INSECURITY_EVENING, latest.id, inner, options(k));
    expect(keptEstimates(t.db)).toBe(ESTIMATE_CACHE_ENTRIES);
    await moreUnsafe(latest, 5);
    // Still kept (the cache is full, not over): the old figure.
    expect(shareOf(await estimateIndicator(t.db, INSECURITY_EVENING, latest.id, inner, options(5)))).toBeCloseTo(10 / 60, 12);
    // K = 5 is now the most recently used; one more entry pushes out the least recently used, K = 6, not K = 5.
    await estimateIndicator(t.db, INSECURITY_EVENING, latest.id, inner, options(5 + ESTIMATE_CACHE_ENTRIES));
    expect(keptEstimates(t.db)).toBe(ESTIMATE_CACHE_ENTRIES);
    expect(shareOf(await estimateIndicator(t.db, INSECURITY_EVENING, latest.id, inner, options(5)))).toBeCloseTo(10 / 60, 12);
    const six = await estimateIndicator(t.db, INSECURITY_EVENING, latest.id, inner, options(6));
    expect(shareOf(six)).toBeCloseTo(15 / 60, 12);
    expect(keptEstimates(t.db)).toBe(ESTIMATE_CACHE_ENTRIES);
  });

  it('give the same estimate for options that differ only in fields the estimate does not use', async () => {
    await estimateIndicator(t.db, INSECURITY_EVENING, latest.id, inner, {
      k: K,
      weighted: true,
      excludeSuspicious: true,
    });
    const kept = keptEstimates(t.db);
    // Defaults spelled out, another field order, a locale: the same entry.
    await estimateIndicator(t.db, INSECURITY_EVENING, latest.id, inner, {
      excludeSuspicious: true,
      weighted: true,
      k: K,
      population: 'residents',
      sample: 'invited',
      trim: { min: 0.2, max: 5 },
    });
    await estimateIndicator(t.db, INSECURITY_EVENING, latest.id, inner, {
      ...planned('en'),
    });
    expect(keptEstimates(t.db)).toBe(kept);
  });
});

describe('the public results of a closed wave (/resultater)', () => {
  const evening = [{ key: 'safety_evening', item: null, values: ['unsafe', 'very_unsafe'] }];
  const shareOf = (shown: (ShownEstimate | undefined)[]): number | undefined => (shown[0] && !shown[0].suppressed ? shown[0].p : undefined);

  it('are worked out once and kept with the estimates, and again when the wave gets a response', async () => {
    const options = parseEstimateOptions(new URLSearchParams(), K);
    const before = keptEstimates(t.db);
    const first = await waveShares(t.db, latest.id, inner, evening, options);
    expect(shareOf(first)).toBeCloseTo(10 / 60, 12);
    expect(keptEstimates(t.db)).toBe(before + 1);
    // The next view gets the very figures kept, not new ones.
    expect(await waveShares(t.db, latest.id, inner, evening, options)).toBe(first);
    // Another choice of the switches is an entry of its own.
    expect(await waveShares(t.db, latest.id, inner, evening, { ...options, excludeSuspicious: false })).not.toBe(first);
    expect(keptEstimates(t.db)).toBe(before + 2);
    // A late (paper) response moves the wave's stamp: worked out again, with it.
    await addRespondents(t.db, latest, 1, { area: 'indre-norrebro', safety_evening: 'safe', gender: 'man' });
    const after = await waveShares(t.db, latest.id, inner, evening, options);
    expect(after).not.toBe(first);
    expect(shareOf(after)).toBeCloseTo(10 / 61, 12);
  });

  it("keep their figures when the answers they were worked out from are dropped (the start-up preparation's last step, serve.ts); a view not kept reads the answers again", async () => {
    const options = parseEstimateOptions(new URLSearchParams(), K);
    const first = await waveShares(t.db, latest.id, inner, evening, options);
    // The answers are kept once per process (globalThis), for the pages' module graph as well as serve.ts's.
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('tryghed.areaAnswers')]).toBe(areaAnswers);
    expect(areaAnswers.get(t.db)?.size).toBeGreaterThan(0);
    forgetAreaAnswers(t.db);
    expect(areaAnswers.get(t.db)).toBeUndefined();
    expect(await waveShares(t.db, latest.id, inner, evening, options)).toBe(first);
    expect(areaAnswers.get(t.db)).toBeUndefined();
    const everyone = await waveShares(t.db, latest.id, inner, evening, { ...options, excludeSuspicious: false });
    expect(shareOf(everyone)).toBeCloseTo(10 / 60, 12);
    expect(areaAnswers.get(t.db)?.size).toBe(1);
  });
});
