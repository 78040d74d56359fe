/**
 * Who answered and the analysis plan fixed in advance (issue #15), each test
 * named after its rule, on a real SQLite file or PostgreSQL database: the
 * invited sample, the open link's answers beside it, the representativeness
 * table, and the plan locked when a wave opens with its audited changes.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { analysisPlans, areas, auditLog, planChanges, responses, surveys, type Survey } from '../../db/schema.ts';
import { addKeys, publishCount } from '../../src/lib/disclosure/index.ts';
import { goalStatus, goalsTable, listGoals, parseEstimateOptions, setMargins, updateGoal, deleteGoal } from '../../src/server/dashboard/goals.ts';
import { describePlanChange, planNotes, planOfWave } from '../../src/server/dashboard/plans.ts';
import { languageShares, representativeness, representativenessTable, warmRepresentativeness } from '../../src/server/dashboard/representativeness.ts';
import { goalStatusAtYearEnd } from '../../src/server/dashboard/status-report.ts';
import { responseChannel } from '../../src/server/surveys/answering.ts';
import { setSurveyStatus } from '../../src/server/surveys/surveys.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';
import { addRespondents, changeAnswersBehindCaches, makeEveningGoal, makeSeries, makeWave } from '../support/survey-factory.ts';

let t: TestDb;
let inner: number;
let seriesId: number;
let baseline: Survey;
let latest: Survey;
let analyst: number;
const A = 'indre-norrebro';
const planned = { k: 5, weighted: true, excludeSuspicious: true, locale: 'da' as const };

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  inner = (await t.db.select().from(areas)).find((a) => a.slug === A)!.id;
  analyst = (await makeUser(t.db, 'analyst')).user.id;
  seriesId = await makeSeries(t.db);
  // The baseline has no codes: everyone's answers (here paper). 22 of 100 unsafe.
  baseline = await makeWave(t.db, seriesId, { year: 2024 });
  await addRespondents(t.db, baseline, 22, { area: A, safety_evening: 'unsafe', gender: 'woman' });
  await addRespondents(t.db, baseline, 78, { area: A, safety_evening: 'safe', gender: 'man' });
  // The latest wave has letters with codes: 7 of 100 invited unsafe; 20 of 30 through the open link.
  latest = await makeWave(t.db, seriesId, { year: 2025 });
  await addRespondents(t.db, latest, 7, { area: A, safety_evening: 'unsafe', gender: 'woman' }, { channel: 'invitation' });
  await addRespondents(t.db, latest, 53, { area: A, safety_evening: 'safe', gender: 'woman' }, { channel: 'invitation' });
  await addRespondents(t.db, latest, 40, { area: A, safety_evening: 'safe', gender: 'man' }, { channel: 'paper' });
  await addRespondents(t.db, latest, 20, { area: A, safety_evening: 'unsafe', gender: 'man' }, { channel: 'open' });
  await addRespondents(t.db, latest, 10, { area: A, safety_evening: 'safe', gender: 'man' }, { channel: 'open' });
});

/** Gives `count` of a wave's women the gender `to`, behind the caches' back. */
const genderOf = (wave: Survey, count: number, to: string) => changeAnswersBehindCaches(t.db, wave, 'gender', 'woman', to, count);

async function goal(targetValue: number) {
  return makeEveningGoal(t.db, analyst, { seriesId, areaId: inner, baselineId: baseline.id, targetValue }, { titleDa: 'Utryghed', titleEn: 'Insecurity' });
}

describe('who answered', () => {
  it('each response records its coarse channel: invitation, open link or paper', async () => {
    const channels = (await t.db.select({ channel: responses.channel }).from(responses).where(eq(responses.surveyId, latest.id))).map((r) => r.channel);
    expect(channels.filter((c) => c === 'invitation')).toHaveLength(60);
    expect(channels.filter((c) => c === 'paper')).toHaveLength(40);
    expect(channels.filter((c) => c === 'open')).toHaveLength(30);
    expect(responseChannel('web', 12)).toBe('invitation');
    expect(responseChannel('web', null)).toBe('open');
    expect(responseChannel('paper', null)).toBe('paper');
    // Coarse: no column of a response names a code.
    expect(Object.keys((await t.db.select().from(responses).limit(1))[0]!).some((c) => /code/i.test(c))).toBe(false);
  });

  it('goal estimates use the invited sample when the wave has one', async () => {
    const g = await goal(0.1);
    const s = await goalStatus(t.db, g, planned);
    expect(s.latest?.kind).toBe('estimate');
    if (s.latest?.kind !== 'estimate' || s.baseline?.kind !== 'estimate') throw new Error('no estimate');
    // Invitation codes and paper: 7 of 100, the open link's 30 left out.
    expect(s.latest.sample).toBe('invited');
    expect(s.latest.p).toBeCloseTo(7 / 100, 12);
    // A wave without codes uses everyone, and says so.
    expect(s.baseline.sample).toBe('everyone');
    expect(s.baseline.p).toBeCloseTo(22 / 100, 12);
    expect(s.sample).toBe('mixed');
    // The invited sample is not self-selected: only the baseline (an open wave without codes) makes the verdicts indicative.
    expect(s.selfSelected).toEqual(['Måling 2024']);
    expect(s.view).toBe('planned');
  });

  it('open-link answers are shown beside the invited sample, estimated on their own and never pooled', async () => {
    const g = await goal(0.1);
    const s = await goalStatus(t.db, g, planned);
    // Only the wave with codes has open answers to show beside.
    expect(s.openAnswers.map((o) => o.wave.id)).toEqual([latest.id]);
    const open = s.openAnswers[0]!;
    if (open.kind !== 'estimate') throw new Error('open answers hidden');
    expect(open.sample).toBe('open');
    expect(open.p).toBeCloseTo(20 / 30, 12);
    // The planned comparison is untouched by them.
    if (s.latest?.kind !== 'estimate') throw new Error('no estimate');
    expect(s.latest.p).toBeCloseTo(0.07, 12);
  });

  it('pooling the open answers is a sensitivity view, marked as such', async () => {
    const g = await goal(0.1);
    const options = { ...parseEstimateOptions(new URLSearchParams('svar=alle'), 5), locale: 'da' as const };
    const s = await goalStatus(t.db, g, options);
    if (s.latest?.kind !== 'estimate') throw new Error('no estimate');
    expect(s.latest.sample).toBe('everyone');
    expect(s.latest.p).toBeCloseTo(27 / 130, 12);
    expect(s.view).toBe('sensitivity');
    const table = await goalsTable({ db: t.db, locale: 'en', role: 'analyst', k: 5, params: new URLSearchParams('svar=alle') });
    expect(table.note).toMatch(/^Sensitivity analysis, not the planned analysis\./);
    const plannedTable = await goalsTable({ db: t.db, locale: 'en', role: 'analyst', k: 5, params: new URLSearchParams() });
    expect(plannedTable.note).not.toMatch(/Sensitivity analysis, not the planned analysis/);
  });
});

describe('representativeness', () => {
  it('representativeness compares sample and population before and after weighting', async () => {
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 500 }, { category: 'man', population: 500 }], 'test', analyst);
    const rows = await representativeness(t.db, latest.id, inner, { k: 5, weighted: true, excludeSuspicious: true });
    const woman = rows.find((r) => r.variable === 'gender' && r.category === 'woman')!;
    const man = rows.find((r) => r.variable === 'gender' && r.category === 'man')!;
    expect(woman.population).toBe(0.5);
    // Before weighting: the engine's published counts of the invited sample (60 women, 40 men), and shares of them.
    const keysOf = async (channel: 'invitation' | 'paper') =>
      (await t.db.select({ ck: responses.cellKey }).from(responses).where(and(eq(responses.surveyId, latest.id), eq(responses.channel, channel)))).map((r) => r.ck);
    const women = publishCount(60, addKeys(...(await keysOf('invitation'))), 5)!;
    const men = publishCount(40, addKeys(...(await keysOf('paper'))), 5)!;
    expect(woman.n).toBe(women);
    expect(man.n).toBe(men);
    expect(woman.unweighted).toBeCloseTo(women / (women + men), 12);
    // After weighting: the margins are met (within the 1-point gap limit).
    expect(Math.abs(woman.weighted! - 0.5)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(man.weighted! - 0.5)).toBeLessThanOrEqual(0.01);
    // The page's table: counts only as published, a row for the areas, and shares for every category.
    const table = (await representativenessTable({ db: t.db, locale: 'en', role: 'analyst', k: 5, params: new URLSearchParams({ wave: String(latest.id) }) }))!;
    const genderRows = table.rows.filter((r) => r['variable'] === 'gender');
    expect(genderRows.find((r) => r['category'] === 'woman')!['n']).toBe(women);
    expect(genderRows.find((r) => r['category'] === 'man')!['n']).toBe(men);
    expect(table.rows.some((r) => r['variable'] === 'area')).toBe(true);
  });

  it('the representativeness table is kept until the wave\'s responses or the population figures change', async () => {
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 500 }, { category: 'man', population: 500 }], 'test', analyst);
    await setSurveyStatus(t.db, latest.id, 'closed', analyst);
    const ctx = { db: t.db, locale: 'en' as const, role: 'analyst' as const, k: 5, params: new URLSearchParams({ wave: String(latest.id) }) };
    const population = (table: Awaited<ReturnType<typeof representativenessTable>>) => table!.rows.find((r) => r['variable'] === 'gender' && r['category'] === 'woman')!['population'];
    const women = (table: Awaited<ReturnType<typeof representativenessTable>>) => table!.rows.find((r) => r['variable'] === 'gender' && r['category'] === 'woman')!['n'];
    const first = await representativenessTable(ctx);
    // Kept: answers changed behind the cache's back (its stamps follow responses and margins, not answers) do not show.
    await genderOf(latest, 20, 'man');
    expect(await representativenessTable(ctx)).toEqual(first);
    // New population figures: worked out again, with the new shares and the answers as they are now.
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 300 }, { category: 'man', population: 700 }], 'test', analyst);
    const second = await representativenessTable(ctx);
    expect(population(second)).toBeCloseTo(0.3, 12);
    expect(Math.abs(Number(women(second)) - 40)).toBeLessThanOrEqual(2);
    expect(Math.abs(Number(women(first)) - 60)).toBeLessThanOrEqual(2);
    // One more response (e.g. a late paper form entered): worked out again.
    await genderOf(latest, 20, 'man');
    await addRespondents(t.db, latest, 1, { area: A, safety_evening: 'safe', gender: 'woman' }, { channel: 'paper' });
    expect(Math.abs(Number(women(await representativenessTable(ctx))) - 21)).toBeLessThanOrEqual(2);
  });

  it('the figures of every closed wave\'s table are prepared at start-up and shared by both staff languages', async () => {
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 500 }, { category: 'man', population: 500 }], 'test', analyst);
    await setSurveyStatus(t.db, latest.id, 'closed', analyst);
    const closed = (await t.db.select({ status: surveys.status }).from(surveys)).filter((w) => w.status === 'closed').length;
    expect(await warmRepresentativeness(t.db, 5)).toBe(closed);
    // Changed behind the cache's back after the preparation: both languages' tables show the prepared figures.
    await genderOf(latest, 20, 'man');
    const table = (locale: 'da' | 'en') => representativenessTable({ db: t.db, locale, role: 'analyst', k: 5, params: new URLSearchParams({ wave: String(latest.id) }) });
    const counts = async (locale: 'da' | 'en') => (await table(locale))!.rows.filter((r) => r['variable'] === 'gender').map((r) => [r['category'], r['n']]);
    const fresh = await representativeness(t.db, latest.id, inner, { k: 5, weighted: true, excludeSuspicious: true });
    const prepared = await counts('da');
    expect(await counts('en')).toEqual(prepared);
    expect(Math.abs(Number(prepared.find(([c]) => c === 'woman')![1]) - 60)).toBeLessThanOrEqual(2);
    expect(Math.abs(fresh.find((r) => r.category === 'woman')!.n! - 40), 'worked out now, the change shows').toBeLessThanOrEqual(2);
    // The labels are each language's own.
    expect((await table('da'))!.title).not.toBe((await table('en'))!.title);
  });

  it('the languages a wave was answered in: published counts, fewer than K hidden with a second cell so neither can be worked out', async () => {
    await setSurveyStatus(t.db, latest.id, 'closed', analyst);
    const invited = await t.db.select({ id: responses.id }).from(responses).where(and(eq(responses.surveyId, latest.id), eq(responses.channel, 'invitation'))).orderBy(responses.id);
    expect(invited).toHaveLength(60);
    for (const [i, r] of invited.entries()) if (i < 32) await t.db.update(responses).set({ locale: i < 30 ? 'ar' : 'ur' }).where(eq(responses.id, r.id));
    const rows = await languageShares(t.db, latest, [(await t.db.select().from(areas).where(eq(areas.id, inner)))[0]!], { k: 5, weighted: true, excludeSuspicious: true, population: 'residents', sample: 'invited' });
    const of = (l: string) => rows.find((r) => r.category === l)!;
    expect(rows.map((r) => r.category)).toEqual(['da', 'en', 'ar', 'tr', 'so', 'ur']);
    // Of the 100 invited and paper responses, 68 in Danish, 30 in Arabic, 2 in Urdu: Urdu is below K, and Arabic (the smallest other) is hidden with it.
    expect(of('ur').n).toBeUndefined();
    expect(of('ar').n).toBeUndefined();
    expect(Math.abs(of('da').n! - 68)).toBeLessThanOrEqual(2);
    expect(of('en').n).toBe(0);
    for (const r of rows) expect(r.unweighted, 'no shares with a hidden cell in the row').toBeUndefined();
    // The dashboard's table names each language in itself.
    const table = (await representativenessTable({ db: t.db, locale: 'en', role: 'analyst', k: 5, params: new URLSearchParams({ wave: String(latest.id) }) }))!;
    const language = table.rows.filter((r) => r['variable'] === 'language (answered in)');
    expect(language.map((r) => r['category'])).toEqual(['Dansk', 'English', 'العربية', 'Türkçe', 'Soomaali', 'اردو']);
    expect(language.find((r) => r['category'] === 'Dansk')!['n']).toBe(of('da').n);
    expect(typeof language.find((r) => r['category'] === 'اردو')!['n']).not.toBe('number');
  });

  it('a category with fewer than K respondents is "too few", and its share with it', async () => {
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 500 }, { category: 'man', population: 500 }], 'test', analyst);
    const small = await makeWave(t.db, seriesId, { year: 2026 });
    await addRespondents(t.db, small, 2, { area: A, safety_evening: 'safe', gender: 'woman' });
    await addRespondents(t.db, small, 30, { area: A, safety_evening: 'safe', gender: 'man' });
    const rows = await representativeness(t.db, small.id, inner, { k: 5, weighted: true, excludeSuspicious: true });
    for (const r of rows) {
      expect(r.n).toBeUndefined();
      expect(r.unweighted).toBeUndefined();
      expect(r.weighted).toBeUndefined();
    }
  });
});

describe('the analysis plan', () => {
  it('the analysis plan is locked when the wave opens', async () => {
    const g = await goal(0.1);
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 500 }, { category: 'man', population: 500 }], 'test', analyst);
    const next = await makeWave(t.db, seriesId, { year: 2026, status: 'open' });
    // makeWave inserts it open; open it through the lifecycle as staff do (from draft).
    await setSurveyStatus(t.db, next.id, 'draft', analyst);
    expect(await planOfWave(t.db, next.id)).toBeUndefined();
    const now = new Date('2026-03-01T08:00:00Z');
    expect(await setSurveyStatus(t.db, next.id, 'open', analyst, now)).toBe(true);
    const plan = (await planOfWave(t.db, next.id))!;
    expect(plan.lockedAt.toISOString()).toBe(now.toISOString());
    expect(plan.lockedBy).toBe(analyst);
    expect(plan.plan.goals).toEqual([expect.objectContaining({ goalId: g.id, questionKey: 'safety_evening', areaId: inner, baselineSurveyId: baseline.id, targetValue: 0.1 })]);
    expect(plan.plan.weighting.trim).toEqual({ min: 0.2, max: 5 });
    expect(plan.plan.weighting.margins).toEqual([{ areaId: inner, variable: 'gender', categories: { woman: 500, man: 500 }, source: 'test' }]);
    expect(plan.plan.multiplicity).toMatch(/Holm/);
    // Opening again keeps the first plan.
    await setSurveyStatus(t.db, next.id, 'draft', analyst);
    await setSurveyStatus(t.db, next.id, 'open', analyst, new Date('2026-04-01T00:00:00Z'));
    expect(await t.db.select().from(analysisPlans).where(eq(analysisPlans.surveyId, next.id))).toHaveLength(1);
  });

  it('a goal changed after the wave opened shows the change', async () => {
    const g = await goal(0.1);
    const next = await makeWave(t.db, seriesId, { year: 2026 });
    await setSurveyStatus(t.db, next.id, 'draft', analyst);
    await setSurveyStatus(t.db, next.id, 'open', analyst, new Date('2026-03-01T08:00:00Z'));
    // Without a reason nothing is stored.
    expect(await updateGoal(t.db, g.id, { targetValue: 0.08 }, analyst, '  ')).toBe('reason_required');
    expect((await listGoals(t.db))[0]!.targetValue).toBe(0.1);
    expect(await t.db.select().from(planChanges)).toHaveLength(0);
    const when = new Date('2026-05-04T10:00:00Z');
    expect(await updateGoal(t.db, g.id, { targetValue: 0.08 }, analyst, 'Byrådets nye mål', when)).toBe('saved');
    const [change] = await t.db.select().from(planChanges);
    expect(change).toMatchObject({ goalId: g.id, kind: 'edit', reason: 'Byrådets nye mål', changedBy: analyst });
    expect(change!.before?.targetValue).toBe(0.1);
    expect(change!.after?.targetValue).toBe(0.08);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'plan.edit'))).length).toBe(1);
    // The locked plan itself is unchanged.
    expect((await planOfWave(t.db, next.id))!.plan.goals[0]!.targetValue).toBe(0.1);
    // Every page that uses the goal shows the change: the dashboard's status and table, and the annual report's status.
    const s = await goalStatus(t.db, (await listGoals(t.db))[0]!, planned);
    expect(s.planChanges).toHaveLength(1);
    const text = describePlanChange(s.planChanges[0]!, 'en');
    expect(text).toBe('The analysis plan was changed on 4 May 2026: target: 10% → 8% (reason: Byrådets nye mål).');
    expect(describePlanChange(s.planChanges[0]!, 'da')).toMatch(/^Analyseplanen blev ændret den 4\. maj 2026: målværdi: 10\s%\s→\s8\s% \(begrundelse: Byrådets nye mål\)\.$/);
    const table = await goalsTable({ db: t.db, locale: 'en', role: 'analyst', k: 5, params: new URLSearchParams() });
    expect(table.note).toContain(text);
    expect(table.rows[0]!['planChanged']).toBe(text);
    const closedAt = (w: Survey) => w.closesAt!;
    expect(goalStatusAtYearEnd(s, new Date('2026-01-01T00:00:00Z'), closedAt).planChanges).toEqual([]);
    expect(goalStatusAtYearEnd(s, new Date('2027-01-01T00:00:00Z'), closedAt).planChanges).toHaveLength(1);
  });

  it('population figures changed after the lock are shown as a change of the plan\'s weighting, wherever the goal is', async () => {
    const g = await goal(0.1);
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 500 }, { category: 'man', population: 500 }], 'test', analyst);
    const next = await makeWave(t.db, seriesId, { year: 2026 });
    await setSurveyStatus(t.db, next.id, 'draft', analyst);
    await setSurveyStatus(t.db, next.id, 'open', analyst, new Date('2026-03-01T08:00:00Z'));
    const status = async () => goalStatus(t.db, (await listGoals(t.db)).find((x) => x.id === g.id)!, planned);
    // While the wave is open its figures are not shown, so a change against its plan is not yet said.
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 450 }, { category: 'man', population: 550 }], 'test', analyst);
    expect((await status()).marginsChanged).toBeUndefined();
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 500 }, { category: 'man', population: 500 }], 'test', analyst);
    await setSurveyStatus(t.db, next.id, 'closed', analyst);
    expect((await status()).marginsChanged).toBeUndefined();
    // The same figures set again change nothing; new ones, or a new variable, do.
    await setMargins(t.db, inner, 'gender', [{ category: 'man', population: 500 }, { category: 'woman', population: 500 }], 'test', analyst);
    expect((await status()).marginsChanged).toBeUndefined();
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 450 }, { category: 'man', population: 550 }], 'Danmarks Statistik 2026', analyst);
    await setMargins(t.db, inner, 'age', [{ category: '16-29', population: 400 }, { category: '30+', population: 600 }], 'Danmarks Statistik 2026', analyst);
    const s = await status();
    expect(s.marginsChanged).toEqual({ surveyId: next.id, lockedAt: new Date('2026-03-01T08:00:00Z'), variables: ['age', 'gender'] });
    const en = 'The area\'s population figures used for weighting were changed after the analysis plan was locked on 1 March 2026 (age, gender); the figures are weighted to the new ones.';
    expect(planNotes(s, 'en')).toEqual([en]);
    expect(planNotes(s, 'da')[0]).toMatch(/^Befolkningstallene, der vægtes til i området, er ændret efter analyseplanen blev låst den 1\. marts 2026 \(age, gender\)/);
    // The dashboard's table says it beside the goal, as it does a recorded change.
    const table = await goalsTable({ db: t.db, locale: 'en', role: 'analyst', k: 5, params: new URLSearchParams() });
    expect(table.rows.find((r) => r['planChanged'] !== null)?.['planChanged']).toBe(en);
    expect(table.note).toContain(en);
    // The annual report of a year whose waves do not include it does not say it.
    const closedAt = (w: Survey) => w.closesAt ?? new Date('2026-06-01T00:00:00Z');
    expect(goalStatusAtYearEnd(s, new Date('2026-01-01T00:00:00Z'), closedAt).marginsChanged).toBeUndefined();
    // A later wave that locks the new figures does not hide that the shown 2026 wave's figures are no longer weighted as its plan said.
    const later = await makeWave(t.db, seriesId, { year: 2027 });
    await setSurveyStatus(t.db, later.id, 'draft', analyst);
    await setSurveyStatus(t.db, later.id, 'open', analyst, new Date('2027-03-01T08:00:00Z'));
    expect((await status()).marginsChanged).toMatchObject({ surveyId: next.id, variables: ['age', 'gender'] });
    // Setting the planned figures back removes the note.
    await setMargins(t.db, inner, 'gender', [{ category: 'woman', population: 500 }, { category: 'man', population: 500 }], 'test', analyst);
    await setMargins(t.db, inner, 'age', [], 'test', analyst);
    expect((await status()).marginsChanged).toBeUndefined();
  });

  it('adding or removing a goal after the lock needs a reason and is a plan change', async () => {
    const g = await goal(0.1);
    const next = await makeWave(t.db, seriesId, { year: 2026 });
    await setSurveyStatus(t.db, next.id, 'draft', analyst);
    await setSurveyStatus(t.db, next.id, 'open', analyst);
    expect(await deleteGoal(t.db, g.id, analyst)).toBe('reason_required');
    expect(await listGoals(t.db)).toHaveLength(1);
    await expect(goal(0.2)).rejects.toThrow('reason_required');
    expect(await listGoals(t.db)).toHaveLength(1);
    expect(await deleteGoal(t.db, g.id, analyst, 'Erstattet af et nyt mål')).toBe('deleted');
    expect((await t.db.select().from(planChanges)).map((c) => [c.goalId, c.kind])).toEqual([[g.id, 'remove']]);
  });

  it('a goal edited before any wave of its series opened is not a plan change', async () => {
    const g = await goal(0.1);
    expect(await updateGoal(t.db, g.id, { targetValue: 0.09 }, analyst)).toBe('saved');
    expect(await t.db.select().from(planChanges)).toHaveLength(0);
    expect((await goalStatus(t.db, (await listGoals(t.db))[0]!, planned)).planChanges).toEqual([]);
  });
});
