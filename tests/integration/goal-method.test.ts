/**
 * The rules that answer issue #15, each test named after its rule, against a
 * real SQLite file with crafted responses (the same series as
 * dashboard-goals.test.ts: 2024 baseline 22 of 100 unsafe, 2025 latest 7 of 100).
 */
import { and, desc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { answers, areas, questions, responses, surveys, type Survey } from '../../db/schema.ts';
import { applyHolm, createGoal, goalStatus, goalsTable, listGoalStatuses, parseEstimateOptions, setMargins } from '../../src/server/dashboard/goals.ts';
import { trendTable, waveDistributionTable, waveShares } from '../../src/server/dashboard/analysis.ts';
import { estimateIndicator, INSECURITY_EVENING, rakedWeights } from '../../src/server/dashboard/indicators.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';
import { addRespondents, makeEveningGoal, makeSeries, makeWave } from '../support/survey-factory.ts';

let t: TestDb;
let inner: number;
let seriesId: number;
let baseline: Survey;
let latest: Survey;
let analyst: number;
const A = 'indre-norrebro';

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  inner = (await t.db.select().from(areas)).find((a) => a.slug === A)!.id;
  analyst = (await makeUser(t.db, 'analyst')).user.id;
  seriesId = await makeSeries(t.db);
  baseline = await makeWave(t.db, seriesId, { year: 2024 });
  latest = await makeWave(t.db, seriesId, { year: 2025 });
  await addRespondents(t.db, baseline, 18, { area: A, safety_evening: 'unsafe', gender: 'woman' });
  await addRespondents(t.db, baseline, 42, { area: A, safety_evening: 'safe', gender: 'woman' });
  await addRespondents(t.db, baseline, 4, { area: A, safety_evening: 'unsafe', gender: 'man' });
  await addRespondents(t.db, baseline, 36, { area: A, safety_evening: 'safe', gender: 'man' });
  await addRespondents(t.db, latest, 4, { area: A, safety_evening: 'unsafe', gender: 'woman' });
  await addRespondents(t.db, latest, 36, { area: A, safety_evening: 'safe', gender: 'woman' });
  await addRespondents(t.db, latest, 3, { area: A, safety_evening: 'unsafe', gender: 'man' });
  await addRespondents(t.db, latest, 57, { area: A, safety_evening: 'safe', gender: 'man' });
});

async function goal(targetValue: number, over: Partial<Parameters<typeof createGoal>[1]> = {}) {
  return makeEveningGoal(t.db, analyst, { seriesId, areaId: inner, baselineId: baseline.id, targetValue }, { titleDa: 'Utryghed', titleEn: null, ...over });
}
const planned = { k: 5, weighted: true, excludeSuspicious: true, locale: 'da' as const };

/** Adds the relation question ("live or work") to a wave and gives the newest `count` respondents these relations. */
async function relation(wave: Survey, count: number, values: string[]) {
  let [q] = await t.db.select().from(questions).where(and(eq(questions.surveyId, wave.id), eq(questions.key, 'relation'))).limit(1);
  if (!q) {
    const [any] = await t.db.select().from(questions).where(eq(questions.surveyId, wave.id)).limit(1);
    [q] = await t.db
      .insert(questions)
      .values({ surveyId: wave.id, pageId: any!.pageId, position: 9, key: 'relation', type: 'multi', textDa: 'Tilknytning', config: { options: [{ value: 'resident', da: 'Bor' }, { value: 'works', da: 'Arbejder' }] } })
      .returning();
  }
  const newest = await t.db.select({ id: responses.id }).from(responses).where(eq(responses.surveyId, wave.id)).orderBy(desc(responses.id)).limit(count);
  for (const r of newest) for (const v of values) await t.db.insert(answers).values({ responseId: r.id, questionId: q!.id, item: null, value: v });
}


/**
 * A count as the disclosure engine publishes it (README "Privacy"): within the noise (±2) of
 * the true count and never below K. The estimates next to it are exact and asserted exactly.
 */
function expectPublished(n: unknown, truth: number): void {
  expect(typeof n).toBe('number');
  expect(Math.abs((n as number) - truth)).toBeLessThanOrEqual(2);
  expect(n as number).toBeGreaterThanOrEqual(5);
}

describe('issue #15, problem 1', () => {
  it('comparable baseline: an outside figure is context only, never tested; the series\' first wave is the baseline of goal and chart alike', async () => {
    const s = await goalStatus(t.db, await goal(0.12, { baseline: { kind: 'manual', value: 0.25, n: 300, source: 'Kommunens måling 2023' } }), planned);
    expect(s.external).toEqual({ p: 0.25, n: 300, source: 'Kommunens måling 2023' });
    expect(s.baselineRule).toBe('first_wave');
    expect(s.baseline!.wave.id).toBe(baseline.id);
    expect(s.trend[0]).toBe(s.baseline);
    // The change is 7 % against the 2024 wave's 22 %, not against 25 %.
    expect(s.change!.difference).toBeCloseTo(-0.15, 10);
  });
});

describe('issue #15, problem 2', () => {
  it('multiple choice over everyone shown the question: 30 of 100 ticked "community officers", 70 ticked nothing → 30 %, not 100 %', async () => {
    // A wave's questionnaire is frozen once it has responses: the question comes first.
    const wave = await makeWave(t.db, seriesId, { year: 2026 });
    const [any] = await t.db.select().from(questions).where(eq(questions.surveyId, wave.id)).limit(1);
    const [q] = await t.db
      .insert(questions)
      .values({ surveyId: wave.id, pageId: any!.pageId, position: 8, key: 'aware_initiatives', type: 'multi', textDa: 'Kendte indsatser', config: { options: [{ value: 'community_officers', da: 'Nærbetjente' }, { value: 'outreach', da: 'Opsøgende arbejde' }] } })
      .returning();
    await addRespondents(t.db, wave, 100, { area: A, safety_evening: 'safe', gender: 'woman' });
    const ids = (await t.db.select({ id: responses.id }).from(responses).where(eq(responses.surveyId, wave.id)).orderBy(responses.id)).map((r) => r.id);
    for (const id of ids.slice(0, 30)) await t.db.insert(answers).values({ responseId: id, questionId: q!.id, item: null, value: 'community_officers' });
    for (const id of ids.slice(0, 10)) await t.db.insert(answers).values({ responseId: id, questionId: q!.id, item: null, value: 'outreach' });
    const [share] = await waveShares(t.db, wave.id, inner, [{ key: 'aware_initiatives', item: null, values: ['community_officers'] }], { k: 5, weighted: false, excludeSuspicious: true });
    expect(share).toMatchObject({ suppressed: false, p: 0.3 });
    expectPublished((share as { n: number }).n, 30);
    expectPublished((share as { base: number }).base, 100);
    // Before the rule, the base was the 30 who ticked anything: 100 %.
    expect(share!.suppressed === false && share!.high).toBeLessThan(0.4);
  });

  it('behind skip logic, over those the questionnaire showed it to: 60 of 100 knew the area; 30 of them ticked officers, 20 "none of these", 10 nothing → 50 % and 33 %', async () => {
    const wave = await makeWave(t.db, seriesId, { year: 2026 });
    const [any] = await t.db.select().from(questions).where(eq(questions.surveyId, wave.id)).limit(1);
    const [knows] = await t.db
      .insert(questions)
      .values({ surveyId: wave.id, pageId: any!.pageId, position: 8, key: 'knows_area', type: 'single', textDa: 'Kender du området?', config: { options: [{ value: 'yes', da: 'Ja' }, { value: 'no', da: 'Nej' }] } })
      .returning();
    const [q] = await t.db
      .insert(questions)
      .values({
        surveyId: wave.id,
        pageId: any!.pageId,
        position: 9,
        key: 'aware_initiatives',
        type: 'multi',
        textDa: 'Kendte indsatser',
        config: { options: [{ value: 'community_officers', da: 'Nærbetjente' }, { value: 'outreach', da: 'Opsøgende arbejde' }], noneOption: true },
        showIf: { question: 'knows_area', anyOf: ['yes'] },
      })
      .returning();
    await addRespondents(t.db, wave, 100, { area: A, safety_evening: 'safe', gender: 'woman' });
    const ids = (await t.db.select({ id: responses.id }).from(responses).where(eq(responses.surveyId, wave.id)).orderBy(responses.id)).map((r) => r.id);
    const answer = (responseId: number, questionId: number, value: string) => t.db.insert(answers).values({ responseId, questionId, item: null, value });
    for (const [i, id] of ids.entries()) await answer(id, knows!.id, i < 60 ? 'yes' : 'no');
    for (const id of ids.slice(0, 30)) await answer(id, q!.id, 'community_officers');
    for (const id of ids.slice(30, 50)) await answer(id, q!.id, 'none_of_these');
    const [officers, none] = await waveShares(
      t.db,
      wave.id,
      inner,
      [
        { key: 'aware_initiatives', item: null, values: ['community_officers'] },
        { key: 'aware_initiatives', item: null, values: ['none_of_these'] },
      ],
      { k: 5, weighted: false, excludeSuspicious: true },
    );
    // The 40 who said no were never asked, so they are not in the base; the 10 who were asked and ticked nothing are.
    expect(officers).toMatchObject({ suppressed: false, p: 0.5 });
    expectPublished((officers as { base: number }).base, 60);
    expect(none).toMatchObject({ suppressed: false });
    expect((none as { p: number }).p).toBeCloseTo(20 / 60, 12);
  });
});

describe('issue #15, problem 3', () => {
  it('three-state target verdict: an interval containing the target is "not yet clear", never "not met"', async () => {
    // Latest 7 of 100, interval 3.4 %–13.7 %.
    expect((await goalStatus(t.db, await goal(0.12), planned)).targetVerdict).toBe('unclear');
    expect((await goalStatus(t.db, await goal(0.2), planned)).targetVerdict).toBe('met');
    expect((await goalStatus(t.db, await goal(0.02), planned)).targetVerdict).toBe('not_met');
  });
});

describe('issue #15, problem 4', () => {
  it('same weighting basis on both sides: a wave that cannot be weighted makes the comparison unweighted, with the true reason', async () => {
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 5000 }, { category: 'man', population: 5000 }], 'Testtal', analyst);
    // A 2026 wave with men only: the "woman" margin category is empty.
    const third = await makeWave(t.db, seriesId, { year: 2026 });
    await addRespondents(t.db, third, 10, { area: A, safety_evening: 'unsafe', gender: 'man' });
    await addRespondents(t.db, third, 90, { area: A, safety_evening: 'safe', gender: 'man' });
    const s = await goalStatus(t.db, await goal(0.12), planned);
    expect(s.weighting.basis).toBe('unweighted');
    expect(s.weighting.problems).toEqual([{ label: 'Måling 2026', report: { status: 'empty_category', variable: 'gender', category: 'woman' } }]);
    // Both sides unweighted: the baseline is 22/100, not the weighted 20 %.
    expect(s.baseline).toMatchObject({ kind: 'estimate', p: 0.22, weighted: false });
    expect(s.latest).toMatchObject({ kind: 'estimate', p: 0.1, weighted: false });
    const table = await goalsTable({ db: t.db, locale: 'da', role: 'analyst', k: 5, params: new URLSearchParams() });
    expect(table.note).toContain('ingen svarpersoner i kategorien woman (gender)');
    expect(table.note).not.toContain('ingen befolkningstal');
  });

  it('weighting reports failure on the wave pages too: an empty margin category is named, not "no population figures"', async () => {
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 5000 }, { category: 'man', population: 5000 }], 'Testtal', analyst);
    const third = await makeWave(t.db, seriesId, { year: 2026 });
    await addRespondents(t.db, third, 20, { area: A, safety_evening: 'safe', gender: 'man' });
    const table = (await waveDistributionTable({ db: t.db, locale: 'da', role: 'analyst', k: 5, params: new URLSearchParams({ wave: String(third.id), area: A }) }))!;
    expect(table.note).toContain('vægtningen til områdets befolkningstal lykkedes ikke (ingen svarpersoner i kategorien woman (gender))');
    expect(table.note).not.toContain('ingen befolkningstal at vægte til');
  });

  it('weighting reports failure: trimming that leaves a margin off target is "margins missed", with achieved against targeted, and not used', async () => {
    // 60 % of the baseline's respondents are women; a 2 % women target needs their weights far below the 0.2 floor.
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 200 }, { category: 'man', population: 9800 }], 'Testtal', analyst);
    const ids = (await t.db.select({ id: responses.id }).from(responses).where(eq(responses.surveyId, baseline.id))).map((r) => r.id);
    const trimmed = await rakedWeights(t.db, baseline.id, inner, ids, { min: 0.2, max: 5 });
    expect(trimmed.weights).toBeUndefined();
    expect(trimmed.report).toMatchObject({ status: 'margins_missed', converged: false, trim: { min: 0.2, max: 5 } });
    if (trimmed.report.status !== 'margins_missed') throw new Error('expected margins_missed');
    const woman = trimmed.report.margins.find((m) => m.category === 'woman')!;
    expect(woman.target).toBeCloseTo(0.02, 12);
    // At the floor: 60 · 0.2 of 100 = 12 %, six times the target.
    expect(woman.achieved).toBeCloseTo(0.12, 9);
    // Configurable bounds: wide enough, the margins are met and the weights used.
    const wide = await rakedWeights(t.db, baseline.id, inner, ids, { min: 0.01, max: 10 });
    expect(wide.report).toMatchObject({ status: 'weighted', converged: true });
    expect(parseEstimateOptions(new URLSearchParams('trim=0.01-10'), 5).trim).toEqual({ min: 0.01, max: 10 });
  });
});

describe('issue #15, problem 5', () => {
  it('residents only: where the wave asks the relation question, those who only work in the area are left out', async () => {
    await relation(baseline, 100, ['resident']);
    // 2025: the newest 57 "safe" men are residents; 10 more who work here, all "unsafe", are not.
    await relation(latest, 100, ['resident']);
    await addRespondents(t.db, latest, 10, { area: A, safety_evening: 'unsafe', gender: 'man' });
    await relation(latest, 10, ['works']);
    const s = await goalStatus(t.db, await goal(0.12), { ...planned, weighted: false });
    expect(s.population).toBe('residents');
    expect(s.latest).toMatchObject({ kind: 'estimate', p: 0.07, population: 'residents' });
    expectPublished((s.latest as { n: number }).n, 100);
    const all = await goalStatus(t.db, await goal(0.12), { ...planned, weighted: false, population: 'all' });
    expect(all.latest).toMatchObject({ kind: 'estimate', population: 'all' });
    expectPublished((all.latest as { n: number }).n, 110);
    expect(all.view).toBe('sensitivity');
  });
});

describe('issue #15, problem 5 and disclosure', () => {
  it('residents only is not applied where 1 to K − 1 non-residents would be left out: "everyone" minus "residents" would give their answers', async () => {
    await relation(latest, 100, ['resident']);
    await addRespondents(t.db, latest, 2, { area: A, safety_evening: 'unsafe', gender: 'man' });
    await relation(latest, 2, ['works']);
    const e = await estimateIndicator(t.db, INSECURITY_EVENING, latest.id, inner, { k: 5, weighted: false, excludeSuspicious: true });
    expect(e).toMatchObject({ suppressed: false, population: 'all' });
    expectPublished((e as { n: number }).n, 102);
  });
});

describe('issue #15, problem 6', () => {
  it('self-selected waves are labelled: a wave open to anyone makes the verdicts indicative', async () => {
    const g = await goal(0.12);
    expect((await goalStatus(t.db, g, planned)).selfSelected).toEqual(['Måling 2024', 'Måling 2025']);
    await t.db.update(surveys).set({ mode: 'invitation' });
    expect((await goalStatus(t.db, g, planned)).selfSelected).toEqual([]);
  });
});

describe('issue #15, problem 7', () => {
  it('Holm across a wave\'s goals: the change verdicts of goals measured in the same wave are adjusted together', async () => {
    await goal(0.12);
    await goal(0.12, { successValues: ['unsafe'] });
    await goal(0.12, { successValues: ['safe'], direction: 'increase' });
    const statuses = await listGoalStatuses(t.db, { ...planned, weighted: false });
    const ps = statuses.map((s) => s.change!.pValue);
    const sorted = [...ps].sort((a, b) => a - b);
    for (const s of statuses) {
      expect(s.change!.familySize).toBe(3);
      const rank = sorted.indexOf(s.change!.pValue);
      expect(s.change!.adjustedP).toBeGreaterThanOrEqual(Math.min(1, (3 - rank) * s.change!.pValue) - 1e-15);
      expect(s.change!.significant).toBe(s.change!.adjustedP < 0.05);
    }
    // A single goal is its own family.
    expect(applyHolm([statuses[0]!])[0]!.change!.adjustedP).toBe(statuses[0]!.change!.pValue);
  });

  it('the default view is the planned analysis; every switch is marked as a sensitivity view', async () => {
    const g = await goal(0.12);
    expect((await goalStatus(t.db, g, { ...parseEstimateOptions(new URLSearchParams(), 5), locale: 'da' })).view).toBe('planned');
    for (const q of ['vaegtet=0', 'mistaenkelige=med', 'population=alle', 'trim=0.1-10']) {
      expect((await goalStatus(t.db, g, { ...parseEstimateOptions(new URLSearchParams(q), 5), locale: 'da' })).view, q).toBe('sensitivity');
    }
  });

  it('"include suspicious" applies to both waves of a comparison: where one wave has fewer than K, neither includes them', async () => {
    // 2024: 2 suspicious (fewer than K); 2025: 10 suspicious.
    await addRespondents(t.db, baseline, 2, { area: A, safety_evening: 'very_unsafe', gender: 'man' }, { suspicious: true });
    await addRespondents(t.db, latest, 10, { area: A, safety_evening: 'very_unsafe', gender: 'man' }, { suspicious: true });
    const s = await goalStatus(t.db, await goal(0.12), { ...planned, weighted: false, excludeSuspicious: false });
    expect(s.suspicious).toEqual({ requestedExclude: false, excluded: true, switchIgnored: true });
    expect(s.latest).toMatchObject({ kind: 'estimate', p: 0.07 });
    expect(s.baseline).toMatchObject({ kind: 'estimate', p: 0.22 });
    expectPublished((s.latest as { n: number }).n, 100);
    expectPublished((s.baseline as { n: number }).n, 100);
  });
});

describe('issue #15, problem 8', () => {
  it('a share near success stays visible as a bound: 3 unsafe of 100 reads "below 4 %" with a verdict, not "too few"', async () => {
    const third = await makeWave(t.db, seriesId, { year: 2026 });
    await addRespondents(t.db, third, 3, { area: A, safety_evening: 'unsafe', gender: 'man' });
    await addRespondents(t.db, third, 97, { area: A, safety_evening: 'safe', gender: 'man' });
    const s = await goalStatus(t.db, await goal(0.12), { ...planned, weighted: false });
    expect(s.latest).toMatchObject({ kind: 'bounded', side: 'below', bound: 0.04, low: 0 });
    // Worst case 4 of 100: Wilson upper bound 9.8 % < 12 %, so the target is met whatever the few answers.
    expect(s.latest!.kind === 'bounded' && s.latest!.high).toBeCloseTo(0.0983, 3);
    expect(s.targetVerdict).toBe('met');
  });

  it('the trend table\'s note describes every wave: where the waves differ, each note names its waves', async () => {
    // Keeping suspicious responses: 2024 has none, 2025 has 2 (fewer than K), so the switch is ignored in 2025 only.
    await addRespondents(t.db, latest, 2, { area: A, safety_evening: 'very_unsafe', gender: 'man' }, { suspicious: true });
    const params = new URLSearchParams({ wave: String(latest.id), area: A, question: 'safety_evening', mistaenkelige: 'med' });
    const table = (await trendTable({ db: t.db, locale: 'da', role: 'analyst', k: 5, params }))!;
    expect(table.note).toMatch(/Måling 2024: /);
    expect(table.note).toMatch(/Måling 2025: /);
  });

  it('"the first value" of an answer is chosen by ORDER BY (the smallest answer id), not the database\'s order', async () => {
    // Give one 2024 respondent a second value. Ids are random (README "Privacy"), so "first"
    // is the smaller answer id: the same choice on every read and on both databases.
    const [q] = await t.db.select().from(questions).where(and(eq(questions.surveyId, baseline.id), eq(questions.key, 'safety_evening'))).limit(1);
    const counted = await t.db
      .select({ id: answers.id, responseId: answers.responseId })
      .from(answers)
      .where(and(eq(answers.questionId, q!.id), eq(answers.value, 'unsafe')))
      .limit(1);
    const [original] = counted;
    const [added] = await t.db.insert(answers).values({ responseId: original!.responseId, questionId: q!.id, item: null, value: 'safe' }).returning({ id: answers.id });
    const e = await estimateIndicator(t.db, INSECURITY_EVENING, baseline.id, inner, { k: 5, weighted: false, excludeSuspicious: true });
    // 22 of 100 counted before; the respondent now counts only if the counted value has the smaller id.
    expect(e).toMatchObject({ suppressed: false, p: added!.id < original!.id ? 0.21 : 0.22 });
    expect(await estimateIndicator(t.db, INSECURITY_EVENING, baseline.id, inner, { k: 5, weighted: false, excludeSuspicious: true })).toEqual(e);
  });
});
