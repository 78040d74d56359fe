/**
 * A small survey series for dashboard tests: waves with three questions
 * (area, evening safety, gender) and respondents added in bulk by answer
 * pattern, so tests can state their data as counts and check hand-calculated
 * figures.
 */
import { and, eq } from 'drizzle-orm';
import { checkCode, generateCodes } from '../../src/server/surveys/invitations.ts';
import { answers, areas, questions, responses, surveyAreas, surveyPages, surveySeries, surveys, type Goal, type Survey } from '../../db/schema.ts';
import type { Db } from '../../src/server/db/connection.ts';
import { storeResponse } from '../../src/server/surveys/answering.ts';
import { loadInstrument } from '../../src/server/surveys/surveys.ts';
import { SAFETY_OPTIONS } from '../../src/server/seed/demo-survey.ts';
import { createGoal, listGoals } from '../../src/server/dashboard/goals.ts';

let n = 0;

export async function makeSeries(db: Db): Promise<number> {
  n += 1;
  const [series] = await db.insert(surveySeries).values({ slug: `test-series-${n}`, titleDa: `Testserie ${n}` }).returning();
  return series!.id;
}

/** A wave of a series with the three-question instrument, in every area, closed unless said otherwise. */
export async function makeWave(db: Db, seriesId: number, options: { year: number; status?: 'open' | 'closed'; published?: boolean }): Promise<Survey> {
  n += 1;
  const [wave] = await db
    .insert(surveys)
    .values({
      seriesId,
      slug: `test-wave-${n}`,
      waveDa: `Måling ${options.year}`,
      waveEn: `Wave ${options.year}`,
      titleDa: 'Testmåling',
      status: options.status ?? 'closed',
      resultsPublished: options.published ?? false,
      opensAt: new Date(`${options.year}-03-01T00:00:00Z`),
      closesAt: new Date(`${options.year}-04-01T00:00:00Z`),
    })
    .returning();
  if (!wave) throw new Error('wave not inserted');
  const [page] = await db.insert(surveyPages).values({ surveyId: wave.id, position: 1, titleDa: 'Side' }).returning();
  if (!page) throw new Error('page not inserted');
  const q = (position: number, key: string, type: 'area' | 'single', config: Record<string, unknown>, extra: { allowDontKnow?: boolean; allowPreferNot?: boolean } = {}) =>
    db.insert(questions).values({ surveyId: wave.id, pageId: page.id, position, key, type, textDa: key, config, ...extra });
  await q(1, 'area', 'area', {});
  await q(2, 'safety_evening', 'single', { options: SAFETY_OPTIONS }, { allowDontKnow: true });
  await q(3, 'gender', 'single', { options: [{ value: 'woman', da: 'Kvinde', en: 'Woman' }, { value: 'man', da: 'Mand', en: 'Man' }] }, { allowPreferNot: true });
  const areaIds = (await db.select().from(areas)).map((a) => a.id);
  await db.insert(surveyAreas).values(areaIds.map((areaId) => ({ surveyId: wave.id, areaId })));
  return wave;
}

/** Adds `count` respondents in `area` giving these answers (and a suspicious flag, if set). */
export async function addRespondents(
  db: Db,
  wave: Survey,
  count: number,
  answers: { area: string; safety_evening?: string; gender?: string },
  options: { suspicious?: boolean; channel?: 'invitation' | 'open' | 'paper' } = {},
): Promise<void> {
  const pages = await loadInstrument(db, wave.id);
  // Invitation answers each use a code of their own, as the web form does.
  const codes = options.channel === 'invitation' ? (await checkCodes(db, wave.id, count)) : [];
  for (let i = 0; i < count; i++) {
    const result = await storeResponse(db, {
      survey: wave,
      pages,
      answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)) as Record<string, string>,
      channel: (options.channel ?? 'paper') === 'paper' ? 'paper' : 'web',
      invitationCodeId: codes[i] ?? null,
      flags: options.suspicious ? ['too_fast'] : [],
    });
    if (result.kind !== 'stored') throw new Error(`not stored: ${result.kind}`);
  }
}

/** `count` fresh invitation codes of a wave, checked as the form checks them (their ids). */
async function checkCodes(db: Db, surveyId: number, count: number): Promise<number[]> {
  const { codes } = await generateCodes(db, surveyId, count, null);
  const ids: number[] = [];
  for (const code of codes) {
    const check = await checkCode(db, surveyId, code);
    if (!check.ok) throw new Error('code refused');
    ids.push(check.codeId);
  }
  return ids;
}

/**
 * The goal these tests share: fewer residents of an area feeling unsafe in the
 * evening ("unsafe" or "very unsafe"), against a baseline wave, by the end of
 * 2027. `over` changes any field (titles, direction, item…). Returns the goal
 * as listGoals gives it.
 */
export async function makeEveningGoal(
  db: Db,
  by: number,
  goal: { seriesId: number; areaId: number; baselineId: number; targetValue: number },
  over: Partial<Parameters<typeof createGoal>[1]> = {},
): Promise<Goal> {
  const r = await createGoal(
    db,
    {
      titleDa: 'Utryghed om aftenen',
      titleEn: 'Unsafe in the evening',
      seriesId: goal.seriesId,
      questionKey: 'safety_evening',
      item: null,
      successValues: ['unsafe', 'very_unsafe'],
      areaId: goal.areaId,
      direction: 'decrease',
      baseline: { kind: 'wave', surveyId: goal.baselineId },
      targetValue: goal.targetValue,
      targetDate: '2027-12-31',
      ...over,
    },
    by,
  );
  if (!r.ok) throw new Error(r.reason);
  return (await listGoals(db)).find((g) => g.id === r.id)!;
}

/**
 * Gives `count` of a wave's answers to question `key` that are `from` (the
 * first by answer id) the value `to`, without touching the responses: the
 * dashboard's cache stamps follow responses and margins, not answers, so a
 * kept figure still shows the old value and one worked out afresh the new.
 */
export async function changeAnswersBehindCaches(db: Db, wave: Survey, key: string, from: string, to: string, count: number): Promise<void> {
  const [q] = await db.select({ id: questions.id }).from(questions).where(and(eq(questions.surveyId, wave.id), eq(questions.key, key)));
  const chosen = await db
    .select({ id: answers.id })
    .from(answers)
    .innerJoin(responses, eq(responses.id, answers.responseId))
    .where(and(eq(answers.questionId, q!.id), eq(answers.value, from), eq(responses.surveyId, wave.id)))
    .orderBy(answers.id)
    .limit(count);
  for (const a of chosen) await db.update(answers).set({ value: to }).where(eq(answers.id, a.id));
}
